package org.compliance.evidence.domain;

import static org.compliance.evidence.domain.EvidenceFixtures.CASE_ID;
import static org.compliance.evidence.domain.EvidenceFixtures.DESCRIPTION;
import static org.compliance.evidence.domain.EvidenceFixtures.DPIA;
import static org.compliance.evidence.domain.EvidenceFixtures.DUE;
import static org.compliance.evidence.domain.EvidenceFixtures.EXTENDED_DUE;
import static org.compliance.evidence.domain.EvidenceFixtures.IRIS;
import static org.compliance.evidence.domain.EvidenceFixtures.MORE_DUE;
import static org.compliance.evidence.domain.EvidenceFixtures.NORA;
import static org.compliance.evidence.domain.EvidenceFixtures.NOW;
import static org.compliance.evidence.domain.EvidenceFixtures.PAST_DUE;
import static org.compliance.evidence.domain.EvidenceFixtures.REQUEST_ID;
import static org.compliance.evidence.domain.EvidenceFixtures.ROPA;
import static org.compliance.evidence.domain.EvidenceFixtures.STATEMENT;
import static org.compliance.evidence.domain.EvidenceFixtures.acceptance;
import static org.compliance.evidence.domain.EvidenceFixtures.accepted;
import static org.compliance.evidence.domain.EvidenceFixtures.anIssue;
import static org.compliance.evidence.domain.EvidenceFixtures.deadlineFor;
import static org.compliance.evidence.domain.EvidenceFixtures.extensionGranted;
import static org.compliance.evidence.domain.EvidenceFixtures.extensionRequest;
import static org.compliance.evidence.domain.EvidenceFixtures.extensionRequested;
import static org.compliance.evidence.domain.EvidenceFixtures.grant;
import static org.compliance.evidence.domain.EvidenceFixtures.history;
import static org.compliance.evidence.domain.EvidenceFixtures.lateHistory;
import static org.compliance.evidence.domain.EvidenceFixtures.moreRequested;
import static org.compliance.evidence.domain.EvidenceFixtures.overdue;
import static org.compliance.evidence.domain.EvidenceFixtures.submission;
import static org.compliance.evidence.domain.EvidenceFixtures.submitted;
import static org.compliance.evidence.domain.EvidenceFixtures.withdrawn;
import static org.compliance.testing.RuleViolations.conflict;
import static org.compliance.testing.RuleViolations.unprocessable;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.compliance.api.evidence.AcceptEvidence;
import org.compliance.api.evidence.EvidenceAccepted;
import org.compliance.api.evidence.EvidenceSubmitted;
import org.compliance.api.evidence.MoreEvidenceRequested;
import org.compliance.api.evidence.RequestMoreEvidence;
import org.compliance.evidence.domain.Deadlines.DueMomentPassed;
import org.compliance.evidence.domain.Deadlines.ReminderDue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Staff review what was submitted: accept it (the request is complete and its deadlines are cancelled), or ask
 * for more by a new due moment (the deadlines move to it, and the respondent may submit again).
 */
class ReviewTest {

    private static final String STILL_MISSING = "The impact assessment for the 2026 model";

    private AggregateTestFixture<EvidenceRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = EvidenceFixtures.fixture();
    }

    private RequestMoreEvidence askForMore(Instant newDueAt) {
        return new RequestMoreEvidence(REQUEST_ID, STILL_MISSING, newDueAt, IRIS);
    }

    @Nested
    class Accepting {

        @Test
        void submitted_evidence_is_accepted() {
            fixture.given(history(submitted("sub-1", ROPA)))
                    .when(acceptance())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new EvidenceAccepted(REQUEST_ID, CASE_ID, IRIS, NOW));
        }

        @Test
        void accepting_cancels_every_deadline_of_the_request() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(anIssue().build(), submission("sub-1", ROPA))
                    .when(acceptance())
                    .expectEvents(new EvidenceAccepted(REQUEST_ID, CASE_ID, IRIS, NOW))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void nothing_is_accepted_before_anything_is_submitted() {
            fixture.given(history())
                    .when(acceptance())
                    .expectException(conflict())
                    .expectExceptionMessage("Nothing has been submitted to accept")
                    .expectNoEvents();
        }

        @Test
        void a_refused_acceptance_leaves_the_deadlines_standing() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(anIssue().build())
                    .when(acceptance())
                    .expectException(conflict())
                    .expectScheduledDeadline(DUE, new DueMomentPassed(DUE));
        }

        @Test
        void late_evidence_is_accepted_too() {
            fixture.given(lateHistory(overdue(PAST_DUE), new EvidenceSubmitted(REQUEST_ID, CASE_ID, "sub-1",
                            List.of(ROPA), DESCRIPTION, STATEMENT, NORA, NOW, true)))
                    .when(acceptance())
                    .expectEvents(new EvidenceAccepted(REQUEST_ID, CASE_ID, IRIS, NOW));
        }

        @Test
        void evidence_is_accepted_only_once() {
            fixture.given(history(submitted("sub-1", ROPA), accepted()))
                    .when(acceptance())
                    .expectException(conflict())
                    .expectExceptionMessage("Cannot accept evidence of a request that is COMPLETE")
                    .expectNoEvents();
        }

        @Test
        void evidence_of_a_withdrawn_request_is_not_accepted() {
            fixture.given(history(submitted("sub-1", ROPA), withdrawn()))
                    .when(acceptance())
                    .expectException(conflict())
                    .expectExceptionMessage("Cannot accept evidence of a request that is WITHDRAWN")
                    .expectNoEvents();
        }

        @Test
        void an_acceptance_names_the_member_of_staff() {
            fixture.given(history(submitted("sub-1", ROPA)))
                    .when(new AcceptEvidence(REQUEST_ID, null))
                    .expectException(unprocessable())
                    .expectExceptionMessage("A member of staff is named by user id and name")
                    .expectNoEvents();
        }
    }

    @Nested
    class AskingForMore {

        @Test
        void more_evidence_may_be_asked_for_by_a_new_due_moment() {
            fixture.given(history(submitted("sub-1", ROPA)))
                    .when(new RequestMoreEvidence(REQUEST_ID, "  " + STILL_MISSING + "\n", MORE_DUE, IRIS))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new MoreEvidenceRequested(REQUEST_ID, CASE_ID, STILL_MISSING, DUE, MORE_DUE, IRIS));
        }

        @Test
        void asking_for_more_reschedules_the_deadlines_for_the_new_due_moment() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(anIssue().build(), submission("sub-1", ROPA))
                    .when(askForMore(MORE_DUE))
                    .expectScheduledDeadline(MORE_DUE.minus(Duration.ofDays(7)), new ReminderDue(MORE_DUE, 7))
                    .expectScheduledDeadline(MORE_DUE.minus(Duration.ofDays(3)), new ReminderDue(MORE_DUE, 3))
                    .expectScheduledDeadline(MORE_DUE.minus(Duration.ofDays(1)), new ReminderDue(MORE_DUE, 1))
                    .expectScheduledDeadline(MORE_DUE, new DueMomentPassed(MORE_DUE))
                    .expectNoScheduledDeadlineMatching(deadlineFor(DUE))
                    .expectNoScheduledDeadlineMatching(not(deadlineFor(MORE_DUE)));
        }

        @Test
        void the_new_due_moment_may_be_earlier_than_the_current_one_as_long_as_it_is_ahead() {
            Instant sooner = NOW.plus(Duration.ofDays(2));
            fixture.given(history(submitted("sub-1", ROPA)))
                    .when(askForMore(sooner))
                    .expectEvents(new MoreEvidenceRequested(REQUEST_ID, CASE_ID, STILL_MISSING, DUE, sooner, IRIS));
        }

        @Test
        void the_new_due_moment_must_be_in_the_future() {
            fixture.given(history(submitted("sub-1", ROPA)))
                    .when(askForMore(NOW.minus(Duration.ofHours(1))))
                    .expectException(unprocessable())
                    .expectExceptionMessage("The new due moment must be in the future")
                    .expectNoEvents();
            EvidenceFixtures.fixture().given(history(submitted("sub-1", ROPA)))
                    .when(askForMore(NOW))
                    .expectException(unprocessable())
                    .expectExceptionMessage("The new due moment must be in the future")
                    .expectNoEvents();
            EvidenceFixtures.fixture().given(history(submitted("sub-1", ROPA)))
                    .when(askForMore(null))
                    .expectException(unprocessable())
                    .expectNoEvents();
        }

        @Test
        void asking_for_more_says_what_is_still_missing() {
            fixture.given(history(submitted("sub-1", ROPA)))
                    .when(new RequestMoreEvidence(REQUEST_ID, " ", MORE_DUE, IRIS))
                    .expectException(unprocessable())
                    .expectExceptionMessage("Say what is still missing")
                    .expectNoEvents();
        }

        @Test
        void a_refused_request_for_more_leaves_the_deadlines_standing() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(anIssue().build(), submission("sub-1", ROPA))
                    .when(new RequestMoreEvidence(REQUEST_ID, "", MORE_DUE, IRIS))
                    .expectException(unprocessable())
                    .expectScheduledDeadline(DUE, new DueMomentPassed(DUE))
                    .expectNoScheduledDeadlineMatching(not(deadlineFor(DUE)));
        }

        @Test
        void after_asking_for_more_the_respondent_may_submit_again() {
            fixture.given(history(submitted("sub-1", ROPA), moreRequested(DUE, MORE_DUE)))
                    .when(submission("sub-2", DPIA))
                    .expectEvents(new EvidenceSubmitted(REQUEST_ID, CASE_ID, "sub-2", List.of(DPIA), DESCRIPTION,
                            STATEMENT, NORA, NOW, false));
        }

        @Test
        void after_asking_for_more_of_an_overdue_request_a_submission_by_the_new_due_moment_is_not_late() {
            fixture.given(lateHistory(overdue(PAST_DUE), submitted("sub-1", ROPA), moreRequested(PAST_DUE, MORE_DUE)))
                    .when(submission("sub-2", DPIA))
                    .expectEvents(new EvidenceSubmitted(REQUEST_ID, CASE_ID, "sub-2", List.of(DPIA), DESCRIPTION,
                            STATEMENT, NORA, NOW, false));
        }

        @Test
        void more_may_be_asked_for_after_an_extension_and_the_previous_due_moment_is_the_extended_one() {
            fixture.given(history(extensionRequested(), extensionGranted(DUE, EXTENDED_DUE), submitted("sub-1", ROPA)))
                    .when(askForMore(MORE_DUE))
                    .expectEvents(new MoreEvidenceRequested(REQUEST_ID, CASE_ID, STILL_MISSING, EXTENDED_DUE,
                            MORE_DUE, IRIS));
        }

        @Test
        void more_cannot_be_asked_for_once_the_evidence_is_accepted() {
            fixture.given(history(submitted("sub-1", ROPA), accepted()))
                    .when(askForMore(MORE_DUE))
                    .expectException(conflict())
                    .expectExceptionMessage("Cannot ask for more evidence on a request that is COMPLETE")
                    .expectNoEvents();
        }

        @Test
        void more_cannot_be_asked_for_on_a_withdrawn_request() {
            fixture.given(history(withdrawn()))
                    .when(askForMore(MORE_DUE))
                    .expectException(conflict())
                    .expectExceptionMessage("Cannot ask for more evidence on a request that is WITHDRAWN")
                    .expectNoEvents();
        }

        @Test
        void the_grant_of_an_extension_after_more_was_asked_for_starts_from_the_new_due_moment() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(anIssue().build(), submission("sub-1", ROPA), askForMore(MORE_DUE),
                            extensionRequest())
                    .when(grant(EXTENDED_DUE))
                    .expectEvents(extensionGranted(MORE_DUE, EXTENDED_DUE))
                    .expectNoScheduledDeadlineMatching(not(deadlineFor(EXTENDED_DUE)));
        }
    }
}
