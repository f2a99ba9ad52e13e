package org.compliance.api.cases;

/**
 * Closes a case that has a decision or a referral. {@code reason} is the staff's own record; {@code publicReason}
 * (optional) is what respondents are told.
 */
public record CloseCase(String caseId, String reason, String publicReason) implements CaseCommand {

    public CloseCase(String caseId, String reason) {
        this(caseId, reason, null);
    }
}
