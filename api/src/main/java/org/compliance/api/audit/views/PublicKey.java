package org.compliance.api.audit.views;

/** The key checkpoints are signed with (X.509, Base64), and its fingerprint. */
public record PublicKey(String algorithm, String key, String fingerprintSha256) {
}
