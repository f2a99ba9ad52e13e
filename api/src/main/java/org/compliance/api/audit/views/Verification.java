package org.compliance.api.audit.views;

/**
 * The verdict: intact, or the first event that does not match and why; and whether the store still has
 * the chain ends the latest signed checkpoint fixed (null when there is no checkpoint yet).
 */
public record Verification(boolean intact, long aggregates, long events, ChainProblem firstProblem,
                           Long checkpointPosition, Boolean checkpointMatches) {

    /** What is wrong, and where: the first event (by sequence number) that does not match. */
    public record ChainProblem(String aggregateId, long sequenceNumber, String eventId, Long globalIndex, String reason) {
    }
}
