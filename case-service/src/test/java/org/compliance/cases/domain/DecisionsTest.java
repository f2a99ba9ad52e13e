package org.compliance.cases.domain;

import static org.compliance.api.cases.CaseStatus.FINDINGS;
import static org.compliance.cases.domain.CaseFixtures.CASE_ID;
import static org.compliance.cases.domain.CaseFixtures.NOW;
import static org.compliance.cases.domain.CaseFixtures.SAMUEL;
import static org.compliance.cases.domain.CaseFixtures.TODAY;
import static org.compliance.cases.domain.CaseFixtures.gbp;
import static org.compliance.cases.domain.CaseFixtures.historyAt;
import static org.compliance.testing.RuleViolations.unprocessable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.compliance.api.cases.DecisionIssued;
import org.compliance.api.cases.DecisionKind;
import org.compliance.api.cases.EnforcementNotice;
import org.compliance.api.cases.IssueDecision;
import org.compliance.api.cases.MonetaryPenalty;
import org.compliance.api.shared.StaffMember;
import org.compliance.platform.domain.RuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Decisions on a case with findings recorded (where the table allows them; see {@link StatusTransitionsTest}). */
class DecisionsTest {

    private static final String REASONS = "Customer data was used for training without any lawful basis";
    private static final List<String> STEPS = List.of("Stop training on customer data",
            "Delete models trained on customer data");
    private static final EnforcementNotice NOTICE = new EnforcementNotice(STEPS, TODAY.plusDays(28));

    private AggregateTestFixture<InvestigationCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = CaseFixtures.fixture();
    }

    private static IssueDecision decision(DecisionKind kind, EnforcementNotice notice, MonetaryPenalty penalty) {
        return new IssueDecision(CASE_ID, kind, REASONS, notice, penalty, SAMUEL);
    }

    private static IssueDecision penalty(String amount, String currency, String turnover) {
        return decision(DecisionKind.MONETARY_PENALTY, null,
                new MonetaryPenalty(amount == null ? null : gbp(amount), currency,
                        turnover == null ? null : gbp(turnover), null));
    }

    private static DecisionIssued penaltyIssued(String amount, String turnover, String statutoryMaximum) {
        return new DecisionIssued(CASE_ID, DecisionKind.MONETARY_PENALTY, REASONS, null,
                new MonetaryPenalty(gbp(amount), "GBP", gbp(turnover), gbp(statutoryMaximum)), SAMUEL, NOW);
    }

    private void refused(IssueDecision command, String message) {
        fixture.given(historyAt(FINDINGS))
                .when(command)
                .expectException(RuleViolation.class)
                .expectException(unprocessable())
                .expectExceptionMessage(message)
                .expectNoEvents();
    }

    // ---- every kind ----------------------------------------------------------------------------------

    @Test
    void no_further_action_can_be_decided_and_records_who_decided_when() {
        fixture.given(historyAt(FINDINGS))
                .when(new IssueDecision(CASE_ID, DecisionKind.NO_FURTHER_ACTION, "  Not made out  ", null, null,
                        SAMUEL))
                .expectEvents(new DecisionIssued(CASE_ID, DecisionKind.NO_FURTHER_ACTION, "Not made out", null, null,
                        SAMUEL, NOW));
    }

    @Test
    void a_reprimand_can_be_decided() {
        fixture.given(historyAt(FINDINGS))
                .when(decision(DecisionKind.REPRIMAND, null, null))
                .expectEvents(new DecisionIssued(CASE_ID, DecisionKind.REPRIMAND, REASONS, null, null, SAMUEL, NOW));
    }

    @Test
    void an_enforcement_notice_can_be_decided_with_its_steps_and_compliance_date() {
        fixture.given(historyAt(FINDINGS))
                .when(decision(DecisionKind.ENFORCEMENT_NOTICE, NOTICE, null))
                .expectEvents(new DecisionIssued(CASE_ID, DecisionKind.ENFORCEMENT_NOTICE, REASONS, NOTICE, null,
                        SAMUEL, NOW));
    }

    @Test
    void a_monetary_penalty_can_be_decided_and_records_the_statutory_maximum() {
        fixture.given(historyAt(FINDINGS))
                .when(penalty("2500000", "GBP", "300000000"))
                .expectEvents(penaltyIssued("2500000", "300000000", "17500000.00"));
    }

    // ---- what every decision needs -------------------------------------------------------------------

    @Test
    void a_decision_needs_its_kind() {
        refused(decision(null, null, null),
                "A decision needs its kind: [NO_FURTHER_ACTION, REPRIMAND, ENFORCEMENT_NOTICE, MONETARY_PENALTY]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void a_decision_needs_its_reasons(String reasons) {
        refused(new IssueDecision(CASE_ID, DecisionKind.REPRIMAND, reasons, null, null, SAMUEL),
                "A decision needs its reasons");
    }

    @Test
    void a_decision_names_who_decided() {
        refused(new IssueDecision(CASE_ID, DecisionKind.REPRIMAND, REASONS, null, null, null),
                "A member of staff is named by user id and name");
        CaseFixtures.fixture().given(historyAt(FINDINGS))
                .when(new IssueDecision(CASE_ID, DecisionKind.REPRIMAND, REASONS, null, null,
                        new StaffMember("u-samuel", " ")))
                .expectException(unprocessable())
                .expectExceptionMessage("A member of staff is named by user id and name")
                .expectNoEvents();
    }

    // ---- details of the wrong kind -------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = DecisionKind.class, names = "ENFORCEMENT_NOTICE", mode = EnumSource.Mode.EXCLUDE)
    void only_an_enforcement_notice_carries_enforcement_steps(DecisionKind kind) {
        refused(decision(kind, NOTICE, null), "Only an enforcement notice decision carries enforcement steps");
    }

    @ParameterizedTest
    @EnumSource(value = DecisionKind.class, names = "MONETARY_PENALTY", mode = EnumSource.Mode.EXCLUDE)
    void only_a_monetary_penalty_carries_a_penalty(DecisionKind kind) {
        refused(decision(kind, null, new MonetaryPenalty(gbp("1000"), "GBP", gbp("1000000"), null)),
                "Only a monetary penalty decision carries a penalty");
    }

    // ---- enforcement notices -------------------------------------------------------------------------

    @Test
    void an_enforcement_notice_lists_the_steps_required() {
        String message = "An enforcement notice lists the steps required, none of them blank";
        refused(decision(DecisionKind.ENFORCEMENT_NOTICE, null, null), message);
        CaseFixtures.fixture().given(historyAt(FINDINGS))
                .when(decision(DecisionKind.ENFORCEMENT_NOTICE, new EnforcementNotice(null, TODAY.plusDays(28)), null))
                .expectException(unprocessable()).expectExceptionMessage(message).expectNoEvents();
        CaseFixtures.fixture().given(historyAt(FINDINGS))
                .when(decision(DecisionKind.ENFORCEMENT_NOTICE, new EnforcementNotice(List.of(), TODAY.plusDays(28)),
                        null))
                .expectException(unprocessable()).expectExceptionMessage(message).expectNoEvents();
    }

    @Test
    void no_step_of_an_enforcement_notice_may_be_blank() {
        String message = "An enforcement notice lists the steps required, none of them blank";
        refused(decision(DecisionKind.ENFORCEMENT_NOTICE,
                new EnforcementNotice(List.of("Stop training on customer data", " "), TODAY.plusDays(28)), null),
                message);
        CaseFixtures.fixture().given(historyAt(FINDINGS))
                .when(decision(DecisionKind.ENFORCEMENT_NOTICE,
                        new EnforcementNotice(Arrays.asList("Stop training on customer data", null), TODAY.plusDays(28)),
                        null))
                .expectException(unprocessable()).expectExceptionMessage(message).expectNoEvents();
    }

    @Test
    void an_enforcement_notice_needs_a_compliance_date() {
        refused(decision(DecisionKind.ENFORCEMENT_NOTICE, new EnforcementNotice(STEPS, null), null),
                "An enforcement notice needs a compliance date after today");
    }

    @Test
    void the_compliance_date_cannot_be_today() {
        refused(decision(DecisionKind.ENFORCEMENT_NOTICE, new EnforcementNotice(STEPS, TODAY), null),
                "An enforcement notice needs a compliance date after today");
    }

    @Test
    void the_compliance_date_cannot_be_in_the_past() {
        refused(decision(DecisionKind.ENFORCEMENT_NOTICE, new EnforcementNotice(STEPS, LocalDate.of(2026, 1, 31)),
                null), "An enforcement notice needs a compliance date after today");
    }

    @Test
    void the_compliance_date_can_be_tomorrow() {
        EnforcementNotice tomorrow = new EnforcementNotice(STEPS, TODAY.plusDays(1));
        fixture.given(historyAt(FINDINGS))
                .when(decision(DecisionKind.ENFORCEMENT_NOTICE, tomorrow, null))
                .expectEvents(new DecisionIssued(CASE_ID, DecisionKind.ENFORCEMENT_NOTICE, REASONS, tomorrow, null,
                        SAMUEL, NOW));
    }

    // ---- monetary penalties --------------------------------------------------------------------------

    @Test
    void a_monetary_penalty_needs_its_amount_and_the_turnover_it_was_based_on() {
        String message = "A monetary penalty needs its amount and the worldwide annual turnover it was based on";
        refused(decision(DecisionKind.MONETARY_PENALTY, null, null), message);
        CaseFixtures.fixture().given(historyAt(FINDINGS))
                .when(penalty(null, "GBP", "300000000"))
                .expectException(unprocessable()).expectExceptionMessage(message).expectNoEvents();
        CaseFixtures.fixture().given(historyAt(FINDINGS))
                .when(penalty("2500000", "GBP", null))
                .expectException(unprocessable()).expectExceptionMessage(message).expectNoEvents();
    }

    @Test
    void a_monetary_penalty_is_stated_in_pounds_sterling() {
        refused(penalty("2500000", "EUR", "300000000"),
                "Penalties under UK GDPR higher maximum are stated in GBP, not EUR");
        CaseFixtures.fixture().given(historyAt(FINDINGS))
                .when(penalty("2500000", null, "300000000"))
                .expectException(unprocessable())
                .expectExceptionMessage("Penalties under UK GDPR higher maximum are stated in GBP, not null")
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-1", "-0.01"})
    void a_monetary_penalty_must_be_more_than_zero(String amount) {
        refused(penalty(amount, "GBP", "300000000"), "A monetary penalty is more than zero, in whole pence");
    }

    @Test
    void the_smallest_penalty_is_one_penny() {
        fixture.given(historyAt(FINDINGS))
                .when(penalty("0.01", "GBP", "300000000"))
                .expectEvents(penaltyIssued("0.01", "300000000", "17500000.00"));
    }

    @Test
    void worldwide_annual_turnover_cannot_be_negative() {
        refused(penalty("1000", "GBP", "-1"), "Worldwide annual turnover cannot be negative");
    }

    @Test
    void an_undertaking_without_turnover_can_be_fined_up_to_the_fixed_maximum() {
        fixture.given(historyAt(FINDINGS))
                .when(penalty("17500000", "GBP", "0"))
                .expectEvents(penaltyIssued("17500000", "0", "17500000.00"));
    }

    // ---- the statutory maximum: the greater of GBP 17.5m and 4% of turnover --------------------------

    @Test
    void with_a_small_turnover_a_penalty_of_exactly_17_5_million_is_allowed() {
        // 4% of GBP 100m is GBP 4m, so the fixed GBP 17.5m is the cap
        fixture.given(historyAt(FINDINGS))
                .when(penalty("17500000.00", "GBP", "100000000"))
                .expectEvents(penaltyIssued("17500000.00", "100000000", "17500000.00"));
    }

    @Test
    void with_a_small_turnover_a_penny_above_17_5_million_exceeds_the_statutory_maximum() {
        fixture.given(historyAt(FINDINGS))
                .when(penalty("17500000.01", "GBP", "100000000"))
                .expectException(RuleViolation.class)
                .expectException(unprocessable())
                .expectExceptionMessage(containsString("exceeds the maximum under UK GDPR higher maximum"))
                .expectExceptionMessage("A penalty of GBP 17,500,000.01 exceeds the maximum under UK GDPR higher "
                        + "maximum (UK GDPR Art. 83(5); DPA 2018 s.157): the greater of GBP 17,500,000.00 and 4% of "
                        + "worldwide annual turnover GBP 100,000,000.00 = GBP 17,500,000.00")
                .expectNoEvents();
    }

    @Test
    void with_a_large_turnover_four_percent_of_it_is_the_cap_and_a_penalty_exactly_at_it_is_allowed() {
        // 4% of GBP 1bn is GBP 40m, more than the fixed GBP 17.5m
        fixture.given(historyAt(FINDINGS))
                .when(penalty("40000000", "GBP", "1000000000"))
                .expectEvents(penaltyIssued("40000000", "1000000000", "40000000.00"));
    }

    @Test
    void with_a_large_turnover_a_penalty_above_17_5_million_but_within_four_percent_is_allowed() {
        fixture.given(historyAt(FINDINGS))
                .when(penalty("25000000", "GBP", "1000000000"))
                .expectEvents(penaltyIssued("25000000", "1000000000", "40000000.00"));
    }

    @Test
    void with_a_large_turnover_a_penny_above_four_percent_exceeds_the_statutory_maximum() {
        fixture.given(historyAt(FINDINGS))
                .when(penalty("40000000.01", "GBP", "1000000000"))
                .expectException(RuleViolation.class)
                .expectException(unprocessable())
                .expectExceptionMessage(containsString("= GBP 40,000,000.00"))
                .expectNoEvents();
    }

    @Test
    void four_percent_of_turnover_is_rounded_down_to_the_penny() {
        // 4% of GBP 1,000,000,000.49 is GBP 40,000,000.0196: the cap is GBP 40,000,000.01
        fixture.given(historyAt(FINDINGS))
                .when(penalty("40000000.01", "GBP", "1000000000.49"))
                .expectEvents(penaltyIssued("40000000.01", "1000000000.49", "40000000.01"));
        CaseFixtures.fixture().given(historyAt(FINDINGS))
                .when(penalty("40000000.02", "GBP", "1000000000.49"))
                .expectException(unprocessable())
                .expectExceptionMessage(containsString("GBP 1,000,000,000.49 = GBP 40,000,000.01"))
                .expectNoEvents();
    }

    @Test
    void a_statutory_maximum_sent_with_the_command_is_ignored_and_the_computed_one_recorded() {
        fixture.given(historyAt(FINDINGS))
                .when(decision(DecisionKind.MONETARY_PENALTY, null,
                        new MonetaryPenalty(gbp("50000000"), "GBP", gbp("300000000"), gbp("999000000"))))
                .expectException(unprocessable())
                .expectExceptionMessage(containsString("= GBP 17,500,000.00"))
                .expectNoEvents();
        CaseFixtures.fixture().given(historyAt(FINDINGS))
                .when(decision(DecisionKind.MONETARY_PENALTY, null,
                        new MonetaryPenalty(gbp("2500000"), "GBP", gbp("300000000"), gbp("1"))))
                .expectEvents(penaltyIssued("2500000", "300000000", "17500000.00"));
    }

    /** The cap on its own, without the aggregate. */
    @Nested
    class TheCapItself {

        private static final PenaltyRegime UK_GDPR_HIGHER = CaseFixtures.REGIMES.byId("uk-gdpr-higher-maximum")
                .orElseThrow();

        @Test
        void is_the_fixed_maximum_when_four_percent_of_turnover_is_less() {
            assertThat(UK_GDPR_HIGHER.maximum(gbp("100000000")))
                    .isEqualByComparingTo("17500000");
        }

        @Test
        void is_four_percent_of_turnover_when_that_is_more() {
            assertThat(UK_GDPR_HIGHER.maximum(gbp("1000000000")))
                    .isEqualByComparingTo("40000000");
        }

        @Test
        void is_the_same_either_way_at_a_turnover_of_437_5_million() {
            assertThat(UK_GDPR_HIGHER.maximum(gbp("437500000")))
                    .isEqualByComparingTo(new BigDecimal("17500000"));
        }
    }
}
