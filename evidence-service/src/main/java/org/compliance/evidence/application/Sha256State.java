package org.compliance.evidence.application;

import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * SHA-256 computed piece by piece across requests: its state after the bytes so far can be saved (a few hundred bytes,
 * kept with a resumable upload's offset) and taken up again, so that resuming an upload never re-reads, nor hashes
 * again, what the store already holds. The JDK's MessageDigest cannot be saved; Bouncy Castle's digest can (its
 * {@code EncodableDigest}).
 */
public final class Sha256State {

    private final SHA256Digest digest;

    private Sha256State(SHA256Digest digest) {
        this.digest = digest;
    }

    /** The state before any byte. */
    public static byte[] initial() {
        return new SHA256Digest().getEncodedState();
    }

    /** Takes up a saved state. */
    public static Sha256State of(byte[] saved) {
        return new Sha256State(new SHA256Digest(saved));
    }

    public void update(byte[] bytes, int offset, int length) {
        digest.update(bytes, offset, length);
    }

    /** The state to save: the bytes so far. */
    public byte[] state() {
        return digest.getEncodedState();
    }

    /** The hash of the bytes so far (lower-case hex); this state goes on unchanged. */
    public String hex() {
        SHA256Digest copy = new SHA256Digest(digest);
        byte[] out = new byte[copy.getDigestSize()];
        copy.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
