package org.compliance.api.evidence.views;

/** One submitted file as a receipt names it: its name, size and SHA-256. */
public record ReceiptFile(String fileName, long sizeBytes, String sha256) {
}
