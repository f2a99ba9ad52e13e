package org.compliance.api.audit.views;

import java.time.Instant;

/**
 * Someone's look at a case: its page, history, state, verification or export. {@code onRecord}: kept as an event of
 * the case's reads in the hash-chained store (false for looks kept before reads were put on the record, as plain rows
 * anyone with database rights could have edited); {@code intact}: the reads' chain verifies up to this one.
 */
public record Access(String caseId, String what, String detail, String userId, String userName,
                     Instant accessedAt, boolean onRecord, boolean intact) {
}
