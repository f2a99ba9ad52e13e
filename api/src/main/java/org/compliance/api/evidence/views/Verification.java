package org.compliance.api.evidence.views;

/** Whether a signed receipt is genuine, and if not, why. */
public record Verification(boolean valid, String reason) {
}
