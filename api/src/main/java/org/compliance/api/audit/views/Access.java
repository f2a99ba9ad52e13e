package org.compliance.api.audit.views;

import java.time.Instant;

/** Someone's look at a case: its history, verification or export. */
public record Access(String caseId, String what, String detail, String userId, String userName,
                     Instant accessedAt) {
}
