package org.compliance.cases.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code case_view}; written only by {@link CaseViewProjection}, read through Panache. The search documents
 * PostgreSQL derives from these columns ({@code staff_search}, {@code respondent_search}) and the notes' words
 * ({@code notes_search}, which the projection adds note by note) are not mapped: only {@link CaseQueries}' SQL reads
 * them.
 */
@Entity
@Table(schema = "case_service", name = "case_view")
public class CaseViewRow {

    @Id
    @Column(name = "case_id")
    public String caseId;
    public long version;
    public String title;
    public String summary;
    public String authority;
    public String priority;
    @Column(name = "priority_rank")
    public short priorityRank;
    public String confidentiality;
    public String status;
    @Column(name = "lead_investigator_id")
    public String leadInvestigatorId;
    @Column(name = "lead_investigator_name")
    public String leadInvestigatorName;
    @Column(name = "respondent_names")
    public String respondentNames;
    /** Lead and team user ids, each between spaces. */
    public String members;
    @Column(name = "legal_hold")
    public boolean legalHold;
    @Column(name = "awaiting_overdue_evidence")
    public boolean awaitingOverdueEvidence;
    @Column(name = "opened_at")
    public Instant openedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    public String document;
    /** Allegations, legal bases and parties' names: what staff search beyond title and summary. */
    @Column(name = "search_text")
    public String searchText;
    /** The allegations and legal bases a respondent reads: what a company searches beyond the title. */
    @Column(name = "respondent_search_text")
    public String respondentSearchText;
}
