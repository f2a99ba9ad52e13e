package org.compliance.evidence.application;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.compliance.api.evidence.EvidenceFile;
import org.compliance.platform.domain.RuleViolation;

/** Files received for a request and not yet submitted: recorded with who sent them, when, and their hash. */
@ApplicationScoped
public class Uploads {

    public record Upload(UUID uploadId, String requestId, String fileName, String mediaType, long sizeBytes,
                         String sha256, Instant uploadedAt) {
    }

    private final AgroalDataSource dataSource;

    public Uploads(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Upload record(String requestId, String organisation, String userId, String fileName, String mediaType,
                         BlobStore.Stored blob, Instant now) {
        Upload upload = new Upload(UUID.randomUUID(), requestId, fileName, mediaType, blob.sizeBytes(), blob.sha256(),
                now);
        try (var connection = dataSource.getConnection();
             var insert = connection.prepareStatement("""
                     INSERT INTO evidence_service.upload (upload_id, request_id, organisation_alias, uploaded_by,
                         file_name, media_type, size_bytes, sha256, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, upload.uploadId());
            insert.setString(2, requestId);
            insert.setString(3, organisation);
            insert.setString(4, userId);
            insert.setString(5, fileName);
            insert.setString(6, mediaType);
            insert.setLong(7, blob.sizeBytes());
            insert.setString(8, blob.sha256());
            insert.setTimestamp(9, Timestamp.from(now));
            insert.executeUpdate();
            return upload;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The files of these uploads, which must all belong to the request and the organisation. */
    public List<EvidenceFile> files(String requestId, String organisation, List<UUID> uploadIds) {
        List<EvidenceFile> files = new ArrayList<>();
        try (var connection = dataSource.getConnection();
             var select = connection.prepareStatement("""
                     SELECT file_name, media_type, size_bytes, sha256 FROM evidence_service.upload
                     WHERE upload_id = ? AND request_id = ? AND organisation_alias = ?""")) {
            for (UUID id : uploadIds) {
                select.setObject(1, id);
                select.setString(2, requestId);
                select.setString(3, organisation);
                try (var row = select.executeQuery()) {
                    if (!row.next()) {
                        throw RuleViolation.unprocessable("No upload " + id + " was made for request " + requestId);
                    }
                    files.add(new EvidenceFile(id.toString(), row.getString(1), row.getString(2), row.getLong(3),
                            row.getString(4)));
                }
            }
            return files;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
