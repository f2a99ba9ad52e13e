package org.compliance.evidence.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.compliance.evidence.rest.EvidenceApi.issue;
import static org.compliance.evidence.rest.EvidenceApi.knownCase;
import static org.compliance.evidence.rest.EvidenceApi.openedCase;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.compliance.evidence.query.RequestViewProjection;
import org.compliance.platform.axon.AxonRuntime;
import org.compliance.testing.RealPeers;
import org.junit.jupiter.api.Test;

/**
 * Reading one's own writes (decision 12): a change is readable at once, whether or not the client sends the
 * position the change answered; no test here waits for a view.
 */
@QuarkusTest
@WithTestResource(RealPeers.class)
class ReadingOwnWritesTest {

    @Inject
    AxonRuntime axon;

    @Test
    void a_request_can_be_issued_for_a_case_opened_a_moment_ago_and_read_at_once() {
        String iris = RealPeers.tokenFor("iris.investigator");
        String requestId = issue(iris, openedCase(false), "{}");
        given().auth().oauth2(iris).when().get("/requests/" + requestId).then().statusCode(200)
                .body("request.status", equalTo("OPEN")).header("ETag", "\"0\"");
    }

    @Test
    void a_case_never_opened_is_still_refused() {
        String iris = RealPeers.tokenFor("iris.investigator");
        given().auth().oauth2(iris).contentType(ContentType.JSON).body(Map.of("caseId", "no-such-case",
                        "respondentOrganisationAlias", "northwind-cloud", "items", List.of("Policy"),
                        "legalBasis", "UK GDPR Art. 58(1)(a)"))
                .when().post("/requests").then().statusCode(422);
    }

    @Test
    void the_receipt_of_a_submission_can_be_fetched_at_once() {
        String nora = RealPeers.tokenFor("nora.northwind");
        String requestId = issue(RealPeers.tokenFor("iris.investigator"), knownCase(false), "{}");
        String r = "/requests/" + requestId;
        String uploadId = given().auth().oauth2(nora).contentType("text/plain").queryParam("fileName", "policy.txt")
                .body("Retention policy.\n".getBytes(StandardCharsets.UTF_8)).when().post(r + "/uploads")
                .then().statusCode(201).extract().path("uploadId");
        String submissionId = given().auth().oauth2(nora).header("If-Match", EvidenceApi.etag(nora, requestId))
                .contentType(ContentType.JSON)
                .body(Map.of("uploadIds", List.of(uploadId), "description", "Retention policy",
                        "statementOfTruth", Map.of("name", "Nora Northwind", "position", "Data Protection Officer")))
                .when().post(r + "/submissions").then().statusCode(201).extract().path("receipt.submissionId");

        given().auth().oauth2(nora).when().get(r + "/submissions/" + submissionId + "/receipt").then()
                .statusCode(200).body("receipt.submissionId", equalTo(submissionId));
        given().auth().oauth2(nora).when().get(r + "/submissions/no-such-submission/receipt").then()
                .statusCode(404);
    }

    @Test
    void a_change_answers_its_store_position_and_a_read_after_it_shows_the_change() {
        String iris = RealPeers.tokenFor("iris.investigator");
        String nora = RealPeers.tokenFor("nora.northwind");
        String requestId = issue(iris, knownCase(false), "{}");
        String r = "/requests/" + requestId;
        String position = given().auth().oauth2(nora).header("If-Match", EvidenceApi.etag(nora, requestId))
                .when().post(r + "/acknowledgement").then().statusCode(200).header("ETag", "\"1\"")
                .extract().header("Consistency-Position");
        assertThat(position).as("Consistency-Position").matches("[1-9][0-9]*");

        given().auth().oauth2(nora).header("Read-After", position).when().get(r).then().statusCode(200)
                .header("ETag", "\"1\"");
    }

    @Test
    void a_read_after_a_position_the_views_do_not_reach_in_time_is_503() {
        String iris = RealPeers.tokenFor("iris.investigator");
        StreamingEventProcessor views = axon.processor(RequestViewProjection.GROUP);
        views.shutDown();
        try {
            String position = given().auth().oauth2(iris).contentType(ContentType.JSON).body(Map.of(
                            "caseId", knownCase(false), "respondentOrganisationAlias", "northwind-cloud",
                            "items", List.of("Policy"), "legalBasis", "UK GDPR Art. 58(1)(a)"))
                    .when().post("/requests").then().statusCode(201).extract().header("Consistency-Position");
            given().auth().oauth2(iris).header("Read-After", position).when().get("/requests").then()
                    .statusCode(503).header("Retry-After", "1").contentType("application/problem+json");
        } finally {
            views.start();
        }
    }

    @Test
    void a_read_after_something_no_change_answered_is_400_at_once() {
        String iris = RealPeers.tokenFor("iris.investigator");
        given().auth().oauth2(iris).header("Read-After", "999999999999999999").when().get("/requests").then()
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("past the store's head"));
        given().auth().oauth2(iris).header("Read-After", "soon").when().get("/requests").then()
                .statusCode(400).contentType("application/problem+json");
    }
}
