package org.compliance.api.notifications.views;

/** How many of a user's notifications are unread. */
public record Unread(long unread) {
}
