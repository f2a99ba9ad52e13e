package org.compliance.evidence.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.compliance.api.cases.Allegation;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.Confidentiality;
import org.compliance.api.cases.Priority;
import org.compliance.api.cases.Respondent;
import org.compliance.api.shared.StaffMember;
import org.compliance.testing.RealPeers;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RealPeers.class)
class KnownCaseResourceTest {

    @Inject
    EventStore eventStore;

    @Test
    void a_case_opened_in_the_shared_event_store_becomes_known_to_evidence_service() {
        String caseId = UUID.randomUUID().toString();
        // Appended as case-service appends it: an aggregate's first event in the shared store.
        eventStore.publish(new GenericDomainEventMessage<>("InvestigationCase", caseId, 0,
                new CaseOpened(caseId, "Bulk extraction through the API", "Fictional summary of the case",
                        "Information Commissioner's Office", List.of("UK GDPR"), Priority.NORMAL, Confidentiality.STANDARD,
                        List.of(new Respondent("contoso-models", "Contoso Models plc")),
                        List.of(), List.of(new Allegation("A1", "Computer Misuse Act 1990 s.1", "Bulk extraction of model outputs", null, null)),
                        new StaffMember("u-iris", "Iris Investigator"), Instant.parse("2026-11-02T09:30:00Z"))));

        String token = RealPeers.tokenFor("iris.investigator");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(token).when().get("/known-cases/" + caseId)
                        .then().statusCode(200)
                        .body("status", equalTo("OPEN"))
                        .body("respondents", contains("contoso-models")));
    }

    @Test
    void unknown_case_is_404_and_company_users_are_refused() {
        given().auth().oauth2(RealPeers.tokenFor("iris.investigator")).when().get("/known-cases/nope")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(RealPeers.tokenFor("nora.northwind")).when().get("/known-cases/nope")
                .then().statusCode(403).contentType("application/problem+json");
        given().when().get("/known-cases/nope").then().statusCode(401);
    }
}
