package org.compliance.evidence.domain;

import static org.compliance.evidence.domain.EvidenceFixtures.BENEDICT;
import static org.compliance.evidence.domain.EvidenceFixtures.CASE_ID;
import static org.compliance.evidence.domain.EvidenceFixtures.NORA;
import static org.compliance.evidence.domain.EvidenceFixtures.NOW;
import static org.compliance.evidence.domain.EvidenceFixtures.OTTO;
import static org.compliance.evidence.domain.EvidenceFixtures.PAST_DUE;
import static org.compliance.evidence.domain.EvidenceFixtures.REQUEST_ID;
import static org.compliance.evidence.domain.EvidenceFixtures.ROPA;
import static org.compliance.evidence.domain.EvidenceFixtures.accepted;
import static org.compliance.evidence.domain.EvidenceFixtures.acknowledged;
import static org.compliance.evidence.domain.EvidenceFixtures.history;
import static org.compliance.evidence.domain.EvidenceFixtures.lateHistory;
import static org.compliance.evidence.domain.EvidenceFixtures.overdue;
import static org.compliance.evidence.domain.EvidenceFixtures.submitted;
import static org.compliance.evidence.domain.EvidenceFixtures.withdrawn;
import static org.compliance.testing.RuleViolations.conflict;
import static org.compliance.testing.RuleViolations.unprocessable;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.compliance.api.evidence.AcknowledgeEvidenceRequest;
import org.compliance.api.evidence.EvidenceRequestAcknowledged;
import org.compliance.api.shared.CompanyUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The respondent acknowledges the request: once, by one of its own users, while the request is open. */
class AcknowledgementTest {

    private AggregateTestFixture<EvidenceRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = EvidenceFixtures.fixture();
    }

    @Test
    void a_user_of_the_respondent_acknowledges_the_request() {
        fixture.given(history())
                .when(new AcknowledgeEvidenceRequest(REQUEST_ID, NORA))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new EvidenceRequestAcknowledged(REQUEST_ID, CASE_ID, NORA, NOW));
    }

    @Test
    void any_user_of_the_respondent_may_acknowledge() {
        fixture.given(history())
                .when(new AcknowledgeEvidenceRequest(REQUEST_ID, BENEDICT))
                .expectEvents(new EvidenceRequestAcknowledged(REQUEST_ID, CASE_ID, BENEDICT, NOW));
    }

    @Test
    void acknowledging_answers_the_version_of_the_request() {
        // the issue is event 0, the acknowledgement event 1
        fixture.given(history())
                .when(new AcknowledgeEvidenceRequest(REQUEST_ID, NORA))
                .expectResultMessagePayload(1L);
    }

    @Test
    void a_user_of_another_organisation_cannot_acknowledge() {
        // Contoso is a respondent of the same case, but the request is Northwind's
        fixture.given(history())
                .when(new AcknowledgeEvidenceRequest(REQUEST_ID, OTTO))
                .expectException(conflict())
                .expectExceptionMessage("Only northwind-cloud answers this request")
                .expectNoEvents();
    }

    @Test
    void an_acknowledgement_names_the_company_user() {
        fixture.given(history())
                .when(new AcknowledgeEvidenceRequest(REQUEST_ID, null))
                .expectException(unprocessable())
                .expectExceptionMessage("The company user is missing")
                .expectNoEvents();
        EvidenceFixtures.fixture().given(history())
                .when(new AcknowledgeEvidenceRequest(REQUEST_ID, new CompanyUser(" ", "Nora Lindqvist",
                        "northwind-cloud")))
                .expectException(unprocessable())
                .expectNoEvents();
    }

    @Test
    void a_request_is_acknowledged_only_once() {
        fixture.given(history(acknowledged()))
                .when(new AcknowledgeEvidenceRequest(REQUEST_ID, BENEDICT))
                .expectException(conflict())
                .expectExceptionMessage("The request is already acknowledged")
                .expectNoEvents();
    }

    @Test
    void a_withdrawn_request_cannot_be_acknowledged() {
        fixture.given(history(withdrawn()))
                .when(new AcknowledgeEvidenceRequest(REQUEST_ID, NORA))
                .expectException(conflict())
                .expectExceptionMessage("Cannot acknowledge a request that is WITHDRAWN")
                .expectNoEvents();
    }

    @Test
    void a_complete_request_cannot_be_acknowledged() {
        fixture.given(history(submitted("sub-1", ROPA), accepted()))
                .when(new AcknowledgeEvidenceRequest(REQUEST_ID, NORA))
                .expectException(conflict())
                .expectExceptionMessage("Cannot acknowledge a request that is COMPLETE")
                .expectNoEvents();
    }

    @Test
    void an_overdue_request_can_still_be_acknowledged() {
        fixture.given(lateHistory(overdue(PAST_DUE)))
                .when(new AcknowledgeEvidenceRequest(REQUEST_ID, NORA))
                .expectEvents(new EvidenceRequestAcknowledged(REQUEST_ID, CASE_ID, NORA, NOW));
    }
}
