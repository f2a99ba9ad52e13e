package org.compliance.evidence.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.compliance.evidence.rest.EvidenceApi.awaitView;
import static org.compliance.evidence.rest.EvidenceApi.etag;
import static org.compliance.evidence.rest.EvidenceApi.issue;
import static org.compliance.evidence.rest.EvidenceApi.knownCase;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import org.compliance.testing.RealPeers;
import org.junit.jupiter.api.Test;

/**
 * Where a request stands, as its company reads it in the list and the request itself: due (new, acknowledged, more
 * asked for, with what and by when), the clock stopped (since when, and the public reason), submitted and awaiting
 * review, accepted. Another company reads nothing of it.
 */
@QuarkusTest
@WithTestResource(RealPeers.class)
class RequestStandingApiTest {

    private static final String WHY_STOPPED = "We owe Northwind an answer on whether the 2024 pipeline is in scope";
    private static final String STILL_MISSING = "The 2024 training data inventory, by source";

    @Test
    void the_company_reads_where_its_request_stands_at_each_step() {
        String iris = RealPeers.tokenFor("iris.investigator");
        String nora = RealPeers.tokenFor("nora.northwind");
        String caseId = knownCase(false);
        String requestId = issue(iris, caseId, "{}");
        String r = "/requests/" + requestId;
        Instant due = Instant.parse(awaitView(nora, requestId).body("standing", equalTo("AWAITING_ACKNOWLEDGEMENT"))
                .extract().path("request.dueAt"));
        awaitStanding(nora, caseId, "AWAITING_ACKNOWLEDGEMENT");

        given().auth().oauth2(nora).header("If-Match", etag(nora, requestId)).when().post(r + "/acknowledgement")
                .then().statusCode(200);
        awaitStanding(nora, caseId, "ACKNOWLEDGED");

        given().auth().oauth2(iris).header("If-Match", etag(iris, requestId)).contentType(ContentType.JSON)
                .body("{\"reason\":\"" + WHY_STOPPED + "\"}").when().post(r + "/clock-stop").then().statusCode(200);
        awaitStanding(nora, caseId, "CLOCK_STOPPED")
                .body("[0].clockStopReason", equalTo(WHY_STOPPED)).body("[0].clockStoppedAt", notNullValue());
        given().auth().oauth2(nora).when().get(r).then().statusCode(200).body("standing", equalTo("CLOCK_STOPPED"))
                .body("request.clockStopped.reason", equalTo(WHY_STOPPED));
        given().auth().oauth2(iris).header("If-Match", etag(iris, requestId)).when().post(r + "/clock-restart")
                .then().statusCode(200);
        awaitStanding(nora, caseId, "ACKNOWLEDGED").body("[0].clockStopReason", nullValue());

        submit(nora, requestId, "Retention policy 2024-26");
        awaitStanding(nora, caseId, "SUBMITTED_AWAITING_REVIEW");
        given().auth().oauth2(nora).when().get(r).then().statusCode(200)
                .body("standing", equalTo("SUBMITTED_AWAITING_REVIEW"));

        Instant moreDue = due.plus(Duration.ofDays(7));
        given().auth().oauth2(iris).header("If-Match", etag(iris, requestId)).contentType(ContentType.JSON)
                .body("{\"stillMissing\":\"" + STILL_MISSING + "\",\"newDueAt\":\"" + moreDue + "\"}")
                .when().post(r + "/more-evidence").then().statusCode(200);
        awaitStanding(nora, caseId, "MORE_EVIDENCE_ASKED").body("[0].stillMissing", equalTo(STILL_MISSING))
                .body("[0].dueAt", equalTo(moreDue.toString()));

        submit(nora, requestId, "The inventory by source");
        awaitStanding(nora, caseId, "SUBMITTED_AWAITING_REVIEW");
        given().auth().oauth2(iris).header("If-Match", etag(iris, requestId)).when().post(r + "/acceptance")
                .then().statusCode(200);
        awaitStanding(nora, caseId, "ACCEPTED");
        given().auth().oauth2(nora).when().get(r).then().statusCode(200).body("standing", equalTo("ACCEPTED"));

        given().auth().oauth2(RealPeers.tokenFor("colin.contoso")).queryParam("caseId", caseId).when()
                .get("/requests").then().statusCode(200).body("$", empty());
        given().auth().oauth2(RealPeers.tokenFor("colin.contoso")).when().get(r).then().statusCode(404);
    }

    /** The company's list of the case's requests once it shows the request standing so. */
    private static ValidatableResponse awaitStanding(String token, String caseId,
                                                   String standing) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(token)
                .queryParam("caseId", caseId).when().get("/requests").then().statusCode(200)
                .body("[0].standing", equalTo(standing)));
        return given().auth().oauth2(token).queryParam("caseId", caseId).when().get("/requests").then()
                .statusCode(200);
    }

    private static void submit(String token, String requestId, String description) {
        String r = "/requests/" + requestId;
        String uploadId = given().auth().oauth2(token).contentType("text/plain")
                .queryParam("fileName", "evidence.txt").body("Fictional evidence".getBytes())
                .when().post(r + "/uploads").then().statusCode(201).extract().path("uploadId");
        given().auth().oauth2(token).header("If-Match", etag(token, requestId)).contentType(ContentType.JSON)
                .body("{\"uploadIds\":[\"" + uploadId + "\"],\"description\":\"" + description + "\","
                        + "\"statementOfTruth\":{\"name\":\"Nora Northwind\",\"position\":\"Data Protection Officer\"}}")
                .when().post(r + "/submissions").then().statusCode(201);
    }
}
