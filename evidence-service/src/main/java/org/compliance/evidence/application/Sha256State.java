package org.compliance.evidence.application;

import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * SHA-256 computed piece by piece across requests: its state after the bytes so far can be saved (a few hundred bytes,
 * kept with a resumable upload's offset) and taken up again, for a store that cannot read back what it holds of an
 * upload under way (S3: the parts of a multipart upload under way cannot be read). Bouncy Castle's digest can be saved
 * (its {@code EncodableDigest}); the JDK's MessageDigest cannot, but is some seven times faster, so a store that can
 * read back uses that instead ({@link ResumableHashes}, decision 26 amended).
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
