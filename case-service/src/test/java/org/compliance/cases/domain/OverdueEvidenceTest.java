package org.compliance.cases.domain;

import static org.compliance.api.cases.CaseStatus.INVESTIGATING;
import static org.compliance.api.cases.OverdueEvidenceResolution.DUE_MOMENT_MOVED;
import static org.compliance.api.cases.OverdueEvidenceResolution.EVIDENCE_ACCEPTED;
import static org.compliance.api.cases.OverdueEvidenceResolution.EVIDENCE_SUBMITTED;
import static org.compliance.api.cases.OverdueEvidenceResolution.REQUEST_WITHDRAWN;
import static org.compliance.cases.domain.CaseFixtures.CASE_ID;
import static org.compliance.cases.domain.CaseFixtures.NOW;
import static org.compliance.cases.domain.CaseFixtures.caseOpened;
import static org.compliance.cases.domain.CaseFixtures.historyAt;
import static org.compliance.testing.RuleViolations.conflict;
import static org.compliance.testing.RuleViolations.unprocessable;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.compliance.api.cases.CaseAwaitingOverdueEvidence;
import org.compliance.api.cases.CaseOverdueEvidenceResolved;
import org.compliance.api.cases.CaseReferred;
import org.compliance.api.cases.RecordOverdueEvidence;
import org.compliance.api.cases.ReferCase;
import org.compliance.api.cases.ResolveOverdueEvidence;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Evidence-service tells the case when a request goes overdue; telling it twice must change nothing. */
class OverdueEvidenceTest {

    private static final Instant DUE = NOW.minus(Duration.ofDays(2));

    private AggregateTestFixture<InvestigationCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = CaseFixtures.fixture();
    }

    @Test
    void an_overdue_evidence_request_is_recorded() {
        fixture.given(historyAt(INVESTIGATING))
                .when(new RecordOverdueEvidence(CASE_ID, "req-7", DUE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CaseAwaitingOverdueEvidence(CASE_ID, "req-7", DUE));
    }

    @Test
    void the_same_request_overdue_for_the_same_due_moment_is_recorded_only_once() {
        fixture.given(historyAt(INVESTIGATING, new CaseAwaitingOverdueEvidence(CASE_ID, "req-7", DUE)))
                .when(new RecordOverdueEvidence(CASE_ID, "req-7", DUE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_repeated_report_answers_the_unchanged_version() {
        // CaseOpened is event 0, CaseAwaitingOverdueEvidence event 1; nothing new is applied
        fixture.given(caseOpened(), new CaseAwaitingOverdueEvidence(CASE_ID, "req-7", DUE))
                .when(new RecordOverdueEvidence(CASE_ID, "req-7", DUE))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void the_same_request_overdue_again_after_its_deadline_was_extended_is_recorded_again() {
        Instant extended = DUE.plus(Duration.ofDays(1));
        fixture.given(historyAt(INVESTIGATING, new CaseAwaitingOverdueEvidence(CASE_ID, "req-7", DUE)))
                .when(new RecordOverdueEvidence(CASE_ID, "req-7", extended))
                .expectEvents(new CaseAwaitingOverdueEvidence(CASE_ID, "req-7", extended));
    }

    @Test
    void another_request_overdue_at_the_same_moment_is_recorded() {
        fixture.given(historyAt(INVESTIGATING, new CaseAwaitingOverdueEvidence(CASE_ID, "req-7", DUE)))
                .when(new RecordOverdueEvidence(CASE_ID, "req-8", DUE))
                .expectEvents(new CaseAwaitingOverdueEvidence(CASE_ID, "req-8", DUE));
    }

    @Test
    void late_evidence_stops_the_case_awaiting_that_request() {
        fixture.given(historyAt(INVESTIGATING, new CaseAwaitingOverdueEvidence(CASE_ID, "req-7", DUE)))
                .when(new ResolveOverdueEvidence(CASE_ID, "req-7", EVIDENCE_SUBMITTED))
                .expectEvents(new CaseOverdueEvidenceResolved(CASE_ID, "req-7", EVIDENCE_SUBMITTED));
    }

    @Test
    void a_resolution_for_a_request_the_case_does_not_await_changes_nothing() {
        fixture.given(historyAt(INVESTIGATING, new CaseAwaitingOverdueEvidence(CASE_ID, "req-7", DUE)))
                .when(new ResolveOverdueEvidence(CASE_ID, "req-8", REQUEST_WITHDRAWN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_request_resolved_twice_is_resolved_once() {
        fixture.given(historyAt(INVESTIGATING, new CaseAwaitingOverdueEvidence(CASE_ID, "req-7", DUE),
                        new CaseOverdueEvidenceResolved(CASE_ID, "req-7", DUE_MOMENT_MOVED)))
                .when(new ResolveOverdueEvidence(CASE_ID, "req-7", EVIDENCE_ACCEPTED))
                .expectNoEvents();
    }

    @Test
    void a_resolution_without_saying_how_is_unprocessable() {
        fixture.given(historyAt(INVESTIGATING, new CaseAwaitingOverdueEvidence(CASE_ID, "req-7", DUE)))
                .when(new ResolveOverdueEvidence(CASE_ID, "req-7", null))
                .expectException(unprocessable());
    }

    @Test
    void a_repeated_overdue_report_after_resolution_does_not_hold_the_case_up_again() {
        fixture.given(historyAt(INVESTIGATING, new CaseAwaitingOverdueEvidence(CASE_ID, "req-7", DUE),
                        new CaseOverdueEvidenceResolved(CASE_ID, "req-7", EVIDENCE_SUBMITTED)))
                .when(new RecordOverdueEvidence(CASE_ID, "req-7", DUE))
                .expectNoEvents();
    }

    @Test
    void once_the_overdue_evidence_is_resolved_the_case_under_investigation_can_no_longer_be_referred() {
        fixture.given(historyAt(INVESTIGATING, new CaseAwaitingOverdueEvidence(CASE_ID, "req-7", DUE),
                        new CaseOverdueEvidenceResolved(CASE_ID, "req-7", EVIDENCE_SUBMITTED)))
                .when(new ReferCase(CASE_ID, CaseFixtures.TO_CMA))
                .expectException(conflict());
    }

    @Test
    void while_another_request_is_still_overdue_the_case_can_be_referred() {
        fixture.given(historyAt(INVESTIGATING, new CaseAwaitingOverdueEvidence(CASE_ID, "req-7", DUE),
                        new CaseAwaitingOverdueEvidence(CASE_ID, "req-8", DUE),
                        new CaseOverdueEvidenceResolved(CASE_ID, "req-7", EVIDENCE_SUBMITTED)))
                .when(new ReferCase(CASE_ID, CaseFixtures.TO_CMA))
                .expectEvents(new CaseReferred(CASE_ID, CaseFixtures.TO_CMA));
    }
}
