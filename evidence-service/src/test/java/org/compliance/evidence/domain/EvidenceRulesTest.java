package org.compliance.evidence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.compliance.evidence.domain.EvidenceFixtures.CASE_ID;
import static org.compliance.evidence.domain.EvidenceFixtures.CLOSED_CASE_ID;
import static org.compliance.evidence.domain.EvidenceFixtures.DESCRIPTION;
import static org.compliance.evidence.domain.EvidenceFixtures.DPIA;
import static org.compliance.evidence.domain.EvidenceFixtures.DUE;
import static org.compliance.evidence.domain.EvidenceFixtures.EXTENDED_DUE;
import static org.compliance.evidence.domain.EvidenceFixtures.IRIS;
import static org.compliance.evidence.domain.EvidenceFixtures.KNOWN_CASES;
import static org.compliance.evidence.domain.EvidenceFixtures.MORE_DUE;
import static org.compliance.evidence.domain.EvidenceFixtures.NORA;
import static org.compliance.evidence.domain.EvidenceFixtures.NORTHWIND;
import static org.compliance.evidence.domain.EvidenceFixtures.NOW;
import static org.compliance.evidence.domain.EvidenceFixtures.OTTO;
import static org.compliance.evidence.domain.EvidenceFixtures.PAST_DUE;
import static org.compliance.evidence.domain.EvidenceFixtures.REQUEST_ID;
import static org.compliance.evidence.domain.EvidenceFixtures.ROPA;
import static org.compliance.evidence.domain.EvidenceFixtures.SAMUEL;
import static org.compliance.evidence.domain.EvidenceFixtures.STATEMENT;
import static org.compliance.evidence.domain.EvidenceFixtures.acceptance;
import static org.compliance.evidence.domain.EvidenceFixtures.accepted;
import static org.compliance.evidence.domain.EvidenceFixtures.acknowledged;
import static org.compliance.evidence.domain.EvidenceFixtures.anIssue;
import static org.compliance.evidence.domain.EvidenceFixtures.approaching;
import static org.compliance.evidence.domain.EvidenceFixtures.extensionGranted;
import static org.compliance.evidence.domain.EvidenceFixtures.extensionRefused;
import static org.compliance.evidence.domain.EvidenceFixtures.extensionRequest;
import static org.compliance.evidence.domain.EvidenceFixtures.extensionRequested;
import static org.compliance.evidence.domain.EvidenceFixtures.grant;
import static org.compliance.evidence.domain.EvidenceFixtures.history;
import static org.compliance.evidence.domain.EvidenceFixtures.lateHistory;
import static org.compliance.evidence.domain.EvidenceFixtures.moreRequested;
import static org.compliance.evidence.domain.EvidenceFixtures.overdue;
import static org.compliance.evidence.domain.EvidenceFixtures.requestIssued;
import static org.compliance.evidence.domain.EvidenceFixtures.stateOf;
import static org.compliance.evidence.domain.EvidenceFixtures.submission;
import static org.compliance.evidence.domain.EvidenceFixtures.submitted;
import static org.compliance.evidence.domain.EvidenceFixtures.withdrawn;

import java.time.Instant;
import java.util.List;
import org.compliance.api.evidence.AcknowledgeEvidenceRequest;
import org.compliance.api.evidence.EvidenceClockRestarted;
import org.compliance.api.evidence.EvidenceCommand;
import org.compliance.api.evidence.EvidenceDownloaded;
import org.compliance.api.evidence.EvidenceEvent;
import org.compliance.api.evidence.EvidenceRequestAcknowledged;
import org.compliance.api.evidence.EvidenceSubmitted;
import org.compliance.api.evidence.ExtensionRefused;
import org.compliance.api.evidence.RecordEvidenceDownload;
import org.compliance.api.evidence.RefuseExtension;
import org.compliance.api.evidence.RequestMoreEvidence;
import org.compliance.api.evidence.StopClock;
import org.compliance.api.evidence.WithdrawEvidenceRequest;
import org.compliance.evidence.domain.Deadlines.DueMomentPassed;
import org.compliance.evidence.domain.Deadlines.ReminderDue;
import org.compliance.platform.domain.RuleViolation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The decider without Axon: given the request's events, when a command (or a deadline) arrives at a moment, then
 * these events, or this rule violation. The fixture tests beside it are the aggregate's contract; these show that
 * the rules alone decide.
 */
class EvidenceRulesTest {

    /** The events {@code command} records at {@code now} on a request with {@code given} events. */
    private static List<EvidenceEvent> when(List<Object> given, EvidenceCommand command, Instant now) {
        return EvidenceRules.decide(given.isEmpty() ? null : stateOf(given), command, now, KNOWN_CASES);
    }

    private static RuleViolation.Kind refusal(List<Object> given, EvidenceCommand command, Instant now) {
        try {
            when(given, command, now);
        } catch (RuleViolation violation) {
            return violation.kind();
        }
        throw new AssertionError("expected " + command + " to be refused");
    }

    @Nested
    class Decide {

        @Test
        void an_issue_for_an_open_known_case_records_the_request() {
            assertThat(when(List.of(), anIssue().build(), NOW)).containsExactly(requestIssued());
        }

        @Test
        void an_issue_for_a_closed_case_is_unprocessable() {
            assertThat(refusal(List.of(), anIssue().caseId(CLOSED_CASE_ID).build(), NOW))
                    .isEqualTo(RuleViolation.Kind.UNPROCESSABLE);
        }

        @Test
        void a_request_is_issued_once() {
            assertThat(refusal(history(), anIssue().build(), NOW)).isEqualTo(RuleViolation.Kind.CONFLICT);
        }

        @Test
        void the_respondent_acknowledges_once() {
            assertThat(when(history(), new AcknowledgeEvidenceRequest(REQUEST_ID, NORA), NOW))
                    .containsExactly(new EvidenceRequestAcknowledged(REQUEST_ID, CASE_ID, NORA, NOW));
            assertThat(refusal(history(acknowledged()), new AcknowledgeEvidenceRequest(REQUEST_ID, NORA), NOW))
                    .isEqualTo(RuleViolation.Kind.CONFLICT);
        }

        @Test
        void another_respondent_cannot_answer() {
            assertThat(refusal(history(), new AcknowledgeEvidenceRequest(REQUEST_ID, OTTO), NOW))
                    .isEqualTo(RuleViolation.Kind.CONFLICT);
        }

        @Test
        void a_submission_after_the_due_moment_is_recorded_late() {
            assertThat(when(lateHistory(), submission("s-1", ROPA), NOW)).containsExactly(new EvidenceSubmitted(
                    REQUEST_ID, CASE_ID, "s-1", List.of(ROPA), DESCRIPTION, STATEMENT, NORA, NOW, true));
        }

        @Test
        void the_same_submission_is_made_once() {
            assertThat(when(history(), submission("s-1", ROPA), NOW)).containsExactly(submitted("s-1", ROPA));
            assertThat(refusal(history(submitted("s-1", ROPA)), submission("s-1", DPIA), NOW))
                    .isEqualTo(RuleViolation.Kind.CONFLICT);
        }

        @Test
        void an_extension_is_asked_for_before_the_due_moment_and_one_at_a_time() {
            assertThat(when(history(), extensionRequest(), NOW)).containsExactly(extensionRequested());
            assertThat(refusal(history(extensionRequested()), extensionRequest(), NOW))
                    .isEqualTo(RuleViolation.Kind.CONFLICT);
            assertThat(refusal(lateHistory(), extensionRequest(), NOW)).isEqualTo(RuleViolation.Kind.CONFLICT);
        }

        @Test
        void a_pending_extension_is_granted_to_a_later_due_moment() {
            assertThat(when(history(extensionRequested()), grant(EXTENDED_DUE), NOW))
                    .containsExactly(extensionGranted(DUE, EXTENDED_DUE));
            assertThat(refusal(history(extensionRequested()), grant(PAST_DUE), NOW))
                    .isEqualTo(RuleViolation.Kind.UNPROCESSABLE);
            assertThat(refusal(history(), grant(EXTENDED_DUE), NOW)).isEqualTo(RuleViolation.Kind.CONFLICT);
        }

        @Test
        void a_pending_extension_is_refused_with_a_reason() {
            ExtensionRefused refused = extensionRefused();
            RefuseExtension refuse = new RefuseExtension(REQUEST_ID, refused.reason(), SAMUEL);
            assertThat(when(history(extensionRequested()), refuse, NOW)).containsExactly(refused);
            assertThat(refusal(history(extensionRequested(), refused), refuse, NOW))
                    .isEqualTo(RuleViolation.Kind.CONFLICT);
        }

        @Test
        void evidence_is_accepted_once_something_was_submitted() {
            assertThat(when(history(submitted("s-1", ROPA)), acceptance(), NOW)).containsExactly(accepted());
            assertThat(refusal(history(), acceptance(), NOW)).isEqualTo(RuleViolation.Kind.CONFLICT);
        }

        @Test
        void more_evidence_is_asked_for_by_a_future_due_moment() {
            RequestMoreEvidence more = new RequestMoreEvidence(REQUEST_ID, "The impact assessment for the 2026 model",
                    MORE_DUE, IRIS);
            assertThat(when(history(submitted("s-1", ROPA)), more, NOW)).containsExactly(moreRequested(DUE, MORE_DUE));
            assertThat(refusal(history(), new RequestMoreEvidence(REQUEST_ID, "More", PAST_DUE, IRIS), NOW))
                    .isEqualTo(RuleViolation.Kind.UNPROCESSABLE);
        }

        @Test
        void an_open_request_is_withdrawn_and_then_takes_nothing_more() {
            WithdrawEvidenceRequest withdraw = new WithdrawEvidenceRequest(REQUEST_ID, withdrawn().reason(), IRIS);
            assertThat(when(history(), withdraw, NOW)).containsExactly(withdrawn());
            assertThat(refusal(history(withdrawn()), withdraw, NOW)).isEqualTo(RuleViolation.Kind.CONFLICT);
            assertThat(refusal(history(withdrawn()), submission("s-1", ROPA), NOW))
                    .isEqualTo(RuleViolation.Kind.CONFLICT);
        }

        @Test
        void a_download_of_a_submitted_file_is_recorded_with_its_hash() {
            assertThat(when(history(submitted("s-1", ROPA)), new RecordEvidenceDownload(REQUEST_ID, ROPA.fileId(),
                    "u-iris"), NOW)).containsExactly(new EvidenceDownloaded(REQUEST_ID, CASE_ID, ROPA.fileId(),
                    ROPA.sha256(), "u-iris", NOW));
            assertThat(refusal(history(), new RecordEvidenceDownload(REQUEST_ID, ROPA.fileId(), "u-iris"), NOW))
                    .isEqualTo(RuleViolation.Kind.UNPROCESSABLE);
        }

        @Test
        void a_command_to_a_request_never_issued_is_refused() {
            assertThatThrownBy(() -> when(List.of(), acceptance(), NOW)).isInstanceOf(RuleViolation.class);
        }
    }

    @Nested
    class Deadlines {

        @Test
        void a_reminder_for_the_current_due_moment_is_recorded_once() {
            ReminderDue reminder = new ReminderDue(DUE, 7);
            assertThat(EvidenceRules.decide(stateOf(history()), reminder, NOW)).containsExactly(approaching(DUE, 7));
            assertThat(EvidenceRules.decide(stateOf(history(approaching(DUE, 7))), reminder, NOW)).isEmpty();
        }

        @Test
        void a_passed_due_moment_makes_an_open_request_overdue_once() {
            DueMomentPassed passed = new DueMomentPassed(DUE);
            assertThat(EvidenceRules.decide(stateOf(history()), passed, DUE)).containsExactly(overdue(DUE));
            assertThat(EvidenceRules.decide(stateOf(history(overdue(DUE))), passed, DUE)).isEmpty();
            assertThat(EvidenceRules.decide(stateOf(history(submitted("s-1", ROPA), accepted())), passed, DUE))
                    .isEmpty();
        }
    }

    @Nested
    class Evolve {

        @Test
        void an_issue_begins_the_state() {
            RequestState state = EvidenceRules.evolve(null, requestIssued());
            assertThat(state.requestId()).isEqualTo(REQUEST_ID);
            assertThat(state.caseId()).isEqualTo(CASE_ID);
            assertThat(state.respondent()).isEqualTo(NORTHWIND);
            assertThat(state.status()).isEqualTo(RequestStatus.OPEN);
            assertThat(state.dueAt()).isEqualTo(DUE);
            assertThat(state.acknowledged()).isFalse();
        }

        @Test
        void each_event_moves_the_state_the_rules_read() {
            assertThat(stateOf(history(acknowledged())).acknowledged()).isTrue();
            assertThat(stateOf(history(submitted("s-1", ROPA, DPIA))).file(DPIA.fileId())).isEqualTo(DPIA);
            assertThat(stateOf(history(submitted("s-1", ROPA))).hasSubmission("s-1")).isTrue();
            assertThat(stateOf(history(extensionRequested())).extensionPending()).isTrue();
            assertThat(stateOf(history(extensionRequested(), extensionRefused())).extensionPending()).isFalse();
            RequestState extended = stateOf(history(extensionRequested(), extensionGranted(DUE, EXTENDED_DUE)));
            assertThat(extended.extensionPending()).isFalse();
            assertThat(extended.dueAt()).isEqualTo(EXTENDED_DUE);
            assertThat(stateOf(history(moreRequested(DUE, MORE_DUE))).dueAt()).isEqualTo(MORE_DUE);
            assertThat(stateOf(history(submitted("s-1", ROPA), accepted())).status()).isEqualTo(RequestStatus.COMPLETE);
            assertThat(stateOf(history(withdrawn())).status()).isEqualTo(RequestStatus.WITHDRAWN);
            assertThat(stateOf(history(overdue(DUE))).overdueRecordedFor(DUE)).isTrue();
            assertThat(stateOf(history(approaching(DUE, 3))).reminderSent(DUE, 3)).isTrue();
        }

        @Test
        void a_download_changes_nothing_the_rules_read() {
            RequestState before = stateOf(history(submitted("s-1", ROPA)));
            EvidenceDownloaded download = new EvidenceDownloaded(REQUEST_ID, CASE_ID, ROPA.fileId(), ROPA.sha256(),
                    "u-iris", NOW);
            assertThat(EvidenceRules.evolve(before, download)).isEqualTo(before);
        }

        @Test
        void the_state_is_not_changed_in_place() {
            RequestState issued = stateOf(history());
            EvidenceRules.evolve(issued, acknowledged());
            assertThat(issued.acknowledged()).isFalse();
        }
    }

    @Nested
    class UnseenChanges {

        @Test
        void a_download_or_a_reminder_the_sender_had_not_seen_is_no_conflict() {
            assertThat(EvidenceRules.conflictsWithAnUnseenChange(new EvidenceDownloaded(REQUEST_ID, CASE_ID, "file-ropa",
                    "ab".repeat(32), "u-iris", NOW))).isFalse();
            assertThat(EvidenceRules.conflictsWithAnUnseenChange(approaching(DUE, 3))).isFalse();
        }

        @Test
        void any_other_event_is_a_change_the_sender_must_see_first() {
            assertThat(List.<EvidenceEvent>of(acknowledged(), extensionRequested(), extensionGranted(DUE, EXTENDED_DUE),
                    extensionRefused(), accepted(), withdrawn(), moreRequested(DUE, MORE_DUE), overdue(DUE)))
                    .allMatch(EvidenceRules::conflictsWithAnUnseenChange);
        }
    }

    /** Stopping and restarting the clock, the decider alone. */
    @Nested
    class ClockStops {

        @Test
        void an_open_request_s_clock_stops_once_and_restarts_moved_by_the_time_stopped() {
            assertThat(when(history(), EvidenceFixtures.clockStop(), EvidenceFixtures.CLOCK_STOPPED_AT))
                    .containsExactly(EvidenceFixtures.clockStopped(EvidenceFixtures.CLOCK_STOPPED_AT));
            List<Object> stopped = history(EvidenceFixtures.clockStopped(EvidenceFixtures.CLOCK_STOPPED_AT));
            assertThat(refusal(stopped, EvidenceFixtures.clockStop(), EvidenceFixtures.CLOCK_RESTARTED_AT))
                    .isEqualTo(RuleViolation.Kind.CONFLICT);
            List<EvidenceEvent> restarted = when(stopped, EvidenceFixtures.clockRestart(),
                    EvidenceFixtures.CLOCK_RESTARTED_AT);
            assertThat(restarted).containsExactly(new EvidenceClockRestarted(REQUEST_ID, CASE_ID,
                    EvidenceFixtures.CLOCK_STOPPED_AT, EvidenceFixtures.CLOCK_RESTARTED_AT,
                    EvidenceFixtures.STOPPED_FOR, DUE, EvidenceFixtures.MOVED_DUE, IRIS));
            assertThat(refusal(history(), EvidenceFixtures.clockRestart(), NOW)).isEqualTo(RuleViolation.Kind.CONFLICT);
        }

        @Test
        void no_clock_stops_once_due_submitted_or_closed() {
            assertThat(refusal(history(), EvidenceFixtures.clockStop(), DUE)).isEqualTo(RuleViolation.Kind.CONFLICT);
            assertThat(refusal(history(submitted("s-1", ROPA)), EvidenceFixtures.clockStop(), NOW))
                    .isEqualTo(RuleViolation.Kind.CONFLICT);
            assertThat(refusal(history(withdrawn()), EvidenceFixtures.clockStop(), NOW))
                    .isEqualTo(RuleViolation.Kind.CONFLICT);
            assertThat(refusal(history(), new StopClock(REQUEST_ID, " \t", IRIS), NOW))
                    .isEqualTo(RuleViolation.Kind.UNPROCESSABLE);
        }

        @Test
        void while_stopped_no_deadline_records_anything() {
            RequestState stopped = stateOf(history(EvidenceFixtures.clockStopped(EvidenceFixtures.CLOCK_STOPPED_AT)));
            assertThat(EvidenceRules.decide(stopped, new DueMomentPassed(DUE), DUE)).isEmpty();
            assertThat(EvidenceRules.decide(stopped, new ReminderDue(DUE, 1), DUE.minusSeconds(60))).isEmpty();
        }

        @Test
        void the_state_knows_when_the_clock_stopped_and_the_moved_due_moment() {
            RequestState stopped = stateOf(history(EvidenceFixtures.clockStopped(EvidenceFixtures.CLOCK_STOPPED_AT)));
            assertThat(stopped.clockStoppedAt()).isEqualTo(EvidenceFixtures.CLOCK_STOPPED_AT);
            assertThat(stopped.dueAt()).isEqualTo(DUE);
            RequestState running = stateOf(history(EvidenceFixtures.clockStopped(EvidenceFixtures.CLOCK_STOPPED_AT),
                    EvidenceFixtures.clockRestarted(EvidenceFixtures.CLOCK_STOPPED_AT,
                            EvidenceFixtures.CLOCK_RESTARTED_AT, DUE)));
            assertThat(running.clockStopped()).isFalse();
            assertThat(running.dueAt()).isEqualTo(EvidenceFixtures.MOVED_DUE);
            assertThat(stateOf(history(submitted("s-1", ROPA))).awaitingReview()).isTrue();
            assertThat(stateOf(history(submitted("s-1", ROPA), moreRequested(DUE, MORE_DUE))).awaitingReview())
                    .isFalse();
        }

        @Test
        void a_stop_or_a_restart_the_sender_had_not_seen_is_a_conflict() {
            assertThat(EvidenceRules.conflictsWithAnUnseenChange(
                    EvidenceFixtures.clockStopped(EvidenceFixtures.CLOCK_STOPPED_AT))).isTrue();
            assertThat(EvidenceRules.conflictsWithAnUnseenChange(EvidenceFixtures.clockRestarted(
                    EvidenceFixtures.CLOCK_STOPPED_AT, EvidenceFixtures.CLOCK_RESTARTED_AT, DUE))).isTrue();
        }
    }
}
