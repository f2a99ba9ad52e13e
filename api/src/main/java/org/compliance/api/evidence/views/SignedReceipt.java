package org.compliance.api.evidence.views;

/** A receipt and evidence-service's signature over its canonical JSON. */
public record SignedReceipt(Receipt receipt, String algorithm, String keyId, String signature) {
}
