package org.compliance.evidence.domain;

import static org.compliance.evidence.domain.EvidenceFixtures.CASE_ID;
import static org.compliance.evidence.domain.EvidenceFixtures.DUE;
import static org.compliance.evidence.domain.EvidenceFixtures.EXTENDED_DUE;
import static org.compliance.evidence.domain.EvidenceFixtures.EXTENSION_REASON;
import static org.compliance.evidence.domain.EvidenceFixtures.NORA;
import static org.compliance.evidence.domain.EvidenceFixtures.NOW;
import static org.compliance.evidence.domain.EvidenceFixtures.OTTO;
import static org.compliance.evidence.domain.EvidenceFixtures.PAST_DUE;
import static org.compliance.evidence.domain.EvidenceFixtures.REQUEST_ID;
import static org.compliance.evidence.domain.EvidenceFixtures.ROPA;
import static org.compliance.evidence.domain.EvidenceFixtures.SAMUEL;
import static org.compliance.evidence.domain.EvidenceFixtures.accepted;
import static org.compliance.evidence.domain.EvidenceFixtures.anIssue;
import static org.compliance.evidence.domain.EvidenceFixtures.deadlineFor;
import static org.compliance.evidence.domain.EvidenceFixtures.extensionGranted;
import static org.compliance.evidence.domain.EvidenceFixtures.extensionRefused;
import static org.compliance.evidence.domain.EvidenceFixtures.extensionRequest;
import static org.compliance.evidence.domain.EvidenceFixtures.extensionRequested;
import static org.compliance.evidence.domain.EvidenceFixtures.grant;
import static org.compliance.evidence.domain.EvidenceFixtures.history;
import static org.compliance.evidence.domain.EvidenceFixtures.lateHistory;
import static org.compliance.evidence.domain.EvidenceFixtures.reminderAt;
import static org.compliance.evidence.domain.EvidenceFixtures.reminderDaysBefore;
import static org.compliance.evidence.domain.EvidenceFixtures.submitted;
import static org.compliance.evidence.domain.EvidenceFixtures.withdrawn;
import static org.compliance.testing.RuleViolations.conflict;
import static org.compliance.testing.RuleViolations.unprocessable;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.compliance.api.evidence.ExtensionRefused;
import org.compliance.api.evidence.ExtensionRequested;
import org.compliance.api.evidence.GrantExtension;
import org.compliance.api.evidence.RefuseExtension;
import org.compliance.api.evidence.RequestExtension;
import org.compliance.api.shared.StaffMember;
import org.compliance.evidence.domain.Deadlines.DueMomentPassed;
import org.compliance.evidence.domain.Deadlines.ReminderDue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The respondent may ask for more time before the due moment, one extension at a time; a supervisor grants it
 * with a later due moment (the deadlines move with it) or refuses it with a reason (the due moment stands).
 */
class ExtensionTest {

    private static final String REFUSAL = "The parent company's records are not needed";

    private AggregateTestFixture<EvidenceRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = EvidenceFixtures.fixture();
    }

    @Nested
    class Asking {

        @Test
        void the_respondent_may_ask_for_an_extension_before_the_due_moment() {
            fixture.given(history())
                    .when(extensionRequest())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ExtensionRequested(REQUEST_ID, CASE_ID, EXTENSION_REASON, NORA, NOW));
        }

        @Test
        void the_reason_is_recorded_without_surrounding_blanks() {
            fixture.given(history())
                    .when(new RequestExtension(REQUEST_ID, "\t" + EXTENSION_REASON + "  ", NORA))
                    .expectEvents(new ExtensionRequested(REQUEST_ID, CASE_ID, EXTENSION_REASON, NORA, NOW));
        }

        @Test
        void an_extension_may_be_asked_for_up_to_the_last_second_before_the_due_moment() {
            Instant lastSecond = DUE.minusSeconds(1);
            EvidenceFixtures.fixtureAt(lastSecond).given(history())
                    .when(extensionRequest())
                    .expectEvents(new ExtensionRequested(REQUEST_ID, CASE_ID, EXTENSION_REASON, NORA, lastSecond));
        }

        @Test
        void an_extension_cannot_be_asked_for_at_the_due_moment() {
            EvidenceFixtures.fixtureAt(DUE).given(history())
                    .when(extensionRequest())
                    .expectException(conflict())
                    .expectExceptionMessage("An extension must be asked for before the deadline (" + DUE + ")")
                    .expectNoEvents();
        }

        @Test
        void an_extension_cannot_be_asked_for_after_the_due_moment() {
            fixture.given(lateHistory())
                    .when(extensionRequest())
                    .expectException(conflict())
                    .expectExceptionMessage("An extension must be asked for before the deadline (" + PAST_DUE + ")")
                    .expectNoEvents();
        }

        @Test
        void only_one_extension_is_pending_at_a_time() {
            fixture.given(history(extensionRequested()))
                    .when(extensionRequest())
                    .expectException(conflict())
                    .expectExceptionMessage("An extension is already pending a decision")
                    .expectNoEvents();
        }

        @Test
        void an_extension_request_gives_its_reason() {
            fixture.given(history())
                    .when(new RequestExtension(REQUEST_ID, "  ", NORA))
                    .expectException(unprocessable())
                    .expectExceptionMessage("An extension request gives its reason")
                    .expectNoEvents();
            EvidenceFixtures.fixture().given(history())
                    .when(new RequestExtension(REQUEST_ID, null, NORA))
                    .expectException(unprocessable())
                    .expectNoEvents();
        }

        @Test
        void only_the_respondent_asks_for_an_extension() {
            fixture.given(history())
                    .when(new RequestExtension(REQUEST_ID, EXTENSION_REASON, OTTO))
                    .expectException(conflict())
                    .expectExceptionMessage("Only northwind-cloud answers this request")
                    .expectNoEvents();
        }

        @Test
        void no_extension_of_a_withdrawn_or_complete_request() {
            fixture.given(history(withdrawn()))
                    .when(extensionRequest())
                    .expectException(conflict())
                    .expectExceptionMessage("Cannot ask for an extension of a request that is WITHDRAWN")
                    .expectNoEvents();
            EvidenceFixtures.fixture().given(history(submitted("sub-1", ROPA), accepted()))
                    .when(extensionRequest())
                    .expectException(conflict())
                    .expectExceptionMessage("Cannot ask for an extension of a request that is COMPLETE")
                    .expectNoEvents();
        }

        @Test
        void after_a_refusal_a_new_extension_may_be_asked_for() {
            fixture.given(history(extensionRequested(), extensionRefused()))
                    .when(extensionRequest())
                    .expectEvents(new ExtensionRequested(REQUEST_ID, CASE_ID, EXTENSION_REASON, NORA, NOW));
        }

        @Test
        void after_a_grant_a_further_extension_may_be_asked_for_before_the_new_due_moment() {
            // a day after the original due moment, but before the extended one
            Instant dayAfterOriginalDue = DUE.plus(Duration.ofDays(1));
            EvidenceFixtures.fixtureAt(dayAfterOriginalDue)
                    .given(history(extensionRequested(), extensionGranted(DUE, EXTENDED_DUE)))
                    .when(extensionRequest())
                    .expectEvents(new ExtensionRequested(REQUEST_ID, CASE_ID, EXTENSION_REASON, NORA,
                            dayAfterOriginalDue));
        }
    }

    @Nested
    class Granting {

        @Test
        void a_granted_extension_moves_the_due_moment_later() {
            fixture.given(history(extensionRequested()))
                    .when(grant(EXTENDED_DUE))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(extensionGranted(DUE, EXTENDED_DUE));
        }

        @Test
        void a_granted_extension_reschedules_the_reminders_and_the_overdue_deadline_for_the_new_due_moment() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(anIssue().build(), extensionRequest())
                    .when(grant(EXTENDED_DUE))
                    .expectEvents(extensionGranted(DUE, EXTENDED_DUE))
                    .expectScheduledDeadline(Instant.parse("2026-11-23T23:59:59Z"), new ReminderDue(EXTENDED_DUE, 7))
                    .expectScheduledDeadline(Instant.parse("2026-11-27T23:59:59Z"), new ReminderDue(EXTENDED_DUE, 3))
                    .expectScheduledDeadline(Instant.parse("2026-11-29T23:59:59Z"), new ReminderDue(EXTENDED_DUE, 1))
                    .expectScheduledDeadline(EXTENDED_DUE, new DueMomentPassed(EXTENDED_DUE));
        }

        @Test
        void a_granted_extension_cancels_every_deadline_of_the_old_due_moment() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(anIssue().build(), extensionRequest())
                    .when(grant(EXTENDED_DUE))
                    .expectNoScheduledDeadline(DUE, new DueMomentPassed(DUE))
                    .expectNoScheduledDeadline(reminderAt(DUE, 7), new ReminderDue(DUE, 7))
                    .expectNoScheduledDeadlineMatching(deadlineFor(DUE))
                    .expectNoScheduledDeadlineMatching(not(deadlineFor(EXTENDED_DUE)));
        }

        @Test
        void reminders_already_past_when_the_extension_is_granted_are_not_scheduled() {
            // issued and extended on Thursday 26 November 2026; the 7-day reminder of 30 November is past
            Instant thursday = Instant.parse("2026-11-26T12:00:00Z");
            EvidenceFixtures.fixtureAt(thursday)
                    .givenCurrentTime(thursday)
                    .andGivenCommands(anIssue().dueAt(Instant.parse("2026-11-27T12:00:00Z")).build(),
                            extensionRequest())
                    .when(grant(EXTENDED_DUE))
                    .expectNoScheduledDeadlineMatching(reminderDaysBefore(7))
                    .expectScheduledDeadline(reminderAt(EXTENDED_DUE, 3), new ReminderDue(EXTENDED_DUE, 3))
                    .expectScheduledDeadline(reminderAt(EXTENDED_DUE, 1), new ReminderDue(EXTENDED_DUE, 1))
                    .expectScheduledDeadline(EXTENDED_DUE, new DueMomentPassed(EXTENDED_DUE))
                    .expectNoScheduledDeadlineMatching(not(deadlineFor(EXTENDED_DUE)));
        }

        @Test
        void an_extension_may_be_granted_after_the_old_due_moment_has_passed() {
            // asked in time, decided late: the decision is not bound by the old due moment
            EvidenceFixtures.fixtureAt(DUE.plus(Duration.ofHours(10)))
                    .given(history(extensionRequested()))
                    .when(grant(EXTENDED_DUE))
                    .expectEvents(extensionGranted(DUE, EXTENDED_DUE));
        }

        @Test
        void a_late_decision_cannot_grant_a_due_moment_that_has_already_passed() {
            Instant decidedAt = DUE.plus(Duration.ofDays(3));
            EvidenceFixtures.fixtureAt(decidedAt)
                    .given(history(extensionRequested()))
                    .when(grant(DUE.plus(Duration.ofDays(2))))
                    .expectException(unprocessable())
                    .expectExceptionMessage("The new due moment must be in the future")
                    .expectNoEvents();
        }

        @Test
        void the_new_due_moment_must_be_later_than_the_current_one() {
            String message = "The new due moment must be later than the current one (" + DUE + ")";
            fixture.given(history(extensionRequested()))
                    .when(grant(DUE.minus(Duration.ofDays(1))))
                    .expectException(unprocessable())
                    .expectExceptionMessage(message)
                    .expectNoEvents();
        }

        @Test
        void the_same_due_moment_is_no_extension() {
            fixture.given(history(extensionRequested()))
                    .when(grant(DUE))
                    .expectException(unprocessable())
                    .expectExceptionMessage("The new due moment must be later than the current one (" + DUE + ")")
                    .expectNoEvents();
        }

        @Test
        void a_grant_names_the_new_due_moment() {
            fixture.given(history(extensionRequested()))
                    .when(grant(null))
                    .expectException(unprocessable())
                    .expectNoEvents();
        }

        @Test
        void a_refused_grant_leaves_the_deadlines_as_they_were() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(anIssue().build(), extensionRequest())
                    .when(grant(DUE))
                    .expectException(unprocessable())
                    .expectScheduledDeadline(DUE, new DueMomentPassed(DUE))
                    .expectScheduledDeadline(reminderAt(DUE, 7), new ReminderDue(DUE, 7))
                    .expectNoScheduledDeadlineMatching(not(deadlineFor(DUE)));
        }

        @Test
        void nothing_can_be_granted_when_no_extension_is_pending() {
            fixture.given(history())
                    .when(grant(EXTENDED_DUE))
                    .expectException(conflict())
                    .expectExceptionMessage("No extension is pending")
                    .expectNoEvents();
        }

        @Test
        void a_granted_extension_is_no_longer_pending() {
            fixture.given(history(extensionRequested(), extensionGranted(DUE, EXTENDED_DUE)))
                    .when(grant(EXTENDED_DUE.plus(Duration.ofDays(7))))
                    .expectException(conflict())
                    .expectExceptionMessage("No extension is pending")
                    .expectNoEvents();
        }

        @Test
        void a_grant_names_the_member_of_staff() {
            fixture.given(history(extensionRequested()))
                    .when(new GrantExtension(REQUEST_ID, EXTENDED_DUE, new StaffMember("u-samuel", "")))
                    .expectException(unprocessable())
                    .expectExceptionMessage("A member of staff is named by user id and name")
                    .expectNoEvents();
        }

        @Test
        void no_extension_is_granted_on_a_withdrawn_request() {
            fixture.given(history(extensionRequested(), withdrawn()))
                    .when(grant(EXTENDED_DUE))
                    .expectException(conflict())
                    .expectExceptionMessage("Cannot grant an extension of a request that is WITHDRAWN")
                    .expectNoEvents();
        }
    }

    @Nested
    class Refusing {

        @Test
        void a_pending_extension_may_be_refused_with_a_reason() {
            fixture.given(history(extensionRequested()))
                    .when(new RefuseExtension(REQUEST_ID, "  " + REFUSAL + " ", SAMUEL))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ExtensionRefused(REQUEST_ID, CASE_ID, REFUSAL, SAMUEL));
        }

        @Test
        void a_refusal_leaves_the_due_moment_and_its_deadlines_standing() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(anIssue().build(), extensionRequest())
                    .when(new RefuseExtension(REQUEST_ID, REFUSAL, SAMUEL))
                    .expectEvents(new ExtensionRefused(REQUEST_ID, CASE_ID, REFUSAL, SAMUEL))
                    .expectScheduledDeadline(DUE, new DueMomentPassed(DUE))
                    .expectScheduledDeadline(reminderAt(DUE, 1), new ReminderDue(DUE, 1))
                    .expectNoScheduledDeadlineMatching(not(deadlineFor(DUE)));
        }

        @Test
        void refusing_an_extension_gives_the_reason() {
            fixture.given(history(extensionRequested()))
                    .when(new RefuseExtension(REQUEST_ID, " ", SAMUEL))
                    .expectException(unprocessable())
                    .expectExceptionMessage("Refusing an extension gives the reason")
                    .expectNoEvents();
        }

        @Test
        void nothing_can_be_refused_when_no_extension_is_pending() {
            fixture.given(history())
                    .when(new RefuseExtension(REQUEST_ID, REFUSAL, SAMUEL))
                    .expectException(conflict())
                    .expectExceptionMessage("No extension is pending")
                    .expectNoEvents();
        }

        @Test
        void a_refused_extension_is_no_longer_pending() {
            fixture.given(history(extensionRequested(), extensionRefused()))
                    .when(new RefuseExtension(REQUEST_ID, REFUSAL, SAMUEL))
                    .expectException(conflict())
                    .expectExceptionMessage("No extension is pending")
                    .expectNoEvents();
        }

        @Test
        void a_refusal_names_the_member_of_staff() {
            fixture.given(history(extensionRequested()))
                    .when(new RefuseExtension(REQUEST_ID, REFUSAL, null))
                    .expectException(unprocessable())
                    .expectExceptionMessage("A member of staff is named by user id and name")
                    .expectNoEvents();
        }
    }
}
