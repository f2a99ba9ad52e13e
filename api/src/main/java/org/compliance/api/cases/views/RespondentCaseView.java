package org.compliance.api.cases.views;

import java.time.Instant;
import java.util.List;

/**
 * What a respondent is told about a case against it: who runs it, where it stands, what is alleged, the decision
 * addressed to it (or the case-wide one) once issued, and the public reasons for a closure or a referral. Never the
 * team, notes, complainants, priority, confidentiality, internal reasoning, or another respondent's decision.
 *
 * @param closingReason  the public reason of the closure, while the case is closed (null: none was given)
 * @param referredTo     the authority the case was referred to, while it is referred
 * @param referralReason the public reason of the referral (null: none was given)
 */
public record RespondentCaseView(String caseId, String title, String authority, String status,
                                 List<String> legalBases, String yourOrganisation,
                                 List<RespondentAllegation> allegations, DecisionView decision,
                                 String closingReason, String referredTo, String referralReason,
                                 Instant openedAt, long version) {
}
