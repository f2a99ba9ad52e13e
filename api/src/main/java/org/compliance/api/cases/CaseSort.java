package org.compliance.api.cases;

/**
 * The orders of the case list: by relevance to the search's words (best match first among the newest matches, 1,000
 * by default, then the older ones newest first; without words, as OPENED_AT), or by one of the list's columns, the
 * case id breaking ties.
 */
public enum CaseSort {
    RELEVANCE, OPENED_AT, UPDATED_AT, TITLE, PRIORITY, STATUS, AUTHORITY, CONFIDENTIALITY, RESPONDENTS,
    LEAD_INVESTIGATOR, LEGAL_HOLD, OVERDUE_EVIDENCE
}
