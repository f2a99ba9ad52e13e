package org.compliance.cases.domain;

import static org.compliance.api.cases.CaseStatus.FINDINGS;
import static org.compliance.cases.domain.CaseFixtures.CASE_ID;
import static org.compliance.cases.domain.CaseFixtures.CONTOSO;
import static org.compliance.cases.domain.CaseFixtures.anOpenCase;
import static org.compliance.cases.domain.CaseFixtures.caseOpened;
import static org.compliance.cases.domain.CaseFixtures.historyAt;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.compliance.api.cases.AddRespondent;
import org.compliance.api.cases.PlaceLegalHold;
import org.compliance.api.cases.RespondentAdded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every command handler on an existing case answers the case's version after the command (the HTTP ETag):
 * {@code AggregateLifecycle.getVersion()} read right after {@code apply} is the sequence number of the event
 * just applied.
 */
class CaseVersionTest {

    private AggregateTestFixture<InvestigationCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = CaseFixtures.fixture();
    }

    @Test
    void a_change_answers_the_sequence_number_of_the_event_it_recorded() {
        // CaseOpened is event 0; the RespondentAdded is event 1
        fixture.given(caseOpened())
                .when(new AddRespondent(CASE_ID, CONTOSO))
                .expectEvents(new RespondentAdded(CASE_ID, CONTOSO))
                .expectResultMessagePayload(1L);
    }

    @Test
    void the_version_counts_every_event_of_the_case() {
        // three events (0, 1, 2) bring the case to FINDINGS; the hold is event 3
        fixture.given(historyAt(FINDINGS))
                .when(new PlaceLegalHold(CASE_ID, "Judicial review"))
                .expectResultMessagePayload(3L);
    }

    @Test
    void opening_answers_the_case_id_not_a_version() {
        fixture.givenNoPriorActivity()
                .when(anOpenCase().build())
                .expectResultMessagePayload(CASE_ID);
    }
}
