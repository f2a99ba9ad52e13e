package org.compliance.cases.domain;

import static org.compliance.api.cases.CaseStatus.FINDINGS;
import static org.compliance.api.cases.CaseStatus.INVESTIGATING;
import static org.compliance.cases.domain.CaseFixtures.CASE_ID;
import static org.compliance.cases.domain.CaseFixtures.IRIS;
import static org.compliance.cases.domain.CaseFixtures.NORTHWIND;
import static org.compliance.cases.domain.CaseFixtures.TRAINING_WITHOUT_BASIS;
import static org.compliance.cases.domain.CaseFixtures.anOpenCase;
import static org.compliance.cases.domain.CaseFixtures.historyAt;
import static org.compliance.testing.RuleViolations.unprocessable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import org.compliance.api.cases.AddCaseNote;
import org.compliance.api.cases.AddRespondent;
import org.compliance.api.cases.DecisionKind;
import org.compliance.api.cases.IssueDecision;
import org.compliance.api.cases.MonetaryPenalty;
import org.compliance.api.cases.RecordOverdueEvidence;
import org.compliance.api.cases.Respondent;
import org.junit.jupiter.api.Test;

/** Incomplete commands are refused with a reason (422), never with a crash. */
class InputGuardsTest {

    @Test
    void a_missing_respondent_allegation_or_complainant_in_an_opening_is_refused() {
        CaseFixtures.fixture().givenNoPriorActivity()
                .when(anOpenCase().respondents(Arrays.asList(NORTHWIND, null)).build())
                .expectException(unprocessable()).expectExceptionMessage("A respondent is missing").expectNoEvents();
        CaseFixtures.fixture().givenNoPriorActivity()
                .when(anOpenCase().allegations(Arrays.asList(TRAINING_WITHOUT_BASIS, null)).build())
                .expectException(unprocessable()).expectExceptionMessage("An allegation is missing").expectNoEvents();
        CaseFixtures.fixture().givenNoPriorActivity()
                .when(anOpenCase().complainants(Arrays.asList((org.compliance.api.cases.Complainant) null)).build())
                .expectException(unprocessable())
                .expectExceptionMessage("A complainant is an organisation or a person").expectNoEvents();
    }

    @Test
    void a_respondent_without_organisation_or_name_is_refused_when_opening_as_when_adding() {
        CaseFixtures.fixture().givenNoPriorActivity()
                .when(anOpenCase().respondents(java.util.List.of(new Respondent(" ", "Northwind Cloud Ltd"))).build())
                .expectException(unprocessable()).expectExceptionMessage("A respondent needs its organisation");
        CaseFixtures.fixture().given(historyAt(INVESTIGATING))
                .when(new AddRespondent(CASE_ID, null))
                .expectException(unprocessable()).expectExceptionMessage("A respondent is missing").expectNoEvents();
    }

    @Test
    void a_note_needs_an_id() {
        CaseFixtures.fixture().given(historyAt(INVESTIGATING))
                .when(new AddCaseNote(CASE_ID, null, "Spoke to the DPO", IRIS))
                .expectException(unprocessable()).expectExceptionMessage("A note needs an id").expectNoEvents();
    }

    @Test
    void overdue_evidence_names_its_request_and_due_moment() {
        CaseFixtures.fixture().given(historyAt(INVESTIGATING))
                .when(new RecordOverdueEvidence(CASE_ID, null, Instant.parse("2026-11-01T23:59:59Z")))
                .expectException(unprocessable()).expectNoEvents();
        CaseFixtures.fixture().given(historyAt(INVESTIGATING))
                .when(new RecordOverdueEvidence(CASE_ID, "req-1", null))
                .expectException(unprocessable()).expectNoEvents();
    }

    @Test
    void a_penalty_is_in_whole_pence() {
        CaseFixtures.fixture().given(historyAt(FINDINGS))
                .when(new IssueDecision(CASE_ID, DecisionKind.MONETARY_PENALTY, "Negligent", null,
                        new MonetaryPenalty(new BigDecimal("1000.001"), "GBP", new BigDecimal("300000000"), null),
                        CaseFixtures.SAMUEL))
                .expectException(unprocessable())
                .expectExceptionMessage("A monetary penalty is more than zero, in whole pence").expectNoEvents();
    }
}
