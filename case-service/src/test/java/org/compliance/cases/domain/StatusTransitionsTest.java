package org.compliance.cases.domain;

import static org.compliance.api.cases.CaseStatus.CLOSED;
import static org.compliance.api.cases.CaseStatus.DECISION_ISSUED;
import static org.compliance.api.cases.CaseStatus.FINDINGS;
import static org.compliance.api.cases.CaseStatus.INVESTIGATING;
import static org.compliance.api.cases.CaseStatus.OPENED;
import static org.compliance.api.cases.CaseStatus.REFERRED;
import static org.compliance.api.cases.CaseStatus.SUSPENDED;
import static org.compliance.cases.domain.CaseFixtures.CASE_ID;
import static org.compliance.cases.domain.CaseFixtures.CMA;
import static org.compliance.cases.domain.CaseFixtures.NOW;
import static org.compliance.cases.domain.CaseFixtures.SAMUEL;
import static org.compliance.cases.domain.CaseFixtures.TO_CMA;
import static org.compliance.testing.RuleViolations.conflict;
import static org.compliance.cases.domain.CaseFixtures.findingsRecorded;
import static org.compliance.cases.domain.CaseFixtures.historyAt;
import static org.compliance.cases.domain.CaseFixtures.reprimandIssued;
import static org.compliance.testing.RuleViolations.unprocessable;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.compliance.api.cases.CaseAwaitingOverdueEvidence;
import org.compliance.api.cases.CaseClosed;
import org.compliance.api.cases.CaseReferred;
import org.compliance.api.cases.CaseReopened;
import org.compliance.api.cases.CaseResumed;
import org.compliance.api.cases.CaseStatus;
import org.compliance.api.cases.CaseSuspended;
import org.compliance.api.cases.CloseCase;
import org.compliance.api.cases.DecisionIssued;
import org.compliance.api.cases.DecisionKind;
import org.compliance.api.cases.FindingsRecorded;
import org.compliance.api.cases.InvestigationStarted;
import org.compliance.api.cases.IssueDecision;
import org.compliance.api.cases.RecordFindings;
import org.compliance.api.cases.ReferCase;
import org.compliance.api.cases.Referral;
import org.compliance.api.cases.ReopenCase;
import org.compliance.api.cases.ResumeCase;
import org.compliance.api.cases.StartInvestigation;
import org.compliance.api.cases.SuspendCase;
import org.compliance.platform.domain.RuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.EnumSource.Mode;

/**
 * Every cell of the transition table in {@link CaseAction}: each action from each status it is allowed from
 * succeeds, and from every other status it is refused. The statuses are spelled out here rather than read
 * from the table, so that a change to the table has to change these tests too.
 */
class StatusTransitionsTest {

    private static final String REASON = "Respondent's counsel asked for time to review the findings";

    private AggregateTestFixture<InvestigationCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = CaseFixtures.fixture();
    }

    /** A refusal by the table: a 409 whose message starts with "Cannot ", names the status and the allowed ones. */
    private void refusedByTable(List<Object> history, Object command, String verb, CaseStatus status,
                                String allowedFrom) {
        fixture.given(history)
                .when(command)
                .expectException(RuleViolation.class)
                .expectException(conflict())
                .expectExceptionMessage(startsWith("Cannot "))
                .expectExceptionMessage("Cannot " + verb + " a case that is " + status + "; allowed only from "
                        + allowedFrom)
                .expectNoEvents();
    }

    @Nested
    class StartingTheInvestigation {

        @Test
        void an_opened_case_can_be_taken_into_investigation() {
            fixture.given(historyAt(OPENED))
                    .when(new StartInvestigation(CASE_ID))
                    .expectEvents(new InvestigationStarted(CASE_ID));
        }

        @ParameterizedTest
        @EnumSource(value = CaseStatus.class, names = "OPENED", mode = Mode.EXCLUDE)
        void the_investigation_cannot_start_from_any_other_status(CaseStatus status) {
            refusedByTable(historyAt(status), new StartInvestigation(CASE_ID), "start the investigation of", status,
                    "[OPENED]");
        }
    }

    @Nested
    class RecordingFindings {

        @Test
        void findings_can_be_recorded_on_a_case_under_investigation() {
            fixture.given(historyAt(INVESTIGATING))
                    .when(new RecordFindings(CASE_ID, "  Customer data entered the training corpus  "))
                    .expectEvents(new FindingsRecorded(CASE_ID, "Customer data entered the training corpus"));
        }

        @ParameterizedTest
        @EnumSource(value = CaseStatus.class, names = "INVESTIGATING", mode = Mode.EXCLUDE)
        void findings_cannot_be_recorded_from_any_other_status(CaseStatus status) {
            refusedByTable(historyAt(status), new RecordFindings(CASE_ID, "Findings"), "record findings on", status,
                    "[INVESTIGATING]");
        }

        @Test
        void findings_cannot_be_empty() {
            fixture.given(historyAt(INVESTIGATING))
                    .when(new RecordFindings(CASE_ID, "  "))
                    .expectException(unprocessable())
                    .expectExceptionMessage("Findings cannot be empty")
                    .expectNoEvents();
        }
    }

    @Nested
    class IssuingTheDecision {

        private final IssueDecision reprimand = new IssueDecision(CASE_ID, DecisionKind.REPRIMAND,
                "Training began before any assessment", null, null, SAMUEL);

        @Test
        void a_decision_can_be_issued_once_findings_are_recorded() {
            fixture.given(historyAt(FINDINGS))
                    .when(reprimand)
                    .expectEvents(new DecisionIssued(CASE_ID, DecisionKind.REPRIMAND,
                            "Training began before any assessment", null, null, SAMUEL, NOW));
        }

        @ParameterizedTest
        @EnumSource(value = CaseStatus.class, names = "FINDINGS", mode = Mode.EXCLUDE)
        void a_decision_cannot_be_issued_from_any_other_status(CaseStatus status) {
            refusedByTable(historyAt(status), reprimand, "issue a decision on", status, "[FINDINGS]");
        }
    }

    @Nested
    class Closing {

        @ParameterizedTest
        @EnumSource(value = CaseStatus.class, names = {"DECISION_ISSUED", "REFERRED"})
        void a_decided_or_referred_case_can_be_closed(CaseStatus status) {
            fixture.given(historyAt(status))
                    .when(new CloseCase(CASE_ID, "  Done and published  "))
                    .expectEvents(new CaseClosed(CASE_ID, "Done and published"));
        }

        @Test
        void a_closed_case_cannot_be_closed_again() {
            refusedByTable(historyAt(CLOSED), new CloseCase(CASE_ID, "Again"), "close", CLOSED,
                    "[DECISION_ISSUED, REFERRED]");
        }

        /**
         * The decision-or-referral rule is checked before the table, and no ordinary history reaches these
         * statuses with a decision or referral standing, so the refusal names the missing decision.
         */
        @ParameterizedTest
        @EnumSource(value = CaseStatus.class, names = {"OPENED", "INVESTIGATING", "FINDINGS", "SUSPENDED"})
        void a_case_without_a_decision_or_referral_cannot_be_closed(CaseStatus status) {
            fixture.given(historyAt(status))
                    .when(new CloseCase(CASE_ID, "Nothing more to do"))
                    .expectException(RuleViolation.class)
                    .expectException(conflict())
                    .expectExceptionMessage("A case cannot be closed without a decision or a referral")
                    .expectNoEvents();
        }

        @Test
        void closing_needs_a_reason() {
            fixture.given(historyAt(DECISION_ISSUED))
                    .when(new CloseCase(CASE_ID, " "))
                    .expectException(unprocessable())
                    .expectExceptionMessage("Closing a case needs a reason")
                    .expectNoEvents();
        }
    }

    @Nested
    class Suspending {

        @ParameterizedTest
        @EnumSource(value = CaseStatus.class, names = {"OPENED", "INVESTIGATING", "FINDINGS"})
        void a_case_can_be_suspended_and_remembers_where_it_stood(CaseStatus status) {
            fixture.given(historyAt(status))
                    .when(new SuspendCase(CASE_ID, "  " + REASON + "  "))
                    .expectEvents(new CaseSuspended(CASE_ID, REASON, status));
        }

        @ParameterizedTest
        @EnumSource(value = CaseStatus.class, names = {"DECISION_ISSUED", "CLOSED", "SUSPENDED", "REFERRED"})
        void a_case_cannot_be_suspended_from_any_other_status(CaseStatus status) {
            refusedByTable(historyAt(status), new SuspendCase(CASE_ID, REASON), "suspend", status,
                    "[OPENED, INVESTIGATING, FINDINGS]");
        }

        @Test
        void suspending_needs_a_reason() {
            fixture.given(historyAt(INVESTIGATING))
                    .when(new SuspendCase(CASE_ID, null))
                    .expectException(unprocessable())
                    .expectExceptionMessage("Suspending a case needs a reason")
                    .expectNoEvents();
        }
    }

    @Nested
    class Resuming {

        @ParameterizedTest
        @EnumSource(value = CaseStatus.class, names = {"OPENED", "INVESTIGATING", "FINDINGS"})
        void a_suspended_case_resumes_where_it_stood_when_suspended(CaseStatus before) {
            fixture.given(historyAt(before, new CaseSuspended(CASE_ID, REASON, before)))
                    .when(new ResumeCase(CASE_ID))
                    .expectEvents(new CaseResumed(CASE_ID, before));
        }

        @ParameterizedTest
        @EnumSource(value = CaseStatus.class, names = "SUSPENDED", mode = Mode.EXCLUDE)
        void a_case_that_is_not_suspended_cannot_be_resumed(CaseStatus status) {
            refusedByTable(historyAt(status), new ResumeCase(CASE_ID), "resume", status, "[SUSPENDED]");
        }

        @Test
        void a_resumed_case_continues_from_its_earlier_status() {
            fixture.given(historyAt(INVESTIGATING, new CaseSuspended(CASE_ID, REASON, INVESTIGATING),
                            new CaseResumed(CASE_ID, INVESTIGATING)))
                    .when(new RecordFindings(CASE_ID, "Findings after the pause"))
                    .expectEvents(new FindingsRecorded(CASE_ID, "Findings after the pause"));
        }

        @Test
        void a_case_suspended_and_resumed_can_be_suspended_again_and_remembers_the_latest_status() {
            fixture.given(historyAt(INVESTIGATING, new CaseSuspended(CASE_ID, REASON, INVESTIGATING),
                            new CaseResumed(CASE_ID, INVESTIGATING), findingsRecorded(),
                            new CaseSuspended(CASE_ID, REASON, FINDINGS)))
                    .when(new ResumeCase(CASE_ID))
                    .expectEvents(new CaseResumed(CASE_ID, FINDINGS));
        }
    }

    @Nested
    class Referring {

        private final Instant dueAt = NOW.minusSeconds(3_600);

        @ParameterizedTest
        @EnumSource(value = CaseStatus.class, names = {"OPENED", "FINDINGS"})
        void an_opened_case_or_one_with_findings_can_be_referred(CaseStatus status) {
            fixture.given(historyAt(status))
                    .when(new ReferCase(CASE_ID, TO_CMA))
                    .expectEvents(new CaseReferred(CASE_ID, TO_CMA));
        }

        @Test
        void a_case_under_investigation_can_be_referred_when_requested_evidence_is_overdue() {
            fixture.given(historyAt(INVESTIGATING, new CaseAwaitingOverdueEvidence(CASE_ID, "req-7", dueAt)))
                    .when(new ReferCase(CASE_ID, TO_CMA))
                    .expectEvents(new CaseReferred(CASE_ID, TO_CMA));
        }

        @Test
        void a_case_under_investigation_cannot_be_referred_while_no_evidence_is_overdue() {
            fixture.given(historyAt(INVESTIGATING))
                    .when(new ReferCase(CASE_ID, TO_CMA))
                    .expectException(RuleViolation.class)
                    .expectException(conflict())
                    .expectExceptionMessage("A case under investigation can be referred only when evidence it "
                            + "requested is overdue, or once findings are recorded")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = CaseStatus.class, names = {"DECISION_ISSUED", "CLOSED", "SUSPENDED", "REFERRED"})
        void a_case_cannot_be_referred_from_any_other_status(CaseStatus status) {
            refusedByTable(historyAt(status), new ReferCase(CASE_ID, TO_CMA), "refer", status,
                    "[OPENED, INVESTIGATING, FINDINGS]");
        }

        @ParameterizedTest
        @EnumSource(value = CaseStatus.class, names = {"DECISION_ISSUED", "CLOSED", "SUSPENDED", "REFERRED"})
        void overdue_evidence_does_not_open_the_other_statuses_to_referral(CaseStatus status) {
            refusedByTable(historyAt(status, new CaseAwaitingOverdueEvidence(CASE_ID, "req-7", dueAt)),
                    new ReferCase(CASE_ID, TO_CMA), "refer", status, "[OPENED, INVESTIGATING, FINDINGS]");
        }

        @Test
        void the_referral_is_recorded_without_surrounding_blanks() {
            fixture.given(historyAt(OPENED))
                    .when(new ReferCase(CASE_ID, new Referral(" " + CMA + " ", " CMA-50.123 ", " Consumer law ")))
                    .expectEvents(new CaseReferred(CASE_ID, new Referral(CMA, "CMA-50.123", "Consumer law")));
        }

        @Test
        void a_referral_names_the_authority_their_reference_and_the_reason() {
            fixture.given(historyAt(OPENED))
                    .when(new ReferCase(CASE_ID, null))
                    .expectException(unprocessable())
                    .expectExceptionMessage("A referral names the authority, their reference and the reason")
                    .expectNoEvents();
            CaseFixtures.fixture().given(historyAt(OPENED))
                    .when(new ReferCase(CASE_ID, new Referral(" ", "CMA-50.123", "Consumer law")))
                    .expectException(unprocessable())
                    .expectExceptionMessage("A referral names the authority it goes to")
                    .expectNoEvents();
            CaseFixtures.fixture().given(historyAt(OPENED))
                    .when(new ReferCase(CASE_ID, new Referral(CMA, null, "Consumer law")))
                    .expectException(unprocessable())
                    .expectExceptionMessage("A referral records the other authority's reference")
                    .expectNoEvents();
            CaseFixtures.fixture().given(historyAt(OPENED))
                    .when(new ReferCase(CASE_ID, new Referral(CMA, "CMA-50.123", "")))
                    .expectException(unprocessable())
                    .expectExceptionMessage("A referral needs its reason")
                    .expectNoEvents();
        }
    }

    @Nested
    class Reopening {

        @Test
        void a_closed_case_can_be_reopened() {
            fixture.given(historyAt(CLOSED))
                    .when(new ReopenCase(CASE_ID, "  New evidence from a whistleblower "))
                    .expectEvents(new CaseReopened(CASE_ID, "New evidence from a whistleblower"));
        }

        @Test
        void a_case_closed_after_a_referral_can_be_reopened() {
            fixture.given(historyAt(REFERRED, new CaseClosed(CASE_ID, "Referred to the CMA")))
                    .when(new ReopenCase(CASE_ID, "The CMA sent it back"))
                    .expectEvents(new CaseReopened(CASE_ID, "The CMA sent it back"));
        }

        @ParameterizedTest
        @EnumSource(value = CaseStatus.class, names = "CLOSED", mode = Mode.EXCLUDE)
        void only_a_closed_case_can_be_reopened(CaseStatus status) {
            refusedByTable(historyAt(status), new ReopenCase(CASE_ID, "New evidence"), "reopen", status, "[CLOSED]");
        }

        @Test
        void reopening_needs_a_reason() {
            fixture.given(historyAt(CLOSED))
                    .when(new ReopenCase(CASE_ID, ""))
                    .expectException(unprocessable())
                    .expectExceptionMessage("Reopening a case needs a reason")
                    .expectNoEvents();
        }

        @Test
        void a_reopened_case_is_under_investigation_again() {
            refusedByTable(historyAt(CLOSED, new CaseReopened(CASE_ID, "New evidence")),
                    new StartInvestigation(CASE_ID), "start the investigation of", INVESTIGATING, "[OPENED]");
            CaseFixtures.fixture().given(historyAt(CLOSED, new CaseReopened(CASE_ID, "New evidence")))
                    .when(new RecordFindings(CASE_ID, "Revised findings"))
                    .expectEvents(new FindingsRecorded(CASE_ID, "Revised findings"));
        }

        @Test
        void a_reopened_case_needs_a_new_decision_before_it_can_be_closed_again() {
            fixture.given(historyAt(CLOSED, new CaseReopened(CASE_ID, "New evidence"), findingsRecorded()))
                    .when(new CloseCase(CASE_ID, "Closing again"))
                    .expectException(conflict())
                    .expectExceptionMessage("A case cannot be closed without a decision or a referral")
                    .expectNoEvents();
            CaseFixtures.fixture()
                    .given(historyAt(CLOSED, new CaseReopened(CASE_ID, "New evidence"), findingsRecorded(),
                            reprimandIssued()))
                    .when(new CloseCase(CASE_ID, "Closing again"))
                    .expectEvents(new CaseClosed(CASE_ID, "Closing again"));
        }

        @Test
        void a_case_reopened_after_a_referral_can_no_longer_be_closed_on_that_referral() {
            fixture.given(historyAt(REFERRED, new CaseClosed(CASE_ID, "Referred"),
                            new CaseReopened(CASE_ID, "The CMA sent it back"), findingsRecorded()))
                    .when(new CloseCase(CASE_ID, "Closing again"))
                    .expectException(conflict())
                    .expectExceptionMessage("A case cannot be closed without a decision or a referral")
                    .expectNoEvents();
        }
    }
}
