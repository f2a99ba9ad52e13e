package org.compliance.api.evidence.views;

/** A change evidence-service accepted, and the request version it led to (the next If-Match). */
public record Changed(String requestId, long version) {
}
