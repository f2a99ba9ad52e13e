package org.compliance.cases.domain;

import static org.compliance.api.cases.CaseStatus.FINDINGS;
import static org.compliance.cases.domain.CaseFixtures.CASE_ID;
import static org.compliance.cases.domain.CaseFixtures.CMA;
import static org.compliance.cases.domain.CaseFixtures.CONTOSO;
import static org.compliance.cases.domain.CaseFixtures.NORTHWIND;
import static org.compliance.cases.domain.CaseFixtures.NOW;
import static org.compliance.cases.domain.CaseFixtures.SAMUEL;
import static org.compliance.cases.domain.CaseFixtures.TODAY;
import static org.compliance.cases.domain.CaseFixtures.gbp;
import static org.compliance.cases.domain.CaseFixtures.historyAt;
import static org.compliance.testing.RuleViolations.conflict;
import static org.compliance.testing.RuleViolations.unprocessable;
import static org.hamcrest.Matchers.containsString;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.compliance.api.cases.CaseClosed;
import org.compliance.api.cases.CaseReferred;
import org.compliance.api.cases.CaseReopened;
import org.compliance.api.cases.CloseCase;
import org.compliance.api.cases.DecisionIssued;
import org.compliance.api.cases.DecisionKind;
import org.compliance.api.cases.EnforcementNotice;
import org.compliance.api.cases.FindingsRecorded;
import org.compliance.api.cases.IssueDecision;
import org.compliance.api.cases.MonetaryPenalty;
import org.compliance.api.cases.ReferCase;
import org.compliance.api.cases.Referral;
import org.compliance.api.cases.RespondentAdded;
import org.compliance.api.cases.RespondentWithdrawn;
import org.compliance.api.cases.WithdrawRespondent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Decisions on a case against two companies (Northwind Cloud and Contoso Models): each its own, with public reasons
 * and internal reasoning, a penalty on its own turnover; or one case-wide decision for both. Closing and referring
 * record a public reason beside the internal one.
 */
class RespondentDecisionsTest {

    private static final String PUBLIC = "Customer data was used for training without a lawful basis";
    private static final String INTERNAL = "Board minutes show the risk was known; the DPO was overruled";
    private static final EnforcementNotice NOTICE = new EnforcementNotice(List.of("Stop training on customer data"),
            TODAY.plusDays(28));

    private AggregateTestFixture<InvestigationCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = CaseFixtures.fixture();
    }

    /** The standard case with findings, against Northwind and Contoso, then {@code then}. */
    private static List<Object> twoRespondentsWithFindings(Object... then) {
        List<Object> events = new ArrayList<>(historyAt(FINDINGS, new RespondentAdded(CASE_ID, CONTOSO)));
        events.addAll(List.of(then));
        return events;
    }

    private static IssueDecision to(String alias, DecisionKind kind, EnforcementNotice notice,
                                    MonetaryPenalty penalty) {
        return new IssueDecision(CASE_ID, kind, PUBLIC, notice, penalty, SAMUEL, alias, INTERNAL);
    }

    private static MonetaryPenalty penalty(String amount, String turnover) {
        return new MonetaryPenalty(gbp(amount), "GBP", gbp(turnover), null);
    }

    private static DecisionIssued issued(String alias, DecisionKind kind, EnforcementNotice notice,
                                         MonetaryPenalty penalty) {
        return new DecisionIssued(CASE_ID, kind, PUBLIC, notice, penalty, SAMUEL, NOW, alias, INTERNAL);
    }

    private static DecisionIssued reprimandTo(String alias) {
        return issued(alias, DecisionKind.REPRIMAND, null, null);
    }

    @Test
    void each_respondent_gets_its_own_decision_with_public_reasons_and_internal_reasoning() {
        fixture.given(twoRespondentsWithFindings())
                .when(new IssueDecision(CASE_ID, DecisionKind.REPRIMAND, "  " + PUBLIC + " ", null, null, SAMUEL,
                        CONTOSO.organisationAlias(), " " + INTERNAL + "  "))
                .expectEvents(reprimandTo(CONTOSO.organisationAlias()));
        fixture.given(twoRespondentsWithFindings(reprimandTo(CONTOSO.organisationAlias())))
                .when(to(NORTHWIND.organisationAlias(), DecisionKind.ENFORCEMENT_NOTICE, NOTICE, null))
                .expectEvents(issued(NORTHWIND.organisationAlias(), DecisionKind.ENFORCEMENT_NOTICE, NOTICE, null));
    }

    @Test
    void internal_reasoning_is_optional() {
        fixture.given(twoRespondentsWithFindings())
                .when(new IssueDecision(CASE_ID, DecisionKind.REPRIMAND, PUBLIC, null, null, SAMUEL,
                        CONTOSO.organisationAlias(), "   "))
                .expectEvents(new DecisionIssued(CASE_ID, DecisionKind.REPRIMAND, PUBLIC, null, null, SAMUEL, NOW,
                        CONTOSO.organisationAlias(), null));
    }

    @Test
    void each_penalty_is_capped_on_its_own_respondents_turnover() {
        // Northwind: GBP 1bn turnover, cap GBP 40m; Contoso: GBP 100m turnover, cap the fixed GBP 17.5m
        fixture.given(twoRespondentsWithFindings())
                .when(to(NORTHWIND.organisationAlias(), DecisionKind.MONETARY_PENALTY, null,
                        penalty("20000000", "1000000000")))
                .expectEvents(issued(NORTHWIND.organisationAlias(), DecisionKind.MONETARY_PENALTY, null,
                        new MonetaryPenalty(gbp("20000000"), "GBP", gbp("1000000000"), gbp("40000000.00"))
                                .withRegime(MonetaryPenalty.UK_GDPR_HIGHER_MAXIMUM)));
        fixture.given(twoRespondentsWithFindings(issued(NORTHWIND.organisationAlias(), DecisionKind.MONETARY_PENALTY,
                        null, penalty("20000000", "1000000000"))))
                .when(to(CONTOSO.organisationAlias(), DecisionKind.MONETARY_PENALTY, null,
                        penalty("20000000", "100000000")))
                .expectException(unprocessable())
                .expectExceptionMessage(containsString("A penalty of GBP 20,000,000.00 exceeds the maximum"))
                .expectNoEvents();
    }

    @Test
    void the_case_is_decided_only_once_every_respondent_has_its_decision() {
        fixture.given(twoRespondentsWithFindings(reprimandTo(CONTOSO.organisationAlias())))
                .when(new CloseCase(CASE_ID, "Both decided", "Decided"))
                .expectException(conflict())
                .expectNoEvents();
        fixture.given(twoRespondentsWithFindings(reprimandTo(CONTOSO.organisationAlias()),
                        reprimandTo(NORTHWIND.organisationAlias())))
                .when(new CloseCase(CASE_ID, "Both reprimanded; no appeal lodged", "  Decisions issued  "))
                .expectEvents(new CaseClosed(CASE_ID, "Both reprimanded; no appeal lodged", "Decisions issued"));
    }

    @Test
    void a_respondent_gets_one_decision() {
        fixture.given(twoRespondentsWithFindings(reprimandTo(CONTOSO.organisationAlias())))
                .when(to(CONTOSO.organisationAlias(), DecisionKind.NO_FURTHER_ACTION, null, null))
                .expectException(conflict())
                .expectExceptionMessage("Contoso Models plc already has its decision; reopen the case to decide again")
                .expectNoEvents();
    }

    @Test
    void no_case_wide_decision_after_addressed_ones_nor_addressed_ones_after_a_case_wide_one() {
        fixture.given(twoRespondentsWithFindings(reprimandTo(CONTOSO.organisationAlias())))
                .when(new IssueDecision(CASE_ID, DecisionKind.NO_FURTHER_ACTION, PUBLIC, null, null, SAMUEL))
                .expectException(conflict())
                .expectExceptionMessage(containsString("Decide for the remaining respondents: [northwind-cloud]"))
                .expectNoEvents();
        fixture.given(twoRespondentsWithFindings(issued(null, DecisionKind.NO_FURTHER_ACTION, null, null)))
                .when(to(CONTOSO.organisationAlias(), DecisionKind.REPRIMAND, null, null))
                .expectException(conflict())
                .expectNoEvents();
    }

    @Test
    void a_case_wide_decision_decides_for_every_respondent() {
        fixture.given(twoRespondentsWithFindings())
                .when(new IssueDecision(CASE_ID, DecisionKind.NO_FURTHER_ACTION, PUBLIC, null, null, SAMUEL, null,
                        INTERNAL))
                .expectEvents(issued(null, DecisionKind.NO_FURTHER_ACTION, null, null));
        fixture.given(twoRespondentsWithFindings(issued(null, DecisionKind.NO_FURTHER_ACTION, null, null)))
                .when(new CloseCase(CASE_ID, "No further action"))
                .expectEvents(new CaseClosed(CASE_ID, "No further action", null));
    }

    @Test
    void on_a_case_with_several_respondents_penalties_and_notices_are_addressed() {
        fixture.given(twoRespondentsWithFindings())
                .when(new IssueDecision(CASE_ID, DecisionKind.MONETARY_PENALTY, PUBLIC, null,
                        penalty("1000000", "1000000000"), SAMUEL))
                .expectException(unprocessable())
                .expectExceptionMessage(containsString("a monetary penalty (on its turnover) is addressed to one "
                        + "respondent"))
                .expectNoEvents();
        fixture.given(twoRespondentsWithFindings())
                .when(new IssueDecision(CASE_ID, DecisionKind.ENFORCEMENT_NOTICE, PUBLIC, NOTICE, null, SAMUEL))
                .expectException(unprocessable())
                .expectNoEvents();
    }

    @Test
    void the_addressee_is_a_current_respondent_of_the_case() {
        fixture.given(twoRespondentsWithFindings())
                .when(to("fabrikam-data", DecisionKind.REPRIMAND, null, null))
                .expectException(unprocessable())
                .expectExceptionMessage(containsString("'fabrikam-data' is not a respondent of this case"))
                .expectNoEvents();
        fixture.given(twoRespondentsWithFindings(new RespondentWithdrawn(CASE_ID, CONTOSO.organisationAlias(),
                        "Not the controller")))
                .when(to(CONTOSO.organisationAlias(), DecisionKind.REPRIMAND, null, null))
                .expectException(unprocessable())
                .expectNoEvents();
    }

    @Test
    void a_respondent_with_its_decision_is_not_withdrawn_nor_the_last_one_without() {
        fixture.given(twoRespondentsWithFindings(reprimandTo(CONTOSO.organisationAlias())))
                .when(new WithdrawRespondent(CASE_ID, CONTOSO.organisationAlias(), "Not the controller"))
                .expectException(conflict())
                .expectNoEvents();
        fixture.given(twoRespondentsWithFindings(reprimandTo(CONTOSO.organisationAlias())))
                .when(new WithdrawRespondent(CASE_ID, NORTHWIND.organisationAlias(), "Not the controller"))
                .expectException(conflict())
                .expectExceptionMessage(containsString("issue a decision to Northwind Cloud Ltd"))
                .expectNoEvents();
    }

    @Test
    void a_case_partly_decided_is_not_referred() {
        fixture.given(twoRespondentsWithFindings(reprimandTo(CONTOSO.organisationAlias())))
                .when(new ReferCase(CASE_ID, new Referral(CMA, "CMA-1", "Consumer law", "Referred to the CMA")))
                .expectException(conflict())
                .expectNoEvents();
    }

    @Test
    void a_referral_records_its_public_reason_beside_the_internal_one() {
        fixture.given(twoRespondentsWithFindings())
                .when(new ReferCase(CASE_ID, new Referral(CMA, "CMA-1", " Their powers fit better ",
                        " The conduct is a consumer-protection matter ")))
                .expectEvents(new CaseReferred(CASE_ID, new Referral(CMA, "CMA-1", "Their powers fit better",
                        "The conduct is a consumer-protection matter")));
    }

    @Test
    void reopening_lets_each_respondent_be_decided_again() {
        fixture.given(twoRespondentsWithFindings(reprimandTo(CONTOSO.organisationAlias()),
                        reprimandTo(NORTHWIND.organisationAlias()), new CaseClosed(CASE_ID, "Done", null),
                        new CaseReopened(CASE_ID, "New evidence"),
                        new FindingsRecorded(CASE_ID, "Worse than thought")))
                .when(to(CONTOSO.organisationAlias(), DecisionKind.ENFORCEMENT_NOTICE, NOTICE, null))
                .expectEvents(issued(CONTOSO.organisationAlias(), DecisionKind.ENFORCEMENT_NOTICE, NOTICE, null));
    }
}
