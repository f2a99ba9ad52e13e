package org.compliance.api.cases;

/** A case handed to another authority: its name, their reference and why. */
public record Referral(String authority, String theirReference, String reason) {
}
