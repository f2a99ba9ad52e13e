package org.compliance.api.cases.views;

import java.time.Instant;

/** One line of a company's case list: its own cases, without staff-only fields. */
public record RespondentListItem(String caseId, String title, String status, String authority,
                                 Instant openedAt) {
}
