package org.compliance.evidence.application;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.compliance.evidence.query.ResumableUploadRepository;
import org.compliance.evidence.query.ResumableUploadRow;
import org.compliance.evidence.query.UploadRepository;
import org.compliance.evidence.query.UploadRow;

/**
 * Resumable uploads under way (decision 26): each with the offset the blob store holds (and, where the store cannot
 * read back, the saved SHA-256 state of the bytes before it: {@link ResumableHashes}), written by one PATCH at a time
 * (a claim on the row, taken and renewed in short transactions). Once complete an upload becomes an ordinary
 * {@link Uploads.Upload} with the same id, submitted like any other.
 */
@ApplicationScoped
public class ResumableUploads {

    private final ResumableUploadRepository resumable;
    private final UploadRepository uploads;

    public ResumableUploads(ResumableUploadRepository resumable, UploadRepository uploads) {
        this.resumable = resumable;
        this.uploads = uploads;
    }

    @WithTransaction
    public Uni<ResumableUploadRow> create(String requestId, String organisation, String userId, String fileName,
                                          Integer item, long length, String staging, byte[] sha256State,
                                          Instant now) {
        ResumableUploadRow row = new ResumableUploadRow();
        row.uploadId = UUID.randomUUID();
        row.requestId = requestId;
        row.organisationAlias = organisation;
        row.createdBy = userId;
        row.fileName = fileName;
        row.item = item;
        row.length = length;
        row.offset = 0;
        row.sha256State = sha256State;
        row.staging = staging;
        row.createdAt = now;
        return resumable.persist(row);
    }

    /** The upload under way, when this organisation made it for this request. */
    @WithSession
    public Uni<Optional<ResumableUploadRow>> underWay(UUID uploadId, String requestId, String organisation) {
        return resumable.of(uploadId, requestId, organisation).map(Optional::ofNullable);
    }

    /** The upload once complete, when this organisation made it for this request. */
    @WithSession
    public Uni<Optional<Uploads.Upload>> completed(UUID uploadId, String requestId, String organisation) {
        return uploads.of(uploadId, requestId, organisation).map(row -> Optional.ofNullable(row).map(
                ResumableUploads::upload));
    }

    /** Claims the upload for a PATCH from {@code offset}; false when that is not the offset, or another PATCH writes. */
    @WithTransaction
    public Uni<Boolean> claim(UUID uploadId, String requestId, String organisation, long offset, UUID claim, Instant now,
                              Instant staleBefore) {
        return resumable.claim(uploadId, requestId, organisation, offset, claim, now, staleBefore);
    }

    /** Saves a PATCH's progress (and renews its claim); false when the claim was lost. */
    @WithTransaction
    public Uni<Boolean> progress(UUID uploadId, UUID claim, long offset, byte[] sha256State, Instant now) {
        return resumable.progress(uploadId, claim, offset, sha256State, now);
    }

    /** Saves a PATCH's progress at its end and lets the claim go; false when the claim was lost. */
    @WithTransaction
    public Uni<Boolean> release(UUID uploadId, UUID claim, long offset, byte[] sha256State, Instant now) {
        return resumable.release(uploadId, claim, offset, sha256State, now);
    }

    /** At most {@code limit} uploads idle since before {@code idleBefore} that no live PATCH is writing. */
    @WithSession
    public Uni<List<ResumableUploadRow>> abandoned(Instant idleBefore, Instant staleBefore, int limit) {
        return resumable.abandoned(idleBefore, staleBefore, limit);
    }

    /** Removes an upload if it is still abandoned (not resumed meanwhile); answers whether it was. */
    @WithTransaction
    public Uni<Boolean> expire(UUID uploadId, Instant idleBefore, Instant staleBefore) {
        return resumable.expire(uploadId, idleBefore, staleBefore);
    }

    /** The upload is complete and stored: it becomes an upload like a single request's, with the same id. */
    @WithTransaction
    public Uni<Uploads.Upload> complete(ResumableUploadRow underWay, String mediaType, BlobStore.Stored blob,
                                        Instant now) {
        UploadRow row = new UploadRow();
        row.uploadId = underWay.uploadId;
        row.requestId = underWay.requestId;
        row.organisationAlias = underWay.organisationAlias;
        row.uploadedBy = underWay.createdBy;
        row.fileName = underWay.fileName;
        row.mediaType = mediaType;
        row.sizeBytes = blob.sizeBytes();
        row.sha256 = blob.sha256();
        row.uploadedAt = now;
        row.item = underWay.item;
        return resumable.delete("uploadId", underWay.uploadId)
                .chain(() -> uploads.persist(row))
                .map(ResumableUploads::upload);
    }

    /** Removes an upload under way that no PATCH is writing (or whose writer fell silent); false otherwise. */
    @WithTransaction
    public Uni<Boolean> terminate(UUID uploadId, Instant staleBefore) {
        return resumable.delete("uploadId = ?1 and (patchClaim is null or claimedAt < ?2)", uploadId, staleBefore)
                .map(count -> count == 1);
    }

    private static Uploads.Upload upload(UploadRow row) {
        return new Uploads.Upload(row.uploadId, row.requestId, row.fileName, row.mediaType, row.sizeBytes, row.sha256,
                row.uploadedAt, row.item);
    }
}
