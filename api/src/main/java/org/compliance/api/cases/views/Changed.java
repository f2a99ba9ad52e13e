package org.compliance.api.cases.views;

/** A change case-service accepted, and the case version it led to (the next If-Match). */
public record Changed(String caseId, long version) {
}
