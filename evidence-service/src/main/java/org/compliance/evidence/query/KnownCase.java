package org.compliance.evidence.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code known_case}; written only by {@link KnownCaseProjection}. */
@Entity
@Table(schema = "evidence_service", name = "known_case")
public class KnownCase {

    @Id
    @Column(name = "case_id")
    public String caseId;
    public String status;
    /** Comma-separated organisation aliases. */
    public String respondents;
    /** The authority that runs the case, as its CaseOpened named it. */
    public String authority;
    @Column(name = "opened_at")
    public Instant openedAt;
    /** The case's title as opened (what a formal notice names the case by). */
    public String title;
    /** The names of its respondents, past and present, as a JSON object from alias to name. */
    @Column(name = "respondent_names")
    public String respondentNames;
    /** The lead investigator's user id. */
    @Column(name = "lead_investigator_id")
    public String leadInvestigatorId;
    /** Team members' user ids, each between spaces. */
    public String team;
    /** The sequence number of the case's last event folded in. */
    public long version;
}
