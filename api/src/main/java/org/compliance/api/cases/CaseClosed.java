package org.compliance.api.cases;

/**
 * The case was closed. {@code reason} is the staff's own record; {@code publicReason} is what respondents are
 * told (null: they are told only that the case was closed; so for every closure recorded before it existed).
 */
public record CaseClosed(String caseId, String reason, String publicReason) implements CaseEvent {

    public CaseClosed(String caseId, String reason) {
        this(caseId, reason, null);
    }
}
