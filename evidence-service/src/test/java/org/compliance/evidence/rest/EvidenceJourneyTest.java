package org.compliance.evidence.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.compliance.evidence.rest.EvidenceApi.awaitView;
import static org.compliance.evidence.rest.EvidenceApi.countFiles;
import static org.compliance.evidence.rest.EvidenceApi.etag;
import static org.compliance.evidence.rest.EvidenceApi.issue;
import static org.compliance.evidence.rest.EvidenceApi.knownCase;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.compliance.evidence.domain.DueMoments;
import org.compliance.testing.RealPeers;
import org.junit.jupiter.api.Test;

/** The brief's story of an evidence request, through the API, with real tokens and a clock that moves. */
@QuarkusTest
@WithTestResource(RealPeers.class)
class EvidenceJourneyTest {

    private static final long MiB = 1024 * 1024;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void issue_acknowledge_extend_remind_upload_receipt_accept() throws Exception {
        String caseId = knownCase(false);
        String iris = RealPeers.tokenFor("iris.investigator");
        String nora = RealPeers.tokenFor("nora.northwind");
        String sam = RealPeers.tokenFor("sam.supervisor");

        Instant issuedAround = MovableTime.now();
        String requestId = issue(iris, caseId, "{}");
        String r = "/requests/" + requestId;
        Instant due = Instant.parse(awaitView(iris, requestId)
                // names, not ids: what it asks for, its case's title, the organisation's name as the case gave it
                .body("subject", equalTo("Data retention policy (and 1 more)"))
                .body("caseTitle", equalTo("Training data retention"))
                .body("organisationName", equalTo("Northwind Cloud Ltd"))
                .extract().path("request.dueAt"));
        given().auth().oauth2(nora).queryParam("caseId", caseId).when().get("/requests").then().statusCode(200)
                .body("[0].subject", equalTo("Data retention policy (and 1 more)"))
                .body("[0].caseTitle", equalTo("Training data retention"))
                .body("[0].organisationName", equalTo("Northwind Cloud Ltd"));
        assertThat(due).isEqualTo(DueMoments.afterCalendarDays(issuedAround, 14));
        assertThat(scheduledDeadlines(requestId)).as("reminders 7, 3, 1 days before and the overdue deadline")
                .isEqualTo(4);

        given().auth().oauth2(RealPeers.tokenFor("colin.contoso")).when().get(r).then().statusCode(404);
        given().auth().oauth2(RealPeers.tokenFor("colin.contoso")).header("If-Match", "\"0\"")
                .when().post(r + "/acknowledgement").then().statusCode(404);
        String version = given().auth().oauth2(nora).header("If-Match", etag(nora, requestId))
                .when().post(r + "/acknowledgement").then().statusCode(200).header("ETag", "\"1\"")
                .extract().header("ETag");
        version = given().auth().oauth2(nora).header("If-Match", version).contentType(ContentType.JSON)
                .body("{\"reason\":\"Our archive is offline\"}")
                .when().post(r + "/extension-request").then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(iris).header("If-Match", version).contentType(ContentType.JSON)
                .body("{\"newDueAt\":\"" + due.plus(Duration.ofDays(7)) + "\"}")
                .when().post(r + "/extension/grant").then().statusCode(403);
        Instant extended = due.plus(Duration.ofDays(7));
        given().auth().oauth2(sam).header("If-Match", version).contentType(ContentType.JSON)
                .body("{\"newDueAt\":\"" + extended + "\"}")
                .when().post(r + "/extension/grant").then().statusCode(200);

        for (int days : List.of(7, 3, 1)) {
            MovableTime.moveTo(extended.minus(Duration.ofDays(days)).plusSeconds(60));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    given().auth().oauth2(nora).when().get(r).then().statusCode(200)
                            .body("request.remindersSent", hasItem(days)));
        }

        long size = 200 * MiB;
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        Map<String, Object> upload = given().auth().oauth2(nora).contentType("application/pdf")
                .queryParam("fileName", "retention-policy.pdf")
                .body(new DigestInputStream(new EvidenceApi.GeneratedBytes(size, 7), expected))
                .when().post(r + "/uploads").then().statusCode(201).extract().as(Map.class);
        assertThat(upload.get("sha256")).isEqualTo(HexFormat.of().formatHex(expected.digest()));
        assertThat(((Number) upload.get("sizeBytes")).longValue()).isEqualTo(size);

        String receipt = given().auth().oauth2(nora).header("If-Match", etag(nora, requestId))
                .contentType(ContentType.JSON)
                .body("{\"uploadIds\":[\"" + upload.get("uploadId") + "\"],\"description\":\"Retention policy 2024-26\","
                        + "\"statementOfTruth\":{\"name\":\"Nora Northwind\",\"position\":\"Data Protection Officer\"}}")
                .when().post(r + "/submissions").then().statusCode(201)
                .body("algorithm", equalTo("Ed25519"))
                .body("receipt.files[0].sha256", equalTo(upload.get("sha256")))
                .body("receipt.late", equalTo(false))
                .extract().asString();
        given().auth().oauth2(nora).contentType(ContentType.JSON).body(receipt).when().post("/receipts/verification")
                .then().statusCode(200).body("valid", equalTo(true));
        given().auth().oauth2(nora).contentType(ContentType.JSON)
                .body(receipt.replace("\"sizeBytes\":" + size, "\"sizeBytes\":" + (size - 1)))
                .when().post("/receipts/verification").then().statusCode(200).body("valid", equalTo(false));

        String submissionId = JsonPath.from(receipt).getString("receipt.submissionId");
        // the request's view reaches the submission shortly after the answer
        String again = await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(nora).when()
                .get(r + "/submissions/" + submissionId + "/receipt").then().extract(),
                answer -> answer.statusCode() == 200).asString();
        assertThat(JsonPath.from(again).getString("receipt.files[0].sha256")).isEqualTo(upload.get("sha256"));
        given().auth().oauth2(nora).contentType(ContentType.JSON).body(again).when().post("/receipts/verification")
                .then().statusCode(200).body("valid", equalTo(true));
        given().auth().oauth2(RealPeers.tokenFor("colin.contoso")).when().get(r + "/submissions/" + submissionId + "/receipt")
                .then().statusCode(404);
        given().auth().oauth2(nora).when().get(r + "/submissions/no-such-submission/receipt").then().statusCode(404);

        given().auth().oauth2(iris).header("If-Match", etag(iris, requestId)).when().post(r + "/acceptance")
                .then().statusCode(200);
        awaitView(iris, requestId, "COMPLETE");
        assertThat(scheduledDeadlines(requestId)).as("deadlines left after acceptance").isZero();

        String fileId = (String) upload.get("uploadId");
        MessageDigest downloaded = MessageDigest.getInstance("SHA-256");
        try (InputStream in = given().auth().oauth2(iris).when().get(r + "/files/" + fileId).then().statusCode(200)
                .extract().asInputStream(); var digesting = new DigestInputStream(in, downloaded)) {
            digesting.transferTo(java.io.OutputStream.nullOutputStream());
        }
        assertThat(HexFormat.of().formatHex(downloaded.digest())).isEqualTo(upload.get("sha256"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(iris).when().get(r).then()
                        .body("request.chainOfCustody.what", hasItems("SUBMITTED", "DOWNLOADED"))
                        .body("request.chainOfCustody.whoName", hasItems("Nora Northwind", "Iris Investigator")));
    }

    @Test
    void a_change_needs_the_version_last_read_as_cases_do() {
        String iris = RealPeers.tokenFor("iris.investigator");
        String nora = RealPeers.tokenFor("nora.northwind");
        String requestId = given().auth().oauth2(iris).contentType(ContentType.JSON).body("{\"caseId\":\""
                        + knownCase(false) + "\",\"respondentOrganisationAlias\":\"northwind-cloud\","
                        + "\"items\":[\"Policies\"],\"legalBasis\":\"UK GDPR Art. 58(1)(a)\"}")
                .when().post("/requests").then().statusCode(201).header("ETag", "\"0\"").extract().path("requestId");
        String r = "/requests/" + requestId;
        awaitView(iris, requestId).header("ETag", "\"0\"");

        given().auth().oauth2(nora).when().post(r + "/acknowledgement").then().statusCode(428)
                .contentType("application/problem+json");
        given().auth().oauth2(nora).header("If-Match", "0").when().post(r + "/acknowledgement").then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(nora).header("If-Match", "\"0\"").when().post(r + "/acknowledgement").then()
                .statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1));
        given().auth().oauth2(nora).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"reason\":\"Our archive is offline\"}").when().post(r + "/extension-request").then()
                .statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("changed since version 0"));
        assertThat(eventsOf(requestId, "org.compliance.api.evidence.ExtensionRequested")).isZero();
        given().auth().oauth2(iris).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"reason\":\"Referred\"}").when().post(r + "/withdrawal").then().statusCode(409);
        given().auth().oauth2(iris).contentType(ContentType.JSON).body("{\"reason\":\"Referred\"}")
                .when().post(r + "/withdrawal").then().statusCode(428);
        given().auth().oauth2(nora).contentType(ContentType.JSON).body("{\"uploadIds\":[\""
                        + java.util.UUID.randomUUID() + "\"],\"description\":\"x\",\"statementOfTruth\":"
                        + "{\"name\":\"Nora\",\"position\":\"DPO\"}}")
                .when().post(r + "/submissions").then().statusCode(428);
    }

    @Test
    void with_nothing_submitted_the_request_goes_overdue_exactly_once() throws Exception {
        String caseId = knownCase(false);
        String iris = RealPeers.tokenFor("iris.investigator");
        String requestId = issue(iris, caseId, "{\"dueInDays\": 1}");
        Instant due = Instant.parse(awaitView(iris, requestId).extract().path("request.dueAt"));

        MovableTime.moveTo(due.plusSeconds(30));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(iris).when().get("/requests/" + requestId).then().body("request.overdue",
                        equalTo(true)));
        given().auth().oauth2(iris).queryParam("overdue", true).when().get("/requests").then().statusCode(200)
                .body("requestId", hasItem(requestId));
        assertThat(eventsOf(requestId, "org.compliance.api.evidence.EvidenceRequestOverdue")).isEqualTo(1);
        assertThat(scheduledDeadlines(requestId)).isZero();
    }

    @Test
    void requests_are_refused_for_unknown_or_closed_cases_other_respondents_and_the_wrong_roles() {
        String open = knownCase(false);
        String closed = knownCase(true);
        String iris = RealPeers.tokenFor("iris.investigator");
        String body = "{\"caseId\":\"%s\",\"respondentOrganisationAlias\":\"%s\",\"items\":[\"Policies\"],"
                + "\"legalBasis\":\"UK GDPR Art. 58(1)(a)\"}";
        given().auth().oauth2(iris).contentType(ContentType.JSON).body(body.formatted(java.util.UUID.randomUUID(), "northwind-cloud"))
                .when().post("/requests").then().statusCode(422).body("detail", containsString("No case"));
        given().auth().oauth2(iris).contentType(ContentType.JSON).body(body.formatted(closed, "northwind-cloud"))
                .when().post("/requests").then().statusCode(422).body("detail", containsString("closed"));
        given().auth().oauth2(iris).contentType(ContentType.JSON).body(body.formatted(open, "contoso-models"))
                .when().post("/requests").then().statusCode(422).body("detail", containsString("not a respondent"));
        given().auth().oauth2(RealPeers.tokenFor("nora.northwind")).contentType(ContentType.JSON)
                .body(body.formatted(open, "northwind-cloud")).when().post("/requests").then().statusCode(403);
        given().auth().oauth2(RealPeers.tokenFor("ada.auditor")).contentType(ContentType.JSON)
                .body(body.formatted(open, "northwind-cloud")).when().post("/requests").then().statusCode(403);
        given().auth().oauth2(iris).contentType(ContentType.JSON).body("{\"caseId\":")
                .when().post("/requests").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(iris).contentType(ContentType.JSON).body("{\"caseId\":\"x\"}")
                .when().post("/requests").then().statusCode(422).body("errors.field", hasItem("items"))
                .body("errors.pointer", hasItem("/caseId"));
        given().when().get("/requests").then().statusCode(401);
    }

    @Test
    void an_upload_over_the_limit_is_refused_on_the_bytes_received_and_nothing_is_kept() throws Exception {
        String caseId = knownCase(false);
        String requestId = issue(RealPeers.tokenFor("iris.investigator"), caseId, "{}");
        awaitView(RealPeers.tokenFor("iris.investigator"), requestId);
        long blobsBefore = countFiles(Path.of("target", "evidence-blobs"));
        given().auth().oauth2(RealPeers.tokenFor("nora.northwind")).contentType("application/octet-stream")
                .queryParam("fileName", "too-big.bin")
                .body(new EvidenceApi.GeneratedBytes(262_144_000L + 1, 3))
                .when().post("/requests/" + requestId + "/uploads").then().statusCode(413);
        assertThat(countFiles(Path.of("target", "evidence-blobs"))).isEqualTo(blobsBefore);
    }

    private long scheduledDeadlines(String requestId) throws Exception {
        try (var c = dataSource.getConnection();
             var q = c.prepareStatement("SELECT count(*) FROM evidence_service.scheduled_tasks WHERE task_data::text "
                     + "LIKE ? OR encode(task_data, 'escape') LIKE ?")) {
            q.setString(1, "%" + requestId + "%");
            q.setString(2, "%" + requestId + "%");
            try (var row = q.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private long eventsOf(String requestId, String type) {
        try (var c = dataSource.getConnection();
             var q = c.prepareStatement("SELECT count(*) FROM event_store.domain_event_entry "
                     + "WHERE aggregate_identifier = ? AND payload_type = ?")) {
            q.setString(1, requestId);
            q.setString(2, type);
            try (var row = q.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

}
