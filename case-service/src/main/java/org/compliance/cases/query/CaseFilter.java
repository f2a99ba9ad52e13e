package org.compliance.cases.query;

import java.time.Instant;

/** Filters of the case list; every one optional (null means "any"). */
public record CaseFilter(String status, String authority, String respondent, String assignee, String priority,
                         String text, Instant openedFrom, Instant openedTo) {
}
