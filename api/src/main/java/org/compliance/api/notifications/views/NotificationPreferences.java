package org.compliance.api.notifications.views;

import java.util.List;

/**
 * A user's notification preferences as {@code GET /me/preferences} answers them and {@code PUT /me/preferences}
 * takes them whole (the legal notices listed are the kinds no choice affects; a {@code PUT} ignores them).
 *
 * @param notifyOfOwnActions whether the user is told of their own actions too; off when left out
 */
public record NotificationPreferences(List<SwitchedOff> switchedOff, boolean dailyDigest,
                                      Boolean notifyOfOwnActions, List<String> legalNotices) {

    public NotificationPreferences {
        switchedOff = switchedOff == null ? List.of() : List.copyOf(switchedOff);
        legalNotices = legalNotices == null ? List.of() : List.copyOf(legalNotices);
    }

    /** The same choices, with the user told of their own actions or not. */
    public NotificationPreferences withOwnActions(boolean notify) {
        return new NotificationPreferences(switchedOff, dailyDigest, notify, legalNotices);
    }

    /** A channel ({@code INBOX}, {@code EMAIL}) switched off for a kind of notice. */
    public record SwitchedOff(String kind, String channel) {
    }
}
