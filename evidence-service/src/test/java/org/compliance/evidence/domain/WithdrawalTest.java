package org.compliance.evidence.domain;

import static org.compliance.evidence.domain.EvidenceFixtures.CASE_ID;
import static org.compliance.evidence.domain.EvidenceFixtures.DUE;
import static org.compliance.evidence.domain.EvidenceFixtures.IRIS;
import static org.compliance.evidence.domain.EvidenceFixtures.NOW;
import static org.compliance.evidence.domain.EvidenceFixtures.PAST_DUE;
import static org.compliance.evidence.domain.EvidenceFixtures.REQUEST_ID;
import static org.compliance.evidence.domain.EvidenceFixtures.ROPA;
import static org.compliance.evidence.domain.EvidenceFixtures.accepted;
import static org.compliance.evidence.domain.EvidenceFixtures.anIssue;
import static org.compliance.evidence.domain.EvidenceFixtures.deadlineFor;
import static org.compliance.evidence.domain.EvidenceFixtures.extensionRequested;
import static org.compliance.evidence.domain.EvidenceFixtures.history;
import static org.compliance.evidence.domain.EvidenceFixtures.lateHistory;
import static org.compliance.evidence.domain.EvidenceFixtures.overdue;
import static org.compliance.evidence.domain.EvidenceFixtures.submitted;
import static org.compliance.evidence.domain.EvidenceFixtures.withdrawn;
import static org.compliance.testing.RuleViolations.conflict;
import static org.compliance.testing.RuleViolations.unprocessable;
import static org.hamcrest.Matchers.not;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.compliance.api.evidence.EvidenceRequestWithdrawn;
import org.compliance.api.evidence.WithdrawEvidenceRequest;
import org.compliance.api.shared.StaffMember;
import org.compliance.evidence.domain.Deadlines.DueMomentPassed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Staff may withdraw an open request, with a reason; its deadlines are cancelled with it. */
class WithdrawalTest {

    private static final String REASON = "The case was referred to the CMA";

    private AggregateTestFixture<EvidenceRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = EvidenceFixtures.fixture();
    }

    @Test
    void an_open_request_is_withdrawn_with_a_reason() {
        fixture.given(history())
                .when(new WithdrawEvidenceRequest(REQUEST_ID, "  " + REASON + " ", IRIS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EvidenceRequestWithdrawn(REQUEST_ID, CASE_ID, REASON, IRIS));
    }

    @Test
    void withdrawing_cancels_every_deadline_of_the_request() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(anIssue().build())
                .when(new WithdrawEvidenceRequest(REQUEST_ID, REASON, IRIS))
                .expectEvents(withdrawn())
                .expectNoScheduledDeadlines();
    }

    @Test
    void a_request_with_submissions_or_a_pending_extension_may_still_be_withdrawn() {
        fixture.given(history(submitted("sub-1", ROPA), extensionRequested()))
                .when(new WithdrawEvidenceRequest(REQUEST_ID, REASON, IRIS))
                .expectEvents(withdrawn());
    }

    @Test
    void an_overdue_request_may_be_withdrawn() {
        fixture.given(lateHistory(overdue(PAST_DUE)))
                .when(new WithdrawEvidenceRequest(REQUEST_ID, REASON, IRIS))
                .expectEvents(withdrawn());
    }

    @Test
    void withdrawing_a_request_gives_the_reason() {
        fixture.given(history())
                .when(new WithdrawEvidenceRequest(REQUEST_ID, "   ", IRIS))
                .expectException(unprocessable())
                .expectExceptionMessage("Withdrawing a request gives the reason")
                .expectNoEvents();
        EvidenceFixtures.fixture().given(history())
                .when(new WithdrawEvidenceRequest(REQUEST_ID, null, IRIS))
                .expectException(unprocessable())
                .expectNoEvents();
    }

    @Test
    void a_refused_withdrawal_leaves_the_deadlines_standing() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(anIssue().build())
                .when(new WithdrawEvidenceRequest(REQUEST_ID, "", IRIS))
                .expectException(unprocessable())
                .expectScheduledDeadline(DUE, new DueMomentPassed(DUE))
                .expectNoScheduledDeadlineMatching(not(deadlineFor(DUE)));
    }

    @Test
    void a_withdrawal_names_the_member_of_staff() {
        fixture.given(history())
                .when(new WithdrawEvidenceRequest(REQUEST_ID, REASON, new StaffMember(null, "Iris Okonkwo-Hale")))
                .expectException(unprocessable())
                .expectExceptionMessage("A member of staff is named by user id and name")
                .expectNoEvents();
    }

    @Test
    void a_request_is_withdrawn_only_once() {
        fixture.given(history(withdrawn()))
                .when(new WithdrawEvidenceRequest(REQUEST_ID, REASON, IRIS))
                .expectException(conflict())
                .expectExceptionMessage("Cannot withdraw a request that is WITHDRAWN")
                .expectNoEvents();
    }

    @Test
    void a_complete_request_cannot_be_withdrawn() {
        fixture.given(history(submitted("sub-1", ROPA), accepted()))
                .when(new WithdrawEvidenceRequest(REQUEST_ID, REASON, IRIS))
                .expectException(conflict())
                .expectExceptionMessage("Cannot withdraw a request that is COMPLETE")
                .expectNoEvents();
    }
}
