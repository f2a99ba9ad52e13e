package org.compliance.notifications.domain;

import java.util.List;
import java.util.Objects;

/**
 * One thing to tell an audience, decided from one event: (event, recipient, kind) identifies each
 * notification made from it. An event may give two notices of one kind with different words: one for staff,
 * one for the companies concerned (audiences that never share a person).
 *
 * @param caseTitle what the case is called in the text: its title, or its id when the title is not known
 * @param requestId the evidence request it concerns, or null
 * @param subject   one line, shown in the inbox list and as the e-mail subject
 * @param body      the full text
 * @param actor     the user whose action the event records (not told of it unless they chose to be), or null
 */
public record Notice(NoticeKind kind, Urgency urgency, List<Audience> audience, String caseId, String caseTitle,
                     String requestId, String subject, String body, String actor) {

    public Notice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(urgency, "urgency");
        audience = List.copyOf(audience);
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(caseTitle, "caseTitle");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }
}
