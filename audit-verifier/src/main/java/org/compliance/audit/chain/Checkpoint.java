package org.compliance.audit.chain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A signed statement that, at global position {@code position}, the latest hashes of {@code aggregates}
 * aggregates had the Merkle root {@code root}, and the store's first {@code events} events, as an append-only log
 * ({@link LogTree}), the root {@code logRoot}. What is signed (Ed25519) is the UTF-8 text
 * {@code "compliance-checkpoint/2\n<position>\n<createdAt>\n<aggregates>\n<root hex>\n<events>\n<logRoot hex>"};
 * checkpoints taken before the log was signed ({@code logRoot} null) signed
 * {@code "compliance-checkpoint/1\n<position>\n<createdAt>\n<aggregates>\n<root hex>"}.
 */
public record Checkpoint(long position, Instant createdAt, long aggregates, String root, long events, String logRoot) {

    /** A checkpoint of the first form, without the log. */
    public Checkpoint(long position, Instant createdAt, long aggregates, String root) {
        this(position, createdAt, aggregates, root, 0, null);
    }

    public byte[] signedBytes() {
        String first = position + "\n" + createdAt + "\n" + aggregates + "\n" + root;
        return (logRoot == null ? "compliance-checkpoint/1\n" + first
                : "compliance-checkpoint/2\n" + first + "\n" + events + "\n" + logRoot)
                .getBytes(StandardCharsets.UTF_8);
    }

    public String sign(String privateKeyBase64) {
        return Ed25519.sign(signedBytes(), privateKeyBase64);
    }

    /** False for a wrong key, a wrong signature or a malformed one; never throws for bad input. */
    public boolean verify(String signatureBase64, String publicKeyBase64) {
        return Ed25519.verify(signedBytes(), signatureBase64, publicKeyBase64);
    }

    /** SHA-256 of the public key's encoded form, to compare with the key the service publishes. */
    public static String fingerprint(String publicKeyBase64) {
        return HexFormat.of().formatHex(MerkleTree.sha256(Base64.getDecoder().decode(publicKeyBase64)));
    }
}
