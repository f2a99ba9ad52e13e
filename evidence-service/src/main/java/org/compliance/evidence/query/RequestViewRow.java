package org.compliance.evidence.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code request_view}; written only by {@link RequestViewProjection}. */
@Entity
@Table(schema = "evidence_service", name = "request_view")
public class RequestViewRow {

    @Id
    @Column(name = "request_id")
    public String requestId;
    public long version;
    @Column(name = "case_id")
    public String caseId;
    @Column(name = "organisation_alias")
    public String organisationAlias;
    public String status;
    @Column(name = "due_at")
    public Instant dueAt;
    public boolean overdue;
    /** A submission awaits the regulator's review. */
    @Column(name = "awaiting_review")
    public boolean awaitingReview;
    /** An extension request awaits a supervisor's decision. */
    @Column(name = "extension_pending")
    public boolean extensionPending;
    @Column(name = "issued_at")
    public Instant issuedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    public String document;
    /** The data subjects its texts name, each between spaces. */
    @Column(name = "named_subjects")
    public String namedSubjects;
    /** JSON: the data subjects each text names, by its place in the document ({@link RequestTexts}). */
    @Column(name = "text_subjects")
    public String textSubjects;
}
