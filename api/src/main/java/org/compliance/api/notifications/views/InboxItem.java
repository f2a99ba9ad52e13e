package org.compliance.api.notifications.views;

import java.time.Instant;
import java.util.UUID;

/** One notification as its recipient sees it. */
public record InboxItem(UUID id, String recipientId, String kind, String urgency, String caseId, String requestId,
                        String subject, String body, String link, Instant createdAt, Instant readAt) {
}
