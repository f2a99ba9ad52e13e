package org.compliance.notifications.domain;

import java.util.Set;

/**
 * A person's choices. A channel switched off for a kind of notice is not used for it, except for legal
 * notices, which always reach the inbox and go by e-mail at once; with the daily digest on, other e-mail
 * waits for the next digest. A person is not told of their own actions (a decision they issued, a case they
 * opened) unless they chose to be, legal notices included: they know already.
 *
 * @param switchedOff "KIND/CHANNEL" pairs the person turned off
 * @param ownActions  whether the person is told of their own actions too
 */
public record Preferences(Set<String> switchedOff, boolean dailyDigest, boolean ownActions) {

    public static final Preferences DEFAULTS = new Preferences(Set.of(), false, false);

    public Preferences {
        switchedOff = Set.copyOf(switchedOff);
    }

    public boolean wants(NoticeKind kind, Channel channel) {
        return kind.isLegalNotice() || !switchedOff.contains(kind.name() + "/" + channel.name());
    }

    /** Whether the person {@code userId} is told of this notice at all. */
    public boolean tellsOf(Notice notice, String userId) {
        return ownActions || !userId.equals(notice.actor());
    }

    /** Whether an e-mail of this kind waits for the digest instead of going now. */
    public boolean holdsForDigest(NoticeKind kind) {
        return dailyDigest && !kind.isLegalNotice();
    }
}
