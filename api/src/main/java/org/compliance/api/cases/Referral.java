package org.compliance.api.cases;

/**
 * A case handed to another authority: its name, their reference and why. {@code reason} is the staff's own
 * record; {@code publicReason} is what respondents are told (null: only that the case was referred).
 */
public record Referral(String authority, String theirReference, String reason, String publicReason) {

    public Referral(String authority, String theirReference, String reason) {
        this(authority, theirReference, reason, null);
    }
}
