package org.compliance.notifications.domain;

import java.util.Set;

/**
 * A person's choices. A channel switched off for a kind of notice is not used for it, except for legal
 * notices, which always reach the inbox and go by e-mail at once; with the daily digest on, other e-mail
 * waits for the next digest.
 *
 * @param switchedOff "KIND/CHANNEL" pairs the person turned off
 */
public record Preferences(Set<String> switchedOff, boolean dailyDigest) {

    public static final Preferences DEFAULTS = new Preferences(Set.of(), false);

    public Preferences {
        switchedOff = Set.copyOf(switchedOff);
    }

    public boolean wants(NoticeKind kind, Channel channel) {
        return kind.isLegalNotice() || !switchedOff.contains(kind.name() + "/" + channel.name());
    }

    /** Whether an e-mail of this kind waits for the digest instead of going now. */
    public boolean holdsForDigest(NoticeKind kind) {
        return dailyDigest && !kind.isLegalNotice();
    }
}
