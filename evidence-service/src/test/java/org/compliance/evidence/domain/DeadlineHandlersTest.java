package org.compliance.evidence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.compliance.evidence.domain.EvidenceFixtures.DUE;
import static org.compliance.evidence.domain.EvidenceFixtures.EXTENDED_DUE;
import static org.compliance.evidence.domain.EvidenceFixtures.MORE_DUE;
import static org.compliance.evidence.domain.EvidenceFixtures.NOW;
import static org.compliance.evidence.domain.EvidenceFixtures.PAST_DUE;
import static org.compliance.evidence.domain.EvidenceFixtures.REQUEST_ID;
import static org.compliance.evidence.domain.EvidenceFixtures.ROPA;
import static org.compliance.evidence.domain.EvidenceFixtures.accepted;
import static org.compliance.evidence.domain.EvidenceFixtures.acceptance;
import static org.compliance.evidence.domain.EvidenceFixtures.anIssue;
import static org.compliance.evidence.domain.EvidenceFixtures.approaching;
import static org.compliance.evidence.domain.EvidenceFixtures.extensionGranted;
import static org.compliance.evidence.domain.EvidenceFixtures.extensionRequest;
import static org.compliance.evidence.domain.EvidenceFixtures.extensionRequested;
import static org.compliance.evidence.domain.EvidenceFixtures.stateOf;
import static org.compliance.evidence.domain.EvidenceFixtures.grant;
import static org.compliance.evidence.domain.EvidenceFixtures.history;
import static org.compliance.evidence.domain.EvidenceFixtures.lateHistory;
import static org.compliance.evidence.domain.EvidenceFixtures.moreRequested;
import static org.compliance.evidence.domain.EvidenceFixtures.overdue;
import static org.compliance.evidence.domain.EvidenceFixtures.reminderAt;
import static org.compliance.evidence.domain.EvidenceFixtures.submission;
import static org.compliance.evidence.domain.EvidenceFixtures.submitted;
import static org.compliance.evidence.domain.EvidenceFixtures.withdrawn;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.compliance.api.evidence.RequestMoreEvidence;
import org.compliance.api.evidence.WithdrawEvidenceRequest;
import org.compliance.evidence.domain.Deadlines.DueMomentPassed;
import org.compliance.evidence.domain.Deadlines.ReminderDue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What the deadlines do when they fire: a reminder becomes {@code EvidenceDeadlineApproaching}, the due moment
 * {@code EvidenceRequestOverdue}. A deadline for a due moment that is no longer the request's does nothing, a
 * request goes overdue once per due moment, and a complete or withdrawn request neither.
 */
class DeadlineHandlersTest {

    private static final Clock AT_NOW = Clock.fixed(NOW, ZoneOffset.UTC);

    private AggregateTestFixture<EvidenceRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = EvidenceFixtures.fixture();
    }

    /** The deadlines scheduled by issue and the commands after it, firing as the stub's time moves on. */
    @Nested
    class AsTimePasses {

        @Test
        void when_the_first_reminder_is_due_the_respondent_is_reminded_seven_days_ahead() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(anIssue().build())
                    .whenThenTimeAdvancesTo(reminderAt(DUE, 7))
                    .expectEvents(approaching(DUE, 7))
                    .expectTriggeredDeadlines(new ReminderDue(DUE, 7))
                    .expectScheduledDeadline(reminderAt(DUE, 3), new ReminderDue(DUE, 3));
        }

        @Test
        void as_the_days_elapse_each_reminder_names_how_many_days_are_left() {
            // twelve days after issue is Saturday 14 November: the 7- and 3-day reminders have fired
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(anIssue().build())
                    .whenTimeElapses(Duration.ofDays(12))
                    .expectEvents(approaching(DUE, 7), approaching(DUE, 3))
                    .expectTriggeredDeadlines(new ReminderDue(DUE, 7), new ReminderDue(DUE, 3));
        }

        @Test
        void until_the_due_moment_itself_the_request_is_not_overdue() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(anIssue().build())
                    .whenThenTimeAdvancesTo(DUE.minusSeconds(1))
                    .expectEvents(approaching(DUE, 7), approaching(DUE, 3), approaching(DUE, 1))
                    .expectScheduledDeadline(DUE, new DueMomentPassed(DUE));
        }

        @Test
        void when_the_due_moment_passes_the_request_goes_overdue_for_that_due_moment() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(anIssue().build())
                    .whenThenTimeAdvancesTo(DUE.plusSeconds(1))
                    .expectEvents(approaching(DUE, 7), approaching(DUE, 3), approaching(DUE, 1), overdue(DUE))
                    .expectTriggeredDeadlines(new ReminderDue(DUE, 7), new ReminderDue(DUE, 3),
                            new ReminderDue(DUE, 1), new DueMomentPassed(DUE))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void however_long_after_the_due_moment_the_request_goes_overdue_exactly_once() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(anIssue().build())
                    .whenTimeElapses(Duration.ofDays(60))
                    .expectEvents(approaching(DUE, 7), approaching(DUE, 3), approaching(DUE, 1), overdue(DUE));
        }

        @Test
        void after_an_extension_was_granted_the_old_due_moment_passes_without_anything_happening() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(anIssue().build(), extensionRequest(), grant(EXTENDED_DUE))
                    .whenThenTimeAdvancesTo(DUE.plus(Duration.ofDays(1)))
                    .expectNoEvents()
                    .expectTriggeredDeadlines();
        }

        @Test
        void after_an_extension_was_granted_the_request_goes_overdue_at_the_new_due_moment() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(anIssue().build(), extensionRequest(), grant(EXTENDED_DUE))
                    .whenThenTimeAdvancesTo(EXTENDED_DUE.plusSeconds(1))
                    .expectEvents(approaching(EXTENDED_DUE, 7), approaching(EXTENDED_DUE, 3),
                            approaching(EXTENDED_DUE, 1), overdue(EXTENDED_DUE));
        }

        @Test
        void after_more_evidence_was_asked_for_the_deadlines_follow_the_new_due_moment() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(anIssue().build(), submission("sub-1", ROPA),
                            new RequestMoreEvidence(REQUEST_ID, "The 2026 impact assessment", MORE_DUE,
                                    EvidenceFixtures.IRIS))
                    .whenThenTimeAdvancesTo(MORE_DUE.plusSeconds(1))
                    .expectEvents(approaching(MORE_DUE, 7), approaching(MORE_DUE, 3), approaching(MORE_DUE, 1),
                            overdue(MORE_DUE));
        }

        @Test
        void once_the_evidence_is_accepted_the_due_moment_passes_without_anything_happening() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(anIssue().build(), submission("sub-1", ROPA), acceptance())
                    .whenThenTimeAdvancesTo(DUE.plus(Duration.ofDays(1)))
                    .expectNoEvents()
                    .expectTriggeredDeadlines();
        }

        @Test
        void once_the_request_is_withdrawn_the_due_moment_passes_without_anything_happening() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(anIssue().build(),
                            new WithdrawEvidenceRequest(REQUEST_ID, "Referred", EvidenceFixtures.IRIS))
                    .whenThenTimeAdvancesTo(DUE.plus(Duration.ofDays(1)))
                    .expectNoEvents()
                    .expectTriggeredDeadlines();
        }
    }

    /**
     * A deadline that fires although it should no longer (one left over by the scheduler, or run again after a
     * restart) is checked against the request as its events left it.
     */
    @Nested
    class TheOverdueDeadline {

        @Test
        void the_deadline_of_the_current_due_moment_records_the_request_overdue() {
            fixture.given(history())
                    .whenInvoking(REQUEST_ID, request -> request.on(new DueMomentPassed(DUE), AT_NOW))
                    .expectEvents(overdue(DUE));
        }

        @Test
        void a_deadline_for_the_due_moment_before_an_extension_does_nothing() {
            fixture.given(history(extensionRequested(), extensionGranted(DUE, EXTENDED_DUE)))
                    .whenInvoking(REQUEST_ID, request -> request.on(new DueMomentPassed(DUE), AT_NOW))
                    .expectNoEvents();
        }

        @Test
        void a_deadline_for_the_due_moment_before_more_was_asked_for_does_nothing() {
            fixture.given(history(submitted("sub-1", ROPA), moreRequested(DUE, MORE_DUE)))
                    .whenInvoking(REQUEST_ID, request -> request.on(new DueMomentPassed(DUE), AT_NOW))
                    .expectNoEvents();
        }

        @Test
        void a_request_goes_overdue_only_once_for_the_same_due_moment() {
            fixture.given(lateHistory(overdue(PAST_DUE)))
                    .whenInvoking(REQUEST_ID, request -> request.on(new DueMomentPassed(PAST_DUE), AT_NOW))
                    .expectNoEvents();
        }

        @Test
        void a_request_goes_overdue_again_for_a_new_due_moment() {
            fixture.given(lateHistory(overdue(PAST_DUE), submitted("sub-1", ROPA), moreRequested(PAST_DUE, MORE_DUE)))
                    .whenInvoking(REQUEST_ID, request -> request.on(new DueMomentPassed(MORE_DUE), AT_NOW))
                    .expectEvents(overdue(MORE_DUE));
        }

        @Test
        void a_complete_request_does_not_go_overdue() {
            fixture.given(history(submitted("sub-1", ROPA), accepted()))
                    .whenInvoking(REQUEST_ID, request -> request.on(new DueMomentPassed(DUE), AT_NOW))
                    .expectNoEvents();
        }

        @Test
        void a_withdrawn_request_does_not_go_overdue() {
            fixture.given(history(withdrawn()))
                    .whenInvoking(REQUEST_ID, request -> request.on(new DueMomentPassed(DUE), AT_NOW))
                    .expectNoEvents();
        }

        @Test
        void a_request_with_evidence_submitted_but_not_accepted_goes_overdue() {
            fixture.given(history(submitted("sub-1", ROPA)))
                    .whenInvoking(REQUEST_ID, request -> request.on(new DueMomentPassed(DUE), AT_NOW))
                    .expectEvents(overdue(DUE));
        }
    }

    @Nested
    class TheReminders {

        @Test
        void a_reminder_of_the_current_due_moment_reminds_the_respondent() {
            fixture.given(history())
                    .whenInvoking(REQUEST_ID, request -> request.on(new ReminderDue(DUE, 3), AT_NOW))
                    .expectEvents(approaching(DUE, 3));
        }

        @Test
        void a_reminder_for_the_due_moment_before_an_extension_does_nothing() {
            fixture.given(history(extensionRequested(), extensionGranted(DUE, EXTENDED_DUE)))
                    .whenInvoking(REQUEST_ID, request -> request.on(new ReminderDue(DUE, 1), AT_NOW))
                    .expectNoEvents();
        }

        @Test
        void the_same_reminder_is_sent_only_once() {
            fixture.given(history(approaching(DUE, 3)))
                    .whenInvoking(REQUEST_ID, request -> request.on(new ReminderDue(DUE, 3), AT_NOW))
                    .expectNoEvents();
        }

        @Test
        void another_reminder_of_the_same_due_moment_is_still_sent() {
            fixture.given(history(approaching(DUE, 7), approaching(DUE, 3)))
                    .whenInvoking(REQUEST_ID, request -> request.on(new ReminderDue(DUE, 1), AT_NOW))
                    .expectEvents(approaching(DUE, 1));
        }

        @Test
        void a_reminder_that_fires_only_after_the_due_moment_does_nothing() {
            // e.g. run by the scheduler when the service is back after being down past the due moment
            fixture.given(lateHistory())
                    .whenInvoking(REQUEST_ID, request -> request.on(new ReminderDue(PAST_DUE, 1), AT_NOW))
                    .expectNoEvents();
        }

        @Test
        void a_complete_or_withdrawn_request_is_not_reminded() {
            fixture.given(history(submitted("sub-1", ROPA), accepted()))
                    .whenInvoking(REQUEST_ID, request -> request.on(new ReminderDue(DUE, 1), AT_NOW))
                    .expectNoEvents();
            EvidenceFixtures.fixture().given(history(withdrawn()))
                    .whenInvoking(REQUEST_ID, request -> request.on(new ReminderDue(DUE, 1), AT_NOW))
                    .expectNoEvents();
        }
    }

    /** The same guards as plain functions of the request's events. */
    @Nested
    class TheRulesAlone {

        @Test
        void overdue_is_decided_against_the_current_due_moment() {
            RequestState extended = stateOf(history(extensionRequested(), extensionGranted(DUE, EXTENDED_DUE)));

            assertThat(EvidenceRules.decide(extended, new DueMomentPassed(DUE), EXTENDED_DUE)).isEmpty();
            assertThat(EvidenceRules.decide(extended, new DueMomentPassed(EXTENDED_DUE), EXTENDED_DUE))
                    .containsExactly(overdue(EXTENDED_DUE));
        }

        @Test
        void overdue_is_recorded_once_per_due_moment() {
            assertThat(EvidenceRules.decide(stateOf(history(overdue(DUE))), new DueMomentPassed(DUE), DUE)).isEmpty();
            assertThat(EvidenceRules.decide(stateOf(history(overdue(DUE), moreRequested(DUE, MORE_DUE))),
                    new DueMomentPassed(MORE_DUE), MORE_DUE)).containsExactly(overdue(MORE_DUE));
        }

        @Test
        void a_reminder_is_decided_against_the_current_due_moment_and_the_time_now() {
            RequestState open = stateOf(history());

            assertThat(EvidenceRules.decide(open, new ReminderDue(DUE, 7), NOW)).containsExactly(approaching(DUE, 7));
            assertThat(EvidenceRules.decide(open, new ReminderDue(DUE, 7), DUE)).isEmpty();
            assertThat(EvidenceRules.decide(open, new ReminderDue(EXTENDED_DUE, 7), NOW)).isEmpty();
        }
    }
}
