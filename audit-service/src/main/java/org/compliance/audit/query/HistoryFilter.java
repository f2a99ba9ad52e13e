package org.compliance.audit.query;

import java.time.Instant;

/**
 * Which events of a history to show: a time range [from, to), an event type (simple name, e.g.
 * {@code EvidenceSubmitted}) and an actor (user id); null means any.
 */
public record HistoryFilter(Instant from, Instant to, String type, String actor) {
}
