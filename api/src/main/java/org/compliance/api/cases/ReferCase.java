package org.compliance.api.cases;

/** Refers a case to another authority. */
public record ReferCase(String caseId, Referral referral) implements CaseCommand {
}
