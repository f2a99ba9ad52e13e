package org.compliance.cases.domain;

import static org.compliance.api.cases.CaseStatus.FINDINGS;
import static org.compliance.cases.domain.CaseFixtures.AUTHORITIES;
import static org.compliance.cases.domain.CaseFixtures.CASE_ID;
import static org.compliance.cases.domain.CaseFixtures.CMA;
import static org.compliance.cases.domain.CaseFixtures.EU_AI;
import static org.compliance.cases.domain.CaseFixtures.EU_DATA_PROTECTION;
import static org.compliance.cases.domain.CaseFixtures.ICO;
import static org.compliance.cases.domain.CaseFixtures.NOW;
import static org.compliance.cases.domain.CaseFixtures.OFCOM;
import static org.compliance.cases.domain.CaseFixtures.REGIMES;
import static org.compliance.cases.domain.CaseFixtures.SAMUEL;
import static org.compliance.cases.domain.CaseFixtures.TODAY;
import static org.compliance.cases.domain.CaseFixtures.caseOpened;
import static org.compliance.cases.domain.CaseFixtures.historyAt;
import static org.compliance.testing.RuleViolations.unprocessable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.compliance.api.cases.CaseEvent;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.DecisionIssued;
import org.compliance.api.cases.DecisionKind;
import org.compliance.api.cases.IssueDecision;
import org.compliance.api.cases.MonetaryPenalty;
import org.compliance.platform.axon.EventSerialization;
import org.compliance.platform.domain.RuleViolation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Penalties under each regime of the shipped table: the maximum depends on the case's authority and the regime,
 * a fixture test per regime (at the maximum allowed, a cent above refused with the figures), then the decider on
 * its own for the defaults, the authorities' limits and turnover in another currency.
 */
class PenaltyRegimesTest {

    private static final String REASONS = "Serious, negligent infringement";

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    /** The standard history up to findings, but the case run by {@code authority}. */
    private static List<Object> historyUnder(String authority) {
        List<Object> history = new ArrayList<>(historyAt(FINDINGS));
        CaseOpened opened = caseOpened();
        history.set(0, new CaseOpened(opened.caseId(), opened.title(), opened.summary(), authority,
                opened.legalBases(), opened.priority(), opened.confidentiality(), opened.respondents(),
                opened.complainants(), opened.allegations(), opened.leadInvestigator(), opened.openedAt()));
        return history;
    }

    private static IssueDecision penalty(String regime, String amount, String currency, String turnover) {
        return new IssueDecision(CASE_ID, DecisionKind.MONETARY_PENALTY, REASONS, null,
                new MonetaryPenalty(money(amount), currency, money(turnover), null, regime, null, null, null), SAMUEL);
    }

    private static DecisionIssued issued(String regime, String amount, String currency, String turnover,
                                         String maximum) {
        return new DecisionIssued(CASE_ID, DecisionKind.MONETARY_PENALTY, REASONS, null,
                new MonetaryPenalty(money(amount), currency, money(turnover), money(maximum), regime, currency, null,
                        null), SAMUEL, NOW);
    }

    /** One row per regime: who, which, turnover, the maximum it gives, and the 422's explanation above it. */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            Information Commissioner's Office | uk-gdpr-higher-maximum | GBP | 1000000000 | 40000000.00 | A penalty of GBP 40,000,000.01 exceeds the maximum under UK GDPR higher maximum (UK GDPR Art. 83(5); DPA 2018 s.157): the greater of GBP 17,500,000.00 and 4% of worldwide annual turnover GBP 1,000,000,000.00 = GBP 40,000,000.00
            Information Commissioner's Office | uk-gdpr-standard-maximum | GBP | 100000000 | 8700000.00 | A penalty of GBP 8,700,000.01 exceeds the maximum under UK GDPR standard maximum (UK GDPR Art. 83(4); DPA 2018 s.157): the greater of GBP 8,700,000.00 and 2% of worldwide annual turnover GBP 100,000,000.00 = GBP 8,700,000.00
            EU data protection supervisory authority | eu-gdpr-art-83-5 | EUR | 1000000000 | 40000000.00 | A penalty of EUR 40,000,000.01 exceeds the maximum under EU GDPR Art. 83(5) maximum (Regulation (EU) 2016/679 Art. 83(5)): the greater of EUR 20,000,000.00 and 4% of total worldwide annual turnover EUR 1,000,000,000.00 = EUR 40,000,000.00
            EU data protection supervisory authority | eu-gdpr-art-83-4 | EUR | 100000000 | 10000000.00 | A penalty of EUR 10,000,000.01 exceeds the maximum under EU GDPR Art. 83(4) maximum (Regulation (EU) 2016/679 Art. 83(4)): the greater of EUR 10,000,000.00 and 2% of total worldwide annual turnover EUR 100,000,000.00 = EUR 10,000,000.00
            Competition and Markets Authority | competition-act-1998-s36 | GBP | 250000000 | 25000000.00 | A penalty of GBP 25,000,000.01 exceeds the maximum under Competition Act 1998 penalty (Competition Act 1998 s.36(8)): 10% of worldwide turnover GBP 250,000,000.00 = GBP 25,000,000.00
            Ofcom | online-safety-act-2023 | GBP | 50000000 | 18000000.00 | A penalty of GBP 18,000,000.01 exceeds the maximum under Online Safety Act 2023 maximum (Online Safety Act 2023 Sch. 13 para. 4(1)): the greater of GBP 18,000,000.00 and 10% of qualifying worldwide revenue GBP 50,000,000.00 = GBP 18,000,000.00
            EU AI market surveillance authority | eu-ai-act-art-99-3 | EUR | 1000000000 | 70000000.00 | A penalty of EUR 70,000,000.01 exceeds the maximum under EU AI Act prohibited practices maximum (Regulation (EU) 2024/1689 Art. 99(3)): the greater of EUR 35,000,000.00 and 7% of total worldwide annual turnover EUR 1,000,000,000.00 = EUR 70,000,000.00
            EU AI market surveillance authority | eu-ai-act-art-99-4 | EUR | 100000000 | 15000000.00 | A penalty of EUR 15,000,000.01 exceeds the maximum under EU AI Act operator obligations maximum (Regulation (EU) 2024/1689 Art. 99(4)): the greater of EUR 15,000,000.00 and 3% of total worldwide annual turnover EUR 100,000,000.00 = EUR 15,000,000.00
            EU AI market surveillance authority | eu-ai-act-art-99-5 | EUR | 2000000000 | 20000000.00 | A penalty of EUR 20,000,000.01 exceeds the maximum under EU AI Act incorrect information maximum (Regulation (EU) 2024/1689 Art. 99(5)): the greater of EUR 7,500,000.00 and 1% of total worldwide annual turnover EUR 2,000,000,000.00 = EUR 20,000,000.00
            Competition and Markets Authority | dmcc-act-2024-consumer | GBP | 1000000 | 300000.00 | A penalty of GBP 300,000.01 exceeds the maximum under DMCC Act 2024 consumer enforcement maximum (DMCC Act 2024 Part 3 (s.158(5); CMA direct enforcement, Chapter 4)): the greater of GBP 300,000.00 and 10% of total worldwide turnover GBP 1,000,000.00 = GBP 300,000.00
            Competition and Markets Authority | dmcc-act-2024-digital-markets | GBP | 30000000000 | 3000000000.00 | A penalty of GBP 3,000,000,000.01 exceeds the maximum under DMCC Act 2024 digital markets conduct penalty (DMCC Act 2024 ss.85(3), 86): 10% of total worldwide turnover GBP 30,000,000,000.00 = GBP 3,000,000,000.00
            """)
    void a_penalty_up_to_the_regimes_maximum_is_issued_and_a_cent_above_it_is_refused_with_the_figures(
            String authority, String regime, String currency, String turnover, String maximum, String message) {
        CaseFixtures.fixture().given(historyUnder(authority))
                .when(penalty(regime, maximum, currency, turnover))
                .expectEvents(issued(regime, maximum, currency, turnover, maximum));
        String aboveIt = money(maximum).add(new BigDecimal("0.01")).toPlainString();
        CaseFixtures.fixture().given(historyUnder(authority))
                .when(penalty(regime, aboveIt, currency, turnover))
                .expectException(RuleViolation.class)
                .expectException(unprocessable())
                .expectExceptionMessage(message)
                .expectNoEvents();
    }

    @Test
    void every_regime_of_the_table_has_its_fixture_row() {
        assertThat(REGIMES.regimes()).extracting(PenaltyRegime::id).containsExactlyInAnyOrder(
                "uk-gdpr-higher-maximum", "uk-gdpr-standard-maximum", "eu-gdpr-art-83-5", "eu-gdpr-art-83-4",
                "competition-act-1998-s36", "online-safety-act-2023", "eu-ai-act-art-99-3", "eu-ai-act-art-99-4",
                "eu-ai-act-art-99-5", "dmcc-act-2024-consumer", "dmcc-act-2024-digital-markets");
    }

    /** The decider on its own, without Axon. */
    @Nested
    class Decider {

        private CaseState stateUnder(String authority) {
            CaseState state = null;
            for (Object event : historyUnder(authority)) {
                state = CaseRules.evolve(state, (CaseEvent) event);
            }
            return state;
        }

        private List<CaseEvent> decide(String authority, MonetaryPenalty penalty) {
            return CaseRules.decide(stateUnder(authority), new IssueDecision(CASE_ID, DecisionKind.MONETARY_PENALTY,
                    REASONS, null, penalty, SAMUEL), NOW, AUTHORITIES, REGIMES);
        }

        private MonetaryPenalty issuedPenalty(String authority, MonetaryPenalty penalty) {
            return ((DecisionIssued) decide(authority, penalty).getFirst()).monetaryPenalty();
        }

        @Test
        void a_penalty_that_names_no_regime_is_under_the_authoritys_default() {
            assertThat(issuedPenalty(ICO, new MonetaryPenalty(money("1000"), "GBP", money("1000000000"), null)))
                    .extracting(MonetaryPenalty::regime, MonetaryPenalty::statutoryMaximum)
                    .containsExactly("uk-gdpr-higher-maximum", money("40000000.00"));
            assertThat(issuedPenalty(CMA, new MonetaryPenalty(money("1000"), "GBP", money("1000000000"), null)))
                    .extracting(MonetaryPenalty::regime, MonetaryPenalty::statutoryMaximum)
                    .containsExactly("competition-act-1998-s36", money("100000000.00"));
        }

        @Test
        void the_same_penalty_and_turnover_are_within_one_regime_and_above_another() {
            // GBP 9m on GBP 100m turnover: within the higher maximum (GBP 17.5m), above the standard one (GBP 8.7m)
            assertThat(issuedPenalty(ICO, new MonetaryPenalty(money("9000000"), "GBP", money("100000000"), null,
                    "uk-gdpr-higher-maximum", null, null, null)).statutoryMaximum()).isEqualByComparingTo("17500000");
            assertThatThrownBy(() -> decide(ICO, new MonetaryPenalty(money("9000000"), "GBP", money("100000000"),
                    null, "uk-gdpr-standard-maximum", null, null, null)))
                    .isInstanceOf(RuleViolation.class)
                    .hasMessageContaining("exceeds the maximum under UK GDPR standard maximum");
        }

        @Test
        void a_regime_the_cases_authority_may_not_use_is_refused_naming_the_allowed_ones() {
            assertThatThrownBy(() -> decide(ICO, new MonetaryPenalty(money("1000"), "GBP", money("1000000"), null,
                    "competition-act-1998-s36", null, null, null)))
                    .isInstanceOf(RuleViolation.class)
                    .extracting(e -> ((RuleViolation) e).kind()).isEqualTo(RuleViolation.Kind.UNPROCESSABLE);
            assertThatThrownBy(() -> decide(ICO, new MonetaryPenalty(money("1000"), "GBP", money("1000000"), null,
                    "competition-act-1998-s36", null, null, null)))
                    .hasMessage("Penalty regime 'competition-act-1998-s36' is not one Information Commissioner's "
                            + "Office may use; it may use [uk-gdpr-higher-maximum, uk-gdpr-standard-maximum]");
            assertThatThrownBy(() -> decide(ICO, new MonetaryPenalty(money("1000"), "GBP", money("1000000"), null,
                    "no-such-regime", null, null, null)))
                    .hasMessageContaining("Penalty regime 'no-such-regime' is not one");
        }

        @Test
        void the_penalty_is_in_the_regimes_currency() {
            assertThatThrownBy(() -> decide(EU_DATA_PROTECTION, new MonetaryPenalty(money("1000"), "GBP",
                    money("1000000"), null)))
                    .hasMessage("Penalties under EU GDPR Art. 83(5) maximum are stated in EUR, not GBP");
        }

        @Test
        void turnover_in_another_currency_is_converted_at_the_rate_and_date_given_and_both_are_recorded() {
            // USD 1bn at 0.92 EUR per USD is EUR 920m; 4% of it is EUR 36.8m, above the fixed EUR 20m
            MonetaryPenalty penalty = new MonetaryPenalty(money("36800000"), "EUR", money("1000000000"), null,
                    "eu-gdpr-art-83-5", "USD", new BigDecimal("0.92"), TODAY.minusDays(1));
            assertThat(issuedPenalty(EU_DATA_PROTECTION, penalty)).isEqualTo(new MonetaryPenalty(money("36800000"),
                    "EUR", money("1000000000"), money("36800000.00"), "eu-gdpr-art-83-5", "USD",
                    new BigDecimal("0.92"), TODAY.minusDays(1)));
            assertThatThrownBy(() -> decide(EU_DATA_PROTECTION, new MonetaryPenalty(money("36800000.01"), "EUR",
                    money("1000000000"), null, "eu-gdpr-art-83-5", "USD", new BigDecimal("0.92"), TODAY.minusDays(1))))
                    .hasMessage("A penalty of EUR 36,800,000.01 exceeds the maximum under EU GDPR Art. 83(5) maximum "
                            + "(Regulation (EU) 2016/679 Art. 83(5)): the greater of EUR 20,000,000.00 and 4% of "
                            + "total worldwide annual turnover USD 1,000,000,000.00 at 0.92 EUR per USD (2026-11-01) "
                            + "= EUR 920,000,000.00 = EUR 36,800,000.00");
        }

        @Test
        void turnover_in_another_currency_needs_the_rate_and_its_date_not_after_today() {
            assertThatThrownBy(() -> decide(OFCOM, new MonetaryPenalty(money("1000"), "GBP", money("1000000"), null,
                    null, "USD", null, null)))
                    .hasMessage("Turnover in USD needs the exchange rate to GBP used and its date");
            assertThatThrownBy(() -> decide(OFCOM, new MonetaryPenalty(money("1000"), "GBP", money("1000000"), null,
                    null, "USD", new BigDecimal("0.79"), null)))
                    .hasMessage("Turnover in USD needs the exchange rate to GBP used and its date");
            assertThatThrownBy(() -> decide(OFCOM, new MonetaryPenalty(money("1000"), "GBP", money("1000000"), null,
                    null, "USD", new BigDecimal("0.79"), TODAY.plusDays(1))))
                    .hasMessage("An exchange rate cannot be dated after today");
        }

        @Test
        void an_authority_without_a_regime_cannot_impose_a_penalty() {
            Authorities withDsit = new Authorities(List.of(ICO, "AI Security Institute"));
            List<Object> history = historyUnder("AI Security Institute");
            CaseState state = null;
            for (Object event : history) {
                state = CaseRules.evolve(state, (CaseEvent) event);
            }
            CaseState atFindings = state;
            assertThatThrownBy(() -> CaseRules.decide(atFindings, new IssueDecision(CASE_ID,
                    DecisionKind.MONETARY_PENALTY, REASONS, null,
                    new MonetaryPenalty(money("1000"), "GBP", money("1000000"), null), SAMUEL), NOW, withDsit, REGIMES))
                    .hasMessage("AI Security Institute has no penalty regime; it cannot impose a monetary penalty");
        }
    }

    /** Money as the 422s and the notices state it. */
    @Nested
    class MoneyText {

        @Test
        void is_the_iso_code_uk_grouping_and_two_decimals() {
            assertThat(PenaltyRegime.money("GBP", money("40000000"))).isEqualTo("GBP 40,000,000.00");
            assertThat(PenaltyRegime.money("EUR", money("7500000.5"))).isEqualTo("EUR 7,500,000.50");
            assertThat(PenaltyRegime.money("GBP", money("0.01"))).isEqualTo("GBP 0.01");
            assertThat(PenaltyRegime.money("GBP", money("999"))).isEqualTo("GBP 999.00");
        }

        @Test
        void the_issue_example_reads_as_the_regulator_states_it() {
            PenaltyRegime ukGdpr = REGIMES.byId("uk-gdpr-higher-maximum").orElseThrow();
            assertThatThrownBy(() -> CaseRules.decide(new Decider().stateUnder(ICO), new IssueDecision(CASE_ID,
                    DecisionKind.MONETARY_PENALTY, REASONS, null,
                    new MonetaryPenalty(money("50000000"), "GBP", money("1000000000"), null), SAMUEL), NOW,
                    AUTHORITIES, REGIMES))
                    .hasMessage("A penalty of GBP 50,000,000.00 exceeds the maximum under UK GDPR higher maximum ("
                            + ukGdpr.source() + "): the greater of GBP 17,500,000.00 and 4% of worldwide annual "
                            + "turnover GBP 1,000,000,000.00 = GBP 40,000,000.00");
        }
    }

    @Test
    void a_penalty_stored_before_regimes_reads_as_under_the_uk_gdpr_higher_maximum() throws Exception {
        String stored = """
                {"caseId":"case-2026-0042","kind":"MONETARY_PENALTY","reasons":"Serious",
                 "monetaryPenalty":{"amount":2500000,"currency":"GBP","worldwideAnnualTurnover":300000000,
                                    "statutoryMaximum":17500000.00},
                 "decidedBy":{"userId":"u-samuel","name":"Samuel Ferreira-Lund"},"issuedAt":"2026-11-02T09:30:00Z"}
                """;
        DecisionIssued old = EventSerialization.storageObjectMapper().readValue(stored, DecisionIssued.class);
        assertThat(old.monetaryPenalty()).isEqualTo(new MonetaryPenalty(money("2500000"), "GBP", money("300000000"),
                money("17500000.00"), "uk-gdpr-higher-maximum", "GBP", null, null));
    }
}
