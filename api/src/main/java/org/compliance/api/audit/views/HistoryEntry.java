package org.compliance.api.audit.views;

import java.time.Instant;
import java.util.Map;

/**
 * One stored event as an auditor reads it: where it stands in the store and in its aggregate, who caused it and in
 * which chain, and its payload as stored (the event's own JSON object, whatever its type).
 */
public record HistoryEntry(long position, String aggregateId, long sequenceNumber, String type, Instant time,
                           String actorId, String actorName, String correlationId, String causationId,
                           Map<String, Object> payload) {
}
