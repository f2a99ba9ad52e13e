package org.compliance.api.cases.views;

import java.time.Instant;

/** One line of the staff case list. */
public record CaseListItem(String caseId, String title, String status, String authority, String priority,
                           String confidentiality, String respondents, String leadInvestigatorName,
                           boolean legalHold, boolean awaitingOverdueEvidence, Instant openedAt,
                           Instant updatedAt) {
}
