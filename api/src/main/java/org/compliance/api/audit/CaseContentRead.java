package org.compliance.api.audit;

import java.time.Instant;

/**
 * Someone read a case's content (its page, history, state, timeline, verification or bundle): kept as an event of the
 * case's reads ({@code reads-<caseId>}) in the hash-chained store, so "who looked" is as tamper-evident as what they
 * looked at, and covered by the checkpoints like every other chain.
 */
public record CaseContentRead(String caseId, String what, String detail, String userId, String userName,
                              Instant readAt) {
}
