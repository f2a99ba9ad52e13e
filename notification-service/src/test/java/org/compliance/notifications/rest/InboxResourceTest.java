package org.compliance.notifications.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;

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
class InboxResourceTest {

    @Inject
    EventStore eventStore;

    @Test
    void the_lead_investigator_of_a_new_case_finds_it_in_their_inbox_and_nobody_else_does() throws Exception {
        String iris = RealPeers.tokenFor("iris.investigator");
        String ivan = RealPeers.tokenFor("ivan.investigator");
        String caseId = UUID.randomUUID().toString();
        eventStore.publish(new GenericDomainEventMessage<>("InvestigationCase", caseId, 0,
                new CaseOpened(caseId, "Training data retention", "Fictional summary of the case",
                        "Information Commissioner's Office", List.of("UK GDPR"), Priority.NORMAL, Confidentiality.STANDARD,
                        List.of(new Respondent("northwind-cloud", "Northwind Cloud Ltd")),
                        List.of(), List.of(new Allegation("A1", "UK GDPR Art. 5(1)(e)", "Kept personal data longer than needed", null, null)),
                        new StaffMember(RealPeers.subjectOf(iris), "Iris Investigator"), Instant.parse("2026-11-02T09:30:00Z"))));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(iris).when().get("/inbox?size=100")
                        .then().statusCode(200)
                        .body("items.findAll { it.caseId == '" + caseId + "' }.kind", contains("CASE_ASSIGNED"))
                        .body("unread", greaterThanOrEqualTo(1)));
        given().auth().oauth2(ivan).when().get("/inbox?size=100")
                .then().statusCode(200).body("items.findAll { it.caseId == '" + caseId + "' }", empty());
    }

    @Test
    void the_inbox_needs_a_token_and_pages_are_bounded() {
        given().when().get("/inbox").then().statusCode(401);
        given().auth().oauth2(RealPeers.tokenFor("nora.northwind")).when().get("/inbox?size=1000")
                .then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(RealPeers.tokenFor("ivan.investigator")).when().get("/inbox")
                .then().statusCode(200).body("items", hasSize(0));
    }
}
