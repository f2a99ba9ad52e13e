package org.compliance.api.cases;

/** The case was referred to another authority. */
public record CaseReferred(String caseId, Referral referral) implements CaseEvent {
}
