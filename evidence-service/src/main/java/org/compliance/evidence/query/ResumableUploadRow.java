package org.compliance.evidence.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code resumable_upload} (migrations V9, V10): a resumable upload under way, with the last byte the blob
 * store holds ({@code offset}) and, where the store cannot read those bytes back (S3), the saved SHA-256 state of them.
 */
@Entity
@Table(schema = "evidence_service", name = "resumable_upload")
public class ResumableUploadRow {

    @Id
    @Column(name = "upload_id")
    public UUID uploadId;
    @Column(name = "request_id")
    public String requestId;
    @Column(name = "organisation_alias")
    public String organisationAlias;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "file_name")
    public String fileName;
    /** The number (from 1) of the request's item the file answers; null when it names none. */
    public Integer item;
    /** The file's whole length, declared when the upload was created. */
    public long length;
    @Column(name = "upload_offset")
    public long offset;
    /** Bouncy Castle's SHA-256 state of the bytes held; null where the store reads them back (decision 26, amended). */
    @Column(name = "sha256_state")
    public byte[] sha256State;
    /** The blob store's name for the unfinished object. */
    public String staging;
    @Column(name = "created_at")
    public Instant createdAt;
    /** The PATCH writing now, if any, and when it last showed it was alive. */
    @Column(name = "patch_claim")
    public UUID patchClaim;
    @Column(name = "claimed_at")
    public Instant claimedAt;
}
