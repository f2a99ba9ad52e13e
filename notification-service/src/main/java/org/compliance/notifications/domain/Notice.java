package org.compliance.notifications.domain;

import java.util.Objects;

/**
 * One thing one person must be told: decided from one event, so (event, recipient) identifies it.
 *
 * @param recipientId Keycloak user id of the person told
 * @param kind        what kind of notice it is, e.g. {@code CASE_ASSIGNED}
 * @param caseId      the case it concerns
 * @param subject     one line, shown in the inbox list
 * @param body        the full text
 */
public record Notice(String recipientId, NoticeKind kind, String caseId, String subject, String body) {

    public Notice {
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }
}
