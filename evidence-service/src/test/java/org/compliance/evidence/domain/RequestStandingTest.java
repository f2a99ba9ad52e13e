package org.compliance.evidence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.compliance.evidence.domain.EvidenceFixtures.CASE_ID;
import static org.compliance.evidence.domain.EvidenceFixtures.DESCRIPTION;
import static org.compliance.evidence.domain.EvidenceFixtures.DUE;
import static org.compliance.evidence.domain.EvidenceFixtures.IRIS;
import static org.compliance.evidence.domain.EvidenceFixtures.MORE_DUE;
import static org.compliance.evidence.domain.EvidenceFixtures.NORA;
import static org.compliance.evidence.domain.EvidenceFixtures.NOW;
import static org.compliance.evidence.domain.EvidenceFixtures.REQUEST_ID;
import static org.compliance.evidence.domain.EvidenceFixtures.ROPA;
import static org.compliance.evidence.domain.EvidenceFixtures.STATEMENT;
import static org.compliance.evidence.domain.EvidenceFixtures.requestIssued;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.compliance.api.evidence.EvidenceAccepted;
import org.compliance.api.evidence.EvidenceClockRestarted;
import org.compliance.api.evidence.EvidenceClockStopped;
import org.compliance.api.evidence.EvidenceEvent;
import org.compliance.api.evidence.EvidenceRequestAcknowledged;
import org.compliance.api.evidence.EvidenceRequestOverdue;
import org.compliance.api.evidence.EvidenceRequestWithdrawn;
import org.compliance.api.evidence.EvidenceSubmitted;
import org.compliance.api.evidence.MoreEvidenceRequested;
import org.compliance.api.evidence.RequestDocument;
import org.compliance.api.evidence.RequestStanding;
import org.junit.jupiter.api.Test;

/**
 * Where a request stands, as its document folds its events: evidence is due from the company until it submits, again
 * once more is asked for, and never after acceptance or withdrawal; a stopped clock keeps it due but still.
 */
class RequestStandingTest {

    private static final Instant LATER = NOW.plus(Duration.ofDays(2));
    private static final String WHY_STOPPED = "We owe Northwind an answer on whether the 2024 pipeline is in scope";

    @Test
    void due_from_the_company_until_it_submits_then_awaiting_review() {
        assertThat(standing()).isEqualTo(RequestStanding.AWAITING_ACKNOWLEDGEMENT);
        assertThat(standing(acknowledged())).isEqualTo(RequestStanding.ACKNOWLEDGED);
        assertThat(standing(acknowledged(), submitted("s-1"))).isEqualTo(RequestStanding.SUBMITTED_AWAITING_REVIEW);
        assertThat(RequestStanding.ACKNOWLEDGED.awaitsRespondent()).isTrue();
        assertThat(RequestStanding.SUBMITTED_AWAITING_REVIEW.awaitsRespondent()).isFalse();
    }

    @Test
    void more_evidence_asked_makes_it_due_again_until_the_next_submission() {
        assertThat(standing(acknowledged(), submitted("s-1"), moreAsked()))
                .isEqualTo(RequestStanding.MORE_EVIDENCE_ASKED);
        assertThat(standing(submitted("s-1"), moreAsked(), submitted("s-2")))
                .isEqualTo(RequestStanding.SUBMITTED_AWAITING_REVIEW);
    }

    @Test
    void a_stopped_clock_keeps_the_evidence_due_without_the_time_running_until_it_restarts() {
        RequestDocument stopped = fold(acknowledged(), clockStopped());
        assertThat(stopped.standing()).isEqualTo(RequestStanding.CLOCK_STOPPED);
        assertThat(stopped.standing().awaitsRespondent()).isTrue();
        assertThat(stopped.standing().clockRunning()).isFalse();
        assertThat(stopped.clockStopped.reason()).isEqualTo(WHY_STOPPED);
        assertThat(standing(acknowledged(), clockStopped(), submitted("s-1")))
                .as("the company answered while the clock stood still")
                .isEqualTo(RequestStanding.SUBMITTED_AWAITING_REVIEW);
        assertThat(standing(acknowledged(), clockStopped(), new EvidenceClockRestarted(REQUEST_ID, CASE_ID, LATER,
                LATER.plus(Duration.ofDays(1)), Duration.ofDays(1), DUE, DUE.plus(Duration.ofDays(1)), IRIS)))
                .isEqualTo(RequestStanding.ACKNOWLEDGED);
    }

    @Test
    void nothing_is_due_once_accepted_or_withdrawn_even_if_it_went_overdue_first() {
        assertThat(standing(new EvidenceRequestOverdue(REQUEST_ID, CASE_ID, NORA.organisationAlias(), DUE), submitted("s-1"),
                new EvidenceAccepted(REQUEST_ID, CASE_ID, IRIS, LATER))).isEqualTo(RequestStanding.ACCEPTED);
        assertThat(standing(acknowledged(), new EvidenceRequestWithdrawn(REQUEST_ID, CASE_ID, "Not needed", IRIS)))
                .isEqualTo(RequestStanding.WITHDRAWN);
        assertThat(List.of(RequestStanding.ACCEPTED, RequestStanding.WITHDRAWN))
                .noneMatch(RequestStanding::awaitsRespondent);
    }

    private static EvidenceRequestAcknowledged acknowledged() {
        return new EvidenceRequestAcknowledged(REQUEST_ID, CASE_ID, NORA, NOW);
    }

    private static EvidenceSubmitted submitted(String submissionId) {
        return new EvidenceSubmitted(REQUEST_ID, CASE_ID, submissionId, List.of(ROPA), DESCRIPTION, STATEMENT, NORA,
                LATER, false);
    }

    private static MoreEvidenceRequested moreAsked() {
        return new MoreEvidenceRequested(REQUEST_ID, CASE_ID, "The 2024 impact assessment", DUE, MORE_DUE, IRIS);
    }

    private static EvidenceClockStopped clockStopped() {
        return new EvidenceClockStopped(REQUEST_ID, CASE_ID, WHY_STOPPED, IRIS, LATER);
    }

    private static RequestStanding standing(EvidenceEvent... events) {
        return fold(events).standing();
    }

    private static RequestDocument fold(EvidenceEvent... events) {
        RequestDocument document = RequestDocument.issued(requestIssued());
        for (EvidenceEvent event : events) {
            document.apply(event);
        }
        return document;
    }
}
