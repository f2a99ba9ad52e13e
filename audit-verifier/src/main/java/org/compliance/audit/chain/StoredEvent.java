package org.compliance.audit.chain;

/**
 * One row of the event store exactly as stored: what the chain hash covers.
 *
 * @param type     the aggregate type
 * @param metaData the stored metadata bytes, or null
 */
public record StoredEvent(long globalIndex, String eventId, String type, String aggregateId, long sequenceNumber,
                          String timeStamp, String payloadType, String payloadRevision, byte[] payload,
                          byte[] metaData) {
}
