package org.compliance.api.evidence.views;

/** The public key receipts are checked against. */
public record PublishedKey(String algorithm, String keyId, String publicKey) {
}
