package org.compliance.api.notifications.views;

/** A webhook endpoint just registered; the secret is shown once, now. */
public record Registered(Subscription subscription, String secret) {
}
