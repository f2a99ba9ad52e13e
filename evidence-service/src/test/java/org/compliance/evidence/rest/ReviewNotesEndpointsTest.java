package org.compliance.evidence.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.compliance.evidence.rest.EvidenceApi.awaitView;
import static org.compliance.evidence.rest.EvidenceApi.etag;
import static org.compliance.evidence.rest.EvidenceApi.issue;
import static org.compliance.evidence.rest.EvidenceApi.knownCase;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.compliance.testing.RealPeers;
import org.junit.jupiter.api.Test;

/**
 * Reviewing files through the API: the company names the item each upload answers (the standard request asks for
 * two); staff note their review of a submitted file (staff only, If-Match, problem+json), and the notes are shown
 * to staff and auditors, never to the company.
 */
@QuarkusTest
@WithTestResource(RealPeers.class)
class ReviewNotesEndpointsTest {

    private static final String NOTE = "Section 4 omits the 2024 retention schedule";

    @Test
    void uploads_name_the_item_they_answer_and_staff_note_their_review_which_the_company_never_reads() {
        String iris = RealPeers.tokenFor("iris.investigator");
        String nora = RealPeers.tokenFor("nora.northwind");
        String requestId = issue(iris, knownCase(false), "{}");
        String r = "/requests/" + requestId;
        awaitView(nora, requestId);

        given().auth().oauth2(nora).queryParam("fileName", "inventory.csv").queryParam("item", 3)
                .body("a,b\n".getBytes(StandardCharsets.UTF_8)).when().post(r + "/uploads").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("no item 3"));
        given().auth().oauth2(nora).queryParam("fileName", "inventory.csv").queryParam("item", 0)
                .body("a,b\n".getBytes(StandardCharsets.UTF_8)).when().post(r + "/uploads").then().statusCode(422)
                .contentType("application/problem+json");
        given().auth().oauth2(nora).queryParam("fileName", "inventory.csv").queryParam("item", "second")
                .body("a,b\n".getBytes(StandardCharsets.UTF_8)).when().post(r + "/uploads").then().statusCode(400)
                .contentType("application/problem+json");
        Map<String, Object> upload = given().auth().oauth2(nora).queryParam("fileName", "inventory.csv")
                .queryParam("item", 2).body("dataset,rows\nchat-logs,120000\n".getBytes(StandardCharsets.UTF_8))
                .when().post(r + "/uploads").then().statusCode(201).body("item", equalTo(2))
                .extract().as(Map.class);
        given().auth().oauth2(nora).header("If-Match", etag(nora, requestId)).contentType(ContentType.JSON)
                .body("{\"uploadIds\":[\"" + upload.get("uploadId") + "\"],\"description\":\"Inventory\","
                        + "\"statementOfTruth\":{\"name\":\"Nora Northwind\",\"position\":\"DPO\"}}")
                .when().post(r + "/submissions").then().statusCode(201);
        String fileId = (String) upload.get("uploadId");
        String notes = r + "/files/" + fileId + "/review-notes";
        String body = "{\"note\":\"" + NOTE + "\"}";

        given().auth().oauth2(nora).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(body)
                .when().post(notes).then().statusCode(403);
        given().auth().oauth2(RealPeers.tokenFor("ada.auditor")).header("If-Match", "\"1\"")
                .contentType(ContentType.JSON).body(body).when().post(notes).then().statusCode(403);
        given().auth().oauth2(iris).contentType(ContentType.JSON).body(body).when().post(notes).then()
                .statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(iris).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"note\":\" \"}").when().post(notes).then().statusCode(422)
                .contentType("application/problem+json");
        given().auth().oauth2(iris).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"note\":\"Fine\\u0000\"}").when().post(notes).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].pointer", equalTo("/note"));
        given().auth().oauth2(iris).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"note\":\"" + "x".repeat(5001) + "\"}").when().post(notes).then().statusCode(422)
                .contentType("application/problem+json");
        given().auth().oauth2(iris).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(body)
                .when().post(r + "/files/no-such-file/review-notes").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(iris).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(body)
                .when().post(notes).then().statusCode(409).contentType("application/problem+json");

        String noted = given().auth().oauth2(iris).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(body).when().post(notes).then().statusCode(200).header("ETag", "\"2\"")
                .body("version", equalTo(2)).extract().header("Consistency-Position");

        // read after the note: the view answers once it holds it
        given().auth().oauth2(iris).header("Read-After", noted).when().get(r).then().statusCode(200)
                .body("request.reviewNotes", hasSize(1));
        given().auth().oauth2(iris).when().get(r).then().statusCode(200)
                .body("request.reviewNotes[0].fileId", equalTo(fileId))
                .body("request.reviewNotes[0].note", equalTo(NOTE))
                .body("request.reviewNotes[0].notedBy.userId", equalTo(given().auth().oauth2(iris).when().get(r)
                        .then().extract().path("request.issuedBy.userId")))
                .body("request.reviewNotes[0].sha256", equalTo(upload.get("sha256")))
                .body("request.submissions[0].files[0].item", equalTo(2));
        given().auth().oauth2(RealPeers.tokenFor("ada.auditor")).when().get(r).then().statusCode(200)
                .body("request.reviewNotes", hasSize(1));
        String companyView = given().auth().oauth2(nora).when().get(r).then().statusCode(200)
                .header("ETag", "\"2\"").body("request.reviewNotes", empty())
                .body("request.submissions[0].files[0].item", equalTo(2)).extract().asString();
        assertThat(companyView).doesNotContain(NOTE);

        // the note the company never saw is no conflict for its next change made from version 1
        given().auth().oauth2(nora).header("If-Match", "\"1\"").when().post(r + "/acknowledgement").then()
                .statusCode(200).header("ETag", "\"3\"");
    }
}
