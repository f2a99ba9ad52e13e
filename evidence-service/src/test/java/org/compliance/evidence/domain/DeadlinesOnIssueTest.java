package org.compliance.evidence.domain;

import static org.compliance.evidence.domain.EvidenceFixtures.DUE;
import static org.compliance.evidence.domain.EvidenceFixtures.NOW;
import static org.compliance.evidence.domain.EvidenceFixtures.UNKNOWN_CASE_ID;
import static org.compliance.evidence.domain.EvidenceFixtures.anIssue;
import static org.compliance.evidence.domain.EvidenceFixtures.deadlineFor;
import static org.compliance.evidence.domain.EvidenceFixtures.reminderAt;
import static org.compliance.evidence.domain.EvidenceFixtures.reminderDaysBefore;
import static org.compliance.evidence.domain.EvidenceFixtures.requestIssued;
import static org.compliance.testing.RuleViolations.unprocessable;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.compliance.api.evidence.DayCount;
import org.compliance.api.evidence.Period;
import org.compliance.evidence.domain.Deadlines.DueMomentPassed;
import org.compliance.evidence.domain.Deadlines.ReminderDue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issuing a request schedules, in the same unit of work, a reminder 7, 3 and 1 day(s) before the due moment and
 * the overdue deadline at the due moment itself; each deadline carries the due moment it was scheduled for.
 */
class DeadlinesOnIssueTest {

    private AggregateTestFixture<EvidenceRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = EvidenceFixtures.fixture();
    }

    @Test
    void a_standard_request_is_reminded_7_3_and_1_day_before_it_is_due() {
        fixture.givenCurrentTime(NOW)
                .when(anIssue().build())
                .expectEvents(requestIssued())
                .expectScheduledDeadline(Instant.parse("2026-11-09T23:59:59Z"), new ReminderDue(DUE, 7))
                .expectScheduledDeadline(Instant.parse("2026-11-13T23:59:59Z"), new ReminderDue(DUE, 3))
                .expectScheduledDeadline(Instant.parse("2026-11-15T23:59:59Z"), new ReminderDue(DUE, 1));
    }

    @Test
    void the_overdue_deadline_is_the_due_moment_itself() {
        fixture.givenCurrentTime(NOW)
                .when(anIssue().build())
                .expectScheduledDeadline(DUE, new DueMomentPassed(DUE))
                .expectScheduledDeadlineWithName(DUE, Deadlines.OVERDUE);
    }

    @Test
    void reminders_and_the_overdue_deadline_have_their_own_names() {
        fixture.givenCurrentTime(NOW)
                .when(anIssue().build())
                .expectScheduledDeadlineWithName(reminderAt(DUE, 7), Deadlines.REMINDER)
                .expectScheduledDeadlineWithName(reminderAt(DUE, 3), Deadlines.REMINDER)
                .expectScheduledDeadlineWithName(reminderAt(DUE, 1), Deadlines.REMINDER)
                .expectNoScheduledDeadlineWithName(DUE, Deadlines.REMINDER)
                .expectNoScheduledDeadlineWithName(reminderAt(DUE, 1), Deadlines.OVERDUE);
    }

    @Test
    void every_deadline_scheduled_carries_the_due_moment_of_the_request() {
        fixture.givenCurrentTime(NOW)
                .when(anIssue().build())
                .expectScheduledDeadlineMatching(reminderAt(DUE, 7), deadlineFor(DUE))
                .expectNoScheduledDeadlineMatching(not(deadlineFor(DUE)));
    }

    @Test
    void reminders_already_past_when_a_short_request_is_issued_are_not_scheduled() {
        // due in 2 days: Wednesday 4 November 23:59:59 GMT; 7 and 3 days before are already past
        Instant due = Instant.parse("2026-11-04T23:59:59Z");
        fixture.givenCurrentTime(NOW)
                .when(anIssue().dueInDays(2).build())
                .expectEvents(requestIssued(NOW, due, new Period(2, DayCount.CALENDAR, null)))
                .expectScheduledDeadline(Instant.parse("2026-11-03T23:59:59Z"), new ReminderDue(due, 1))
                .expectScheduledDeadline(due, new DueMomentPassed(due))
                .expectNoScheduledDeadlineMatching(reminderDaysBefore(7))
                .expectNoScheduledDeadlineMatching(reminderDaysBefore(3));
    }

    @Test
    void a_request_due_in_one_day_is_reminded_at_the_end_of_the_day_of_issue() {
        Instant due = Instant.parse("2026-11-03T23:59:59Z");
        fixture.givenCurrentTime(NOW)
                .when(anIssue().dueInDays(1).build())
                .expectScheduledDeadline(Instant.parse("2026-11-02T23:59:59Z"), new ReminderDue(due, 1))
                .expectScheduledDeadline(due, new DueMomentPassed(due))
                .expectNoScheduledDeadlineMatching(reminderDaysBefore(7))
                .expectNoScheduledDeadlineMatching(reminderDaysBefore(3));
    }

    @Test
    void a_reminder_that_would_fire_at_the_very_moment_of_issue_is_not_scheduled() {
        // due exactly 3 days from now: the 3-day reminder would be now, so only the 1-day reminder is ahead
        Instant due = NOW.plus(Duration.ofDays(3));
        fixture.givenCurrentTime(NOW)
                .when(anIssue().dueAt(due).build())
                .expectNoScheduledDeadlineMatching(reminderDaysBefore(3))
                .expectNoScheduledDeadlineMatching(reminderDaysBefore(7))
                .expectScheduledDeadline(NOW.plus(Duration.ofDays(2)), new ReminderDue(due, 1))
                .expectScheduledDeadline(due, new DueMomentPassed(due));
    }

    @Test
    void a_request_due_within_the_day_gets_only_its_overdue_deadline() {
        Instant due = NOW.plus(Duration.ofHours(6));
        fixture.givenCurrentTime(NOW)
                .when(anIssue().dueAt(due).build())
                .expectScheduledDeadline(due, new DueMomentPassed(due))
                .expectNoScheduledDeadlineWithName(NOW, NOW.plus(Duration.ofDays(400)), Deadlines.REMINDER);
    }

    @Test
    void an_explicit_due_moment_gets_the_same_reminders_as_a_number_of_days() {
        Instant due = Instant.parse("2026-11-20T17:00:00Z");
        fixture.givenCurrentTime(NOW)
                .when(anIssue().dueAt(due).build())
                .expectScheduledDeadline(Instant.parse("2026-11-13T17:00:00Z"), new ReminderDue(due, 7))
                .expectScheduledDeadline(Instant.parse("2026-11-17T17:00:00Z"), new ReminderDue(due, 3))
                .expectScheduledDeadline(Instant.parse("2026-11-19T17:00:00Z"), new ReminderDue(due, 1))
                .expectScheduledDeadline(due, new DueMomentPassed(due));
    }

    @Test
    void reminders_are_whole_24_hour_days_before_the_due_moment_even_across_the_end_of_bst() {
        // issued Wednesday 14 October 2026 (BST): due Wednesday 28 October 23:59:59 GMT. Seven 24-hour days
        // earlier is 21 October 23:59:59 UTC, which in London (still BST then) is 00:59:59 on 22 October.
        Instant issuedAt = Instant.parse("2026-10-14T10:00:00Z");
        Instant due = Instant.parse("2026-10-28T23:59:59Z");
        EvidenceFixtures.fixtureAt(issuedAt)
                .givenCurrentTime(issuedAt)
                .when(anIssue().build())
                .expectEvents(requestIssued(issuedAt, due))
                .expectScheduledDeadline(Instant.parse("2026-10-21T23:59:59Z"), new ReminderDue(due, 7))
                .expectScheduledDeadline(Instant.parse("2026-10-25T23:59:59Z"), new ReminderDue(due, 3))
                .expectScheduledDeadline(Instant.parse("2026-10-27T23:59:59Z"), new ReminderDue(due, 1));
    }

    @Test
    void a_refused_request_schedules_nothing() {
        fixture.givenCurrentTime(NOW)
                .when(anIssue().caseId(UNKNOWN_CASE_ID).build())
                .expectException(unprocessable())
                .expectNoScheduledDeadlines();
    }
}
