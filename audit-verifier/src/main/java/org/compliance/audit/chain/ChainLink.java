package org.compliance.audit.chain;

/** The hash the store recorded for one event, and the previous hash it was chained to (null for the first). */
public record ChainLink(String aggregateId, long sequenceNumber, String eventId, byte[] hash, byte[] previousHash) {
}
