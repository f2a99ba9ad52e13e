package org.compliance.evidence.application;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.compliance.api.evidence.EvidenceFile;
import org.compliance.evidence.query.UploadRepository;
import org.compliance.evidence.query.UploadRow;
import org.compliance.platform.domain.RuleViolation;

/** Files received for a request and not yet submitted: recorded with who sent them, when, and their hash. */
@ApplicationScoped
public class Uploads {

    /** {@code item}: the number (from 1) of the request's item the file answers; null when it names none. */
    public record Upload(UUID uploadId, String requestId, String fileName, String mediaType, long sizeBytes,
                         String sha256, Instant uploadedAt, Integer item) {
    }

    private final UploadRepository uploads;

    public Uploads(UploadRepository uploads) {
        this.uploads = uploads;
    }

    @WithTransaction
    public Uni<Upload> record(String requestId, String organisation, String userId, String fileName, String mediaType,
                              Integer item, BlobStore.Stored blob, Instant now) {
        UploadRow row = new UploadRow();
        row.uploadId = UUID.randomUUID();
        row.requestId = requestId;
        row.organisationAlias = organisation;
        row.uploadedBy = userId;
        row.fileName = fileName;
        row.mediaType = mediaType;
        row.sizeBytes = blob.sizeBytes();
        row.sha256 = blob.sha256();
        row.uploadedAt = now;
        row.item = item;
        return uploads.persist(row).map(stored -> new Upload(row.uploadId, requestId, fileName, mediaType,
                blob.sizeBytes(), blob.sha256(), now, item));
    }

    /** The files of these uploads, in the order given, which must all belong to the request and the organisation. */
    @WithSession
    public Uni<List<EvidenceFile>> files(String requestId, String organisation, List<UUID> uploadIds) {
        return uploads.of(requestId, organisation, uploadIds).map(rows -> {
            Map<UUID, UploadRow> found = rows.stream().collect(Collectors.toMap(r -> r.uploadId, Function.identity()));
            return uploadIds.stream().map(id -> {
                UploadRow row = found.get(id);
                if (row == null) {
                    throw RuleViolation.unprocessable("No upload " + id + " was made for request " + requestId);
                }
                return new EvidenceFile(id.toString(), row.fileName, row.mediaType, row.sizeBytes, row.sha256,
                        row.item);
            }).toList();
        });
    }
}
