package org.compliance.api.audit.views;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One stored event as an auditor reads it: where it stands in the store and in its aggregate, who caused it (their
 * user id, name and realm roles as the event's metadata records them; none for the suite's own timers) and in which
 * chain, and its payload as stored (the event's own JSON object, whatever its type).
 */
public record HistoryEntry(long position, String aggregateId, long sequenceNumber, String type, Instant time,
                           String actorId, String actorName, List<String> actorRoles, String correlationId,
                           String causationId, Map<String, Object> payload) {
}
