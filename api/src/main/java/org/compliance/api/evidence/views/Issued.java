package org.compliance.api.evidence.views;

import java.time.Instant;

/** A request issued (or, for the due-moment preview, the moment it would be due), and the zone of its deadline. */
public record Issued(String requestId, Instant dueAt, String zone) {
}
