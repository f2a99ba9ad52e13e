package org.compliance.notifications.domain;

import java.util.List;
import java.util.Objects;

/**
 * One thing to tell an audience, decided from one event: (event, recipient, kind) identifies each
 * notification made from it.
 *
 * @param requestId the evidence request it concerns, or null
 * @param subject   one line, shown in the inbox list and as the e-mail subject
 * @param body      the full text
 */
public record Notice(NoticeKind kind, Urgency urgency, List<Audience> audience, String caseId, String requestId,
                     String subject, String body) {

    public Notice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(urgency, "urgency");
        audience = List.copyOf(audience);
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }
}
