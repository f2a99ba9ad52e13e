package org.compliance.evidence.application;

/**
 * How a receipt's PDF names what the receipt identifies by id: the case's title, the request's subject, the
 * organisation's name (each null when evidence-service does not know it; the id is shown alone).
 */
public record ReceiptHeading(String caseTitle, String requestSubject, String organisationName) {
}
