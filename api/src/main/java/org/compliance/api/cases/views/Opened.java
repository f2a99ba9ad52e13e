package org.compliance.api.cases.views;

/** A case case-service opened. */
public record Opened(String caseId) {
}
