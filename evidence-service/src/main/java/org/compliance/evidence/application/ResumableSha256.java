package org.compliance.evidence.application;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a resumable upload's bytes so far, carried on by each append (decision 26, amended), with the number
 * of bytes it covers. Either the JDK's digest ({@link #live}: fast, but its state cannot be saved, so it lives in
 * memory between PATCHes and is rebuilt by reading back what the store holds) or Bouncy Castle's ({@link #saved}:
 * about seven times slower, its state saved with the offset, for a store that cannot read back).
 */
public final class ResumableSha256 {

    private final MessageDigest live;
    private final Sha256State saved;
    private long covered;

    private ResumableSha256(MessageDigest live, Sha256State saved, long covered) {
        this.live = live;
        this.saved = saved;
        this.covered = covered;
    }

    /** The JDK's digest before any byte. */
    public static ResumableSha256 live() {
        return live(jdk(), 0);
    }

    /** The JDK's digest {@code digest}, which has hashed the first {@code covered} bytes. */
    static ResumableSha256 live(MessageDigest digest, long covered) {
        return new ResumableSha256(digest, null, covered);
    }

    /** Takes up a saved Bouncy Castle state of the first {@code covered} bytes. */
    public static ResumableSha256 saved(byte[] state, long covered) {
        return new ResumableSha256(null, Sha256State.of(state), covered);
    }

    public void update(byte[] bytes, int offset, int length) {
        if (live != null) {
            live.update(bytes, offset, length);
        } else {
            saved.update(bytes, offset, length);
        }
        covered += length;
    }

    /** How many bytes, from the first, it has hashed. */
    public long covered() {
        return covered;
    }

    /** Whether this is the JDK's digest, which cannot be saved but only kept in memory. */
    public boolean isLive() {
        return live != null;
    }

    /** The state to save with the offset: Bouncy Castle's; null for the JDK's, which has none to save. */
    public byte[] state() {
        return live != null ? null : saved.state();
    }

    /** The hash of the bytes so far (lower-case hex); this goes on unchanged. */
    public String hex() {
        if (live == null) {
            return saved.hex();
        }
        try {
            return HexFormat.of().formatHex(((MessageDigest) live.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("The JDK's SHA-256 cannot be copied", e);
        }
    }

    static MessageDigest jdk() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
