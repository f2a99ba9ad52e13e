package org.compliance.api.cases.views;

import java.time.Instant;
import java.util.List;

/**
 * What a respondent is told about a case against it: who runs it, where it stands, what is alleged, and
 * the decision once issued. Never the team, notes, complainants, priority or confidentiality.
 */
public record RespondentCaseView(String caseId, String title, String authority, String status,
                                 List<String> legalBases, String yourOrganisation,
                                 List<RespondentAllegation> allegations, DecisionView decision,
                                 Instant openedAt, long version) {
}
