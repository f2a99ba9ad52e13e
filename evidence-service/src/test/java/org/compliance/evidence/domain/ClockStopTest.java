package org.compliance.evidence.domain;

import static org.compliance.evidence.domain.EvidenceFixtures.CASE_ID;
import static org.compliance.evidence.domain.EvidenceFixtures.CLOCK_RESTARTED_AT;
import static org.compliance.evidence.domain.EvidenceFixtures.CLOCK_STOPPED_AT;
import static org.compliance.evidence.domain.EvidenceFixtures.CLOCK_STOP_REASON;
import static org.compliance.evidence.domain.EvidenceFixtures.DESCRIPTION;
import static org.compliance.evidence.domain.EvidenceFixtures.DUE;
import static org.compliance.evidence.domain.EvidenceFixtures.EXTENDED_DUE;
import static org.compliance.evidence.domain.EvidenceFixtures.IRIS;
import static org.compliance.evidence.domain.EvidenceFixtures.MORE_DUE;
import static org.compliance.evidence.domain.EvidenceFixtures.MOVED_DUE;
import static org.compliance.evidence.domain.EvidenceFixtures.NORA;
import static org.compliance.evidence.domain.EvidenceFixtures.REQUEST_ID;
import static org.compliance.evidence.domain.EvidenceFixtures.ROPA;
import static org.compliance.evidence.domain.EvidenceFixtures.STATEMENT;
import static org.compliance.evidence.domain.EvidenceFixtures.STOPPED_FOR;
import static org.compliance.evidence.domain.EvidenceFixtures.accepted;
import static org.compliance.evidence.domain.EvidenceFixtures.anIssue;
import static org.compliance.evidence.domain.EvidenceFixtures.approaching;
import static org.compliance.evidence.domain.EvidenceFixtures.clockRestart;
import static org.compliance.evidence.domain.EvidenceFixtures.clockRestarted;
import static org.compliance.evidence.domain.EvidenceFixtures.clockStop;
import static org.compliance.evidence.domain.EvidenceFixtures.clockStopped;
import static org.compliance.evidence.domain.EvidenceFixtures.deadlineFor;
import static org.compliance.evidence.domain.EvidenceFixtures.extensionRequest;
import static org.compliance.evidence.domain.EvidenceFixtures.extensionRequested;
import static org.compliance.evidence.domain.EvidenceFixtures.fixtureAt;
import static org.compliance.evidence.domain.EvidenceFixtures.grant;
import static org.compliance.evidence.domain.EvidenceFixtures.history;
import static org.compliance.evidence.domain.EvidenceFixtures.lateHistory;
import static org.compliance.evidence.domain.EvidenceFixtures.moreRequested;
import static org.compliance.evidence.domain.EvidenceFixtures.overdue;
import static org.compliance.evidence.domain.EvidenceFixtures.reminderAt;
import static org.compliance.evidence.domain.EvidenceFixtures.reminderDaysBefore;
import static org.compliance.evidence.domain.EvidenceFixtures.submission;
import static org.compliance.evidence.domain.EvidenceFixtures.submitted;
import static org.compliance.evidence.domain.EvidenceFixtures.withdrawn;
import static org.compliance.testing.RuleViolations.conflict;
import static org.compliance.testing.RuleViolations.unprocessable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.compliance.api.evidence.EvidenceClockRestarted;
import org.compliance.api.evidence.EvidenceClockStopped;
import org.compliance.api.evidence.EvidenceSubmitted;
import org.compliance.api.evidence.ExtensionRequested;
import org.compliance.api.evidence.RequestMoreEvidence;
import org.compliance.api.evidence.RestartClock;
import org.compliance.api.evidence.StopClock;
import org.compliance.evidence.domain.Deadlines.DueMomentPassed;
import org.compliance.evidence.domain.Deadlines.ReminderDue;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Staff stop a request's clock with a public reason, for example while a clarification the company asked for is
 * outstanding, and restart it: while it is stopped no reminder is sent and nothing goes overdue; on restart the due
 * moment and every reminder still ahead move later by exactly the time it stood still.
 */
class ClockStopTest {

    @Nested
    class Stopping {

        @Test
        void staff_stop_the_clock_of_an_open_request_with_a_reason_the_company_reads() {
            fixtureAt(CLOCK_STOPPED_AT).given(history())
                    .when(clockStop())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new EvidenceClockStopped(REQUEST_ID, CASE_ID, CLOCK_STOP_REASON, IRIS,
                            CLOCK_STOPPED_AT));
        }

        @Test
        void the_reason_is_recorded_without_surrounding_blanks() {
            fixtureAt(CLOCK_STOPPED_AT).given(history())
                    .when(new StopClock(REQUEST_ID, "  " + CLOCK_STOP_REASON + "\n", IRIS))
                    .expectEvents(clockStopped(CLOCK_STOPPED_AT));
        }

        @Test
        void stopping_the_clock_gives_the_reason() {
            fixtureAt(CLOCK_STOPPED_AT).given(history())
                    .when(new StopClock(REQUEST_ID, " ", IRIS))
                    .expectException(unprocessable())
                    .expectExceptionMessage("Stopping the clock gives the reason (the company reads it)")
                    .expectNoEvents();
            fixtureAt(CLOCK_STOPPED_AT).given(history())
                    .when(new StopClock(REQUEST_ID, null, IRIS))
                    .expectException(unprocessable())
                    .expectNoEvents();
        }

        @Test
        void a_member_of_staff_stops_the_clock() {
            fixtureAt(CLOCK_STOPPED_AT).given(history())
                    .when(new StopClock(REQUEST_ID, CLOCK_STOP_REASON, null))
                    .expectException(unprocessable())
                    .expectNoEvents();
        }

        @Test
        void stopping_the_clock_cancels_every_reminder_and_the_overdue_deadline() {
            fixtureAt(CLOCK_STOPPED_AT).givenCurrentTime(CLOCK_STOPPED_AT)
                    .andGivenCommands(anIssue().dueAt(DUE).build())
                    .when(clockStop())
                    .expectEvents(clockStopped(CLOCK_STOPPED_AT))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void a_stopped_clock_is_not_stopped_again() {
            fixtureAt(CLOCK_RESTARTED_AT).given(history(clockStopped(CLOCK_STOPPED_AT)))
                    .when(clockStop())
                    .expectException(conflict())
                    .expectExceptionMessage("The clock is already stopped (since " + CLOCK_STOPPED_AT + ")")
                    .expectNoEvents();
        }

        @Test
        void a_clock_that_has_run_out_cannot_be_stopped() {
            fixtureAt(DUE).given(history())
                    .when(clockStop())
                    .expectException(conflict())
                    .expectExceptionMessage("The request was due at " + DUE + "; a clock that has run out cannot be "
                            + "stopped")
                    .expectNoEvents();
            fixtureAt(CLOCK_STOPPED_AT).given(lateHistory(overdue(EvidenceFixtures.PAST_DUE)))
                    .when(clockStop())
                    .expectException(conflict())
                    .expectNoEvents();
        }

        @Test
        void while_a_submission_awaits_review_there_is_no_clock_to_stop() {
            fixtureAt(CLOCK_STOPPED_AT).given(history(submitted("sub-1", ROPA)))
                    .when(clockStop())
                    .expectException(conflict())
                    .expectExceptionMessage("Evidence was submitted and awaits review: the company's clock is not "
                            + "running")
                    .expectNoEvents();
        }

        @Test
        void after_more_evidence_was_asked_for_the_clock_runs_again_and_may_be_stopped() {
            fixtureAt(CLOCK_STOPPED_AT).given(history(submitted("sub-1", ROPA), moreRequested(DUE, MORE_DUE)))
                    .when(clockStop())
                    .expectEvents(clockStopped(CLOCK_STOPPED_AT));
        }

        @Test
        void no_clock_stops_on_a_withdrawn_or_complete_request() {
            fixtureAt(CLOCK_STOPPED_AT).given(history(withdrawn()))
                    .when(clockStop())
                    .expectException(conflict())
                    .expectExceptionMessage("Cannot stop the clock of a request that is WITHDRAWN")
                    .expectNoEvents();
            fixtureAt(CLOCK_STOPPED_AT).given(history(submitted("sub-1", ROPA), accepted()))
                    .when(clockStop())
                    .expectException(conflict())
                    .expectExceptionMessage("Cannot stop the clock of a request that is COMPLETE")
                    .expectNoEvents();
        }
    }

    @Nested
    class WhileStopped {

        @Test
        void the_due_moment_and_the_reminders_pass_without_anything_happening() {
            fixtureAt(CLOCK_STOPPED_AT).givenCurrentTime(CLOCK_STOPPED_AT)
                    .andGivenCommands(anIssue().dueAt(DUE).build(), clockStop())
                    .whenThenTimeAdvancesTo(DUE.plus(Duration.ofDays(30)))
                    .expectNoEvents()
                    .expectTriggeredDeadlines();
        }

        @Test
        void a_deadline_that_fires_anyway_does_nothing() {
            Clock afterDue = Clock.fixed(DUE.plusSeconds(1), ZoneOffset.UTC);
            fixtureAt(DUE.plusSeconds(1)).given(history(clockStopped(CLOCK_STOPPED_AT)))
                    .whenInvoking(REQUEST_ID, request -> request.on(new DueMomentPassed(DUE), afterDue))
                    .expectNoEvents();
            Clock beforeDue = Clock.fixed(reminderAt(DUE, 3), ZoneOffset.UTC);
            fixtureAt(reminderAt(DUE, 3)).given(history(clockStopped(CLOCK_STOPPED_AT)))
                    .whenInvoking(REQUEST_ID, request -> request.on(new ReminderDue(DUE, 3), beforeDue))
                    .expectNoEvents();
        }

        @Test
        void the_company_may_still_submit_and_the_submission_is_not_late() {
            Instant afterDue = DUE.plus(Duration.ofDays(2));
            fixtureAt(afterDue).given(history(clockStopped(CLOCK_STOPPED_AT)))
                    .when(submission("sub-1", ROPA))
                    .expectEvents(new EvidenceSubmitted(REQUEST_ID, CASE_ID, "sub-1", List.of(ROPA), DESCRIPTION,
                            STATEMENT, NORA, afterDue, false));
        }

        @Test
        void the_company_may_still_ask_for_more_time() {
            Instant afterDue = DUE.plus(Duration.ofDays(2));
            fixtureAt(afterDue).given(history(clockStopped(CLOCK_STOPPED_AT)))
                    .when(extensionRequest())
                    .expectEvents(new ExtensionRequested(REQUEST_ID, CASE_ID, EvidenceFixtures.EXTENSION_REASON, NORA,
                            afterDue));
        }

        @Test
        void the_due_moment_is_not_moved_otherwise_until_the_clock_restarts() {
            fixtureAt(CLOCK_RESTARTED_AT).given(history(extensionRequested(), clockStopped(CLOCK_STOPPED_AT)))
                    .when(grant(EXTENDED_DUE))
                    .expectException(conflict())
                    .expectExceptionMessage("The clock is stopped; restart it before granting an extension")
                    .expectNoEvents();
            fixtureAt(CLOCK_RESTARTED_AT).given(history(clockStopped(CLOCK_STOPPED_AT)))
                    .when(new RequestMoreEvidence(REQUEST_ID, "The 2026 impact assessment", MORE_DUE, IRIS))
                    .expectException(conflict())
                    .expectExceptionMessage("The clock is stopped; restart it before asking for more evidence")
                    .expectNoEvents();
        }
    }

    @Nested
    class Restarting {

        @Test
        void the_due_moment_moves_by_the_time_the_clock_stood_still() {
            fixtureAt(CLOCK_RESTARTED_AT).given(history(clockStopped(CLOCK_STOPPED_AT)))
                    .when(clockRestart())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new EvidenceClockRestarted(REQUEST_ID, CASE_ID, CLOCK_STOPPED_AT, CLOCK_RESTARTED_AT,
                            STOPPED_FOR, DUE, MOVED_DUE, IRIS));
        }

        @Test
        void the_overdue_deadline_and_every_reminder_are_scheduled_moved_by_the_same_time() {
            fixtureAt(CLOCK_RESTARTED_AT).givenCurrentTime(CLOCK_RESTARTED_AT)
                    .andGiven(history(clockStopped(CLOCK_STOPPED_AT)))
                    .when(clockRestart())
                    .expectScheduledDeadline(reminderAt(DUE, 7).plus(STOPPED_FOR), new ReminderDue(MOVED_DUE, 7))
                    .expectScheduledDeadline(reminderAt(DUE, 3).plus(STOPPED_FOR), new ReminderDue(MOVED_DUE, 3))
                    .expectScheduledDeadline(reminderAt(DUE, 1).plus(STOPPED_FOR), new ReminderDue(MOVED_DUE, 1))
                    .expectScheduledDeadline(MOVED_DUE, new DueMomentPassed(MOVED_DUE))
                    .expectNoScheduledDeadlineMatching(deadlineFor(DUE));
        }

        @Test
        void a_reminder_sent_before_the_clock_stopped_is_not_sent_again() {
            Instant stopped = Instant.parse("2026-11-10T10:00:00Z"); // after the 7-day reminder of 9 November
            Instant restarted = Instant.parse("2026-11-12T10:00:00Z");
            Instant moved = DUE.plus(Duration.ofDays(2));
            fixtureAt(restarted).givenCurrentTime(restarted)
                    .andGiven(history(approaching(DUE, 7), clockStopped(stopped)))
                    .when(clockRestart())
                    .expectEvents(clockRestarted(stopped, restarted, DUE))
                    .expectScheduledDeadline(reminderAt(moved, 3), new ReminderDue(moved, 3))
                    .expectScheduledDeadline(reminderAt(moved, 1), new ReminderDue(moved, 1))
                    .expectScheduledDeadline(moved, new DueMomentPassed(moved))
                    .expectNoScheduledDeadlineMatching(reminderDaysBefore(7));
        }

        @Test
        void after_the_restart_the_reminders_and_the_overdue_deadline_fire_at_the_moved_moments() {
            fixtureAt(CLOCK_RESTARTED_AT).givenCurrentTime(CLOCK_RESTARTED_AT)
                    .andGiven(history(clockStopped(CLOCK_STOPPED_AT)))
                    .andGivenCommands(clockRestart())
                    .whenThenTimeAdvancesTo(MOVED_DUE.plusSeconds(1))
                    .expectEvents(approaching(MOVED_DUE, 7), approaching(MOVED_DUE, 3), approaching(MOVED_DUE, 1),
                            overdue(MOVED_DUE));
        }

        @Test
        void a_deadline_of_the_due_moment_before_the_stop_does_nothing_after_the_restart() {
            Clock afterDue = Clock.fixed(DUE.plusSeconds(1), ZoneOffset.UTC);
            fixtureAt(DUE.plusSeconds(1))
                    .given(history(clockStopped(CLOCK_STOPPED_AT),
                            clockRestarted(CLOCK_STOPPED_AT, CLOCK_RESTARTED_AT, DUE)))
                    .whenInvoking(REQUEST_ID, request -> request.on(new DueMomentPassed(DUE), afterDue))
                    .expectNoEvents();
        }

        @Test
        void a_running_clock_is_not_restarted() {
            fixtureAt(CLOCK_RESTARTED_AT).given(history())
                    .when(clockRestart())
                    .expectException(conflict())
                    .expectExceptionMessage("The clock is not stopped")
                    .expectNoEvents();
            fixtureAt(CLOCK_RESTARTED_AT).given(history(clockStopped(CLOCK_STOPPED_AT),
                            clockRestarted(CLOCK_STOPPED_AT, CLOCK_RESTARTED_AT, DUE)))
                    .when(clockRestart())
                    .expectException(conflict())
                    .expectNoEvents();
        }

        @Test
        void a_member_of_staff_restarts_the_clock() {
            fixtureAt(CLOCK_RESTARTED_AT).given(history(clockStopped(CLOCK_STOPPED_AT)))
                    .when(new RestartClock(REQUEST_ID, null))
                    .expectException(unprocessable())
                    .expectNoEvents();
        }

        @Test
        void the_clock_of_a_withdrawn_request_is_not_restarted() {
            fixtureAt(CLOCK_RESTARTED_AT).given(history(clockStopped(CLOCK_STOPPED_AT), withdrawn()))
                    .when(clockRestart())
                    .expectException(conflict())
                    .expectExceptionMessage("Cannot restart the clock of a request that is WITHDRAWN")
                    .expectNoEvents();
        }

        @Test
        void a_clock_stopped_again_moves_the_due_moment_again() {
            Instant secondStop = Instant.parse("2026-11-12T09:00:00Z");
            Instant secondRestart = Instant.parse("2026-11-13T09:00:00Z");
            fixtureAt(secondRestart)
                    .given(history(clockStopped(CLOCK_STOPPED_AT),
                            clockRestarted(CLOCK_STOPPED_AT, CLOCK_RESTARTED_AT, DUE), clockStopped(secondStop)))
                    .when(clockRestart())
                    .expectEvents(new EvidenceClockRestarted(REQUEST_ID, CASE_ID, secondStop, secondRestart,
                            Duration.ofDays(1), MOVED_DUE, MOVED_DUE.plus(Duration.ofDays(1)), IRIS));
        }
    }
}
