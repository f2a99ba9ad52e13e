package org.compliance.evidence.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code upload}: a file received for a request and not yet submitted. */
@Entity
@Table(schema = "evidence_service", name = "upload")
public class UploadRow {

    @Id
    @Column(name = "upload_id")
    public UUID uploadId;
    @Column(name = "request_id")
    public String requestId;
    @Column(name = "organisation_alias")
    public String organisationAlias;
    @Column(name = "uploaded_by")
    public String uploadedBy;
    @Column(name = "file_name")
    public String fileName;
    @Column(name = "media_type")
    public String mediaType;
    @Column(name = "size_bytes")
    public long sizeBytes;
    @Column(columnDefinition = "bpchar(64)")
    public String sha256;
    @Column(name = "uploaded_at")
    public Instant uploadedAt;
    /** The number (from 1) of the request's item the file answers; null when it names none. */
    public Integer item;
}
