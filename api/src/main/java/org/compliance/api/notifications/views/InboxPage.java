package org.compliance.api.notifications.views;

import java.util.List;

/** One page of a user's inbox, and how many of all their notifications are unread. */
public record InboxPage(List<InboxItem> items, int page, int size, long unread) {
}
