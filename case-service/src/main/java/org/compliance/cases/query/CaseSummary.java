package org.compliance.cases.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Read-model row of a case; stays inside the service, the API speaks {@code CaseView}. */
@Entity
@Table(schema = "case_service", name = "case_summary")
public class CaseSummary {

    @Id
    @Column(name = "case_id")
    public String caseId;
    public String title;
    public String status;
    /** Comma-separated organisation aliases. */
    public String respondents;
    @Column(name = "lead_investigator_id")
    public String leadInvestigatorId;
    @Column(name = "lead_investigator_name")
    public String leadInvestigatorName;
    @Column(name = "opened_at")
    public Instant openedAt;
}
