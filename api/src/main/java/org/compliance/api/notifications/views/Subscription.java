package org.compliance.api.notifications.views;

import java.time.Instant;
import java.util.UUID;

/** A company's webhook endpoint. */
public record Subscription(UUID id, String organisationAlias, String url, String createdBy, Instant createdAt) {
}
