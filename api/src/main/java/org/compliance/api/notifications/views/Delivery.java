package org.compliance.api.notifications.views;

import java.time.Instant;
import java.util.UUID;

/** One event's delivery to a webhook endpoint: where it stands, and how its last attempt went. */
public record Delivery(UUID id, UUID subscriptionId, String eventId, String type, String status, int attempts,
                       Instant nextAttemptAt, String lastError, Integer lastStatus, Instant createdAt,
                       Instant deliveredAt) {
}
