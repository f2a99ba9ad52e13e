package org.compliance.api.notifications.views;

import java.util.List;

/**
 * One page of a user's inbox (as filtered), how many of all their notifications are unread, and the kinds of
 * notification they have had (what the inbox can be filtered by).
 */
public record InboxPage(List<InboxItem> items, int page, int size, long unread, List<String> kinds) {
}
