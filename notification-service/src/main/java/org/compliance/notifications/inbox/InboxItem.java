package org.compliance.notifications.inbox;

import java.time.Instant;
import java.util.UUID;

/** One notification as its recipient sees it. */
public record InboxItem(UUID id, String recipientId, String kind, String urgency, String caseId, String requestId,
                        String subject, String body, String link, Instant createdAt, Instant readAt) {

    public static InboxItem of(InboxNotification n) {
        return new InboxItem(n.id, n.recipientId, n.kind, n.urgency, n.caseId, n.requestId, n.subject, n.body,
                n.link, n.createdAt, n.readAt);
    }
}
