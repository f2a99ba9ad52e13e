package org.compliance.api.cases;

/** What a respondent is alleged to have done, and the provision it would breach (e.g. "UK GDPR Art. 6(1)"). */
public record Allegation(String legalBasis, String description) {
}
