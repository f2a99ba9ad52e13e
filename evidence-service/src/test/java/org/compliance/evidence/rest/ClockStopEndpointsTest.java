package org.compliance.evidence.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.compliance.evidence.rest.EvidenceApi.awaitView;
import static org.compliance.evidence.rest.EvidenceApi.etag;
import static org.compliance.evidence.rest.EvidenceApi.issue;
import static org.compliance.evidence.rest.EvidenceApi.knownCase;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.compliance.testing.RealPeers;
import org.junit.jupiter.api.Test;

/**
 * Stopping and restarting a request's clock through the API: staff only, If-Match, a public reason the company
 * sees, the deadlines gone from the store while stopped and back, moved by the time stopped, once restarted.
 */
@QuarkusTest
@WithTestResource(RealPeers.class)
class ClockStopEndpointsTest {

    private static final String REASON = "We owe Northwind an answer on whether the 2024 pipeline is in scope";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void staff_stop_and_restart_the_clock_and_the_due_moment_and_the_reminders_move_by_the_time_stopped()
            throws Exception {
        String iris = RealPeers.tokenFor("iris.investigator");
        String nora = RealPeers.tokenFor("nora.northwind");
        String caseId = knownCase(false);
        String requestId = issue(iris, caseId, "{\"dueInDays\": 10}");
        String r = "/requests/" + requestId;
        Instant due = Instant.parse(awaitView(iris, requestId).extract().path("request.dueAt"));
        assertThat(deadlineMoments(requestId)).containsExactly(due.minus(Duration.ofDays(7)),
                due.minus(Duration.ofDays(3)), due.minus(Duration.ofDays(1)), due);

        given().auth().oauth2(nora).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"reason\":\"" + REASON + "\"}").when().post(r + "/clock-stop").then().statusCode(403);
        given().auth().oauth2(RealPeers.tokenFor("ada.auditor")).header("If-Match", "\"0\"")
                .contentType(ContentType.JSON).body("{\"reason\":\"" + REASON + "\"}")
                .when().post(r + "/clock-stop").then().statusCode(403);
        given().auth().oauth2(iris).contentType(ContentType.JSON).body("{\"reason\":\"" + REASON + "\"}")
                .when().post(r + "/clock-stop").then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(iris).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"reason\":\" \"}").when().post(r + "/clock-stop").then().statusCode(422)
                .contentType("application/problem+json");
        given().auth().oauth2(iris).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"reason\":\"In scope?\\u0000\"}").when().post(r + "/clock-stop").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].pointer", equalTo("/reason"));
        given().auth().oauth2(iris).header("If-Match", "\"0\"").when().post(r + "/clock-restart").then()
                .statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("The clock is not stopped"));
        assertThat(eventsOf(requestId)).containsExactly("EvidenceRequestIssued");

        String version = given().auth().oauth2(iris).header("If-Match", etag(iris, requestId))
                .contentType(ContentType.JSON).body("{\"reason\":\"" + REASON + "\"}")
                .when().post(r + "/clock-stop").then().statusCode(200).header("ETag", "\"1\"")
                .header("Consistency-Position", notNullValue()).body("version", equalTo(1))
                .extract().header("ETag");
        assertThat(deadlineMoments(requestId)).as("no reminder or overdue deadline while stopped").isEmpty();
        given().auth().oauth2(iris).header("If-Match", version).contentType(ContentType.JSON)
                .body("{\"reason\":\"Again\"}").when().post(r + "/clock-stop").then().statusCode(409)
                .body("detail", containsString("already stopped"));
        given().auth().oauth2(RealPeers.tokenFor("colin.contoso")).when().get(r).then().statusCode(404);

        // the company sees the clock stopped, since when and why; the time left stands still
        JsonPath stopped = await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(nora).when()
                .get(r).then().statusCode(200).extract().jsonPath(), view -> view.get("request.clockStopped") != null);
        assertThat(stopped.getString("request.clockStopped.reason")).isEqualTo(REASON);
        assertThat(stopped.getString("request.clockStopped.stoppedBy.userId")).isNotBlank();
        Instant stoppedAt = Instant.parse(stopped.getString("request.clockStopped.stoppedAt"));
        long secondsLeft = stopped.getLong("secondsLeft");
        assertThat(secondsLeft).isEqualTo(Duration.between(stoppedAt, due).toSeconds());

        MovableTime.moveTo(MovableTime.now().plus(Duration.ofDays(2)));
        given().auth().oauth2(nora).when().get(r).then().statusCode(200).body("secondsLeft",
                equalTo((int) secondsLeft));
        given().auth().oauth2(nora).when().get("/requests?caseId=" + caseId).then().statusCode(200)
                .body("[0].requestId", equalTo(requestId)).body("[0].secondsLeft", equalTo((int) secondsLeft))
                .body("[0].clockStoppedAt", equalTo(stoppedAt.toString()));

        given().auth().oauth2(RealPeers.tokenFor("sam.supervisor")).header("If-Match", version)
                .when().post(r + "/clock-restart").then().statusCode(200).header("ETag", "\"2\"");
        JsonPath restarted = await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(nora).when()
                .get(r).then().statusCode(200).extract().jsonPath(), view -> view.get("request.clockStopped") == null);
        Instant restartedAt = Instant.parse(restarted.getString("request.clockStops[0].restartedAt"));
        Instant moved = due.plus(Duration.between(stoppedAt, restartedAt).truncatedTo(ChronoUnit.SECONDS));
        assertThat(Duration.between(stoppedAt, restartedAt)).isGreaterThanOrEqualTo(Duration.ofDays(2));
        assertThat(Instant.parse(restarted.getString("request.dueAt"))).isEqualTo(moved);
        assertThat(Instant.parse(restarted.getString("request.clockStops[0].newDueAt"))).isEqualTo(moved);
        assertThat(restarted.getString("request.clockStops[0].reason")).isEqualTo(REASON);
        assertThat(deadlineMoments(requestId)).as("the reminders still ahead and the overdue deadline, moved")
                .containsExactly(moved.minus(Duration.ofDays(7)), moved.minus(Duration.ofDays(3)),
                        moved.minus(Duration.ofDays(1)), moved);
        given().auth().oauth2(iris).header("If-Match", "\"2\"").when().post(r + "/clock-restart").then()
                .statusCode(409);
        assertThat(eventsOf(requestId)).containsExactly("EvidenceRequestIssued", "EvidenceClockStopped",
                "EvidenceClockRestarted");
        given().auth().oauth2(iris).when().get(r).then().body("request.clockStopped", nullValue());
    }

    /** When each of the request's deadlines is to run, as the durable scheduler holds them. */
    private List<Instant> deadlineMoments(String requestId) throws Exception {
        try (var c = dataSource.getConnection();
             var q = c.prepareStatement("SELECT execution_time FROM evidence_service.scheduled_tasks "
                     + "WHERE encode(task_data, 'escape') LIKE ? ORDER BY execution_time")) {
            q.setString(1, "%" + requestId + "%");
            List<Instant> moments = new ArrayList<>();
            try (var rows = q.executeQuery()) {
                while (rows.next()) {
                    moments.add(rows.getTimestamp(1).toInstant());
                }
            }
            return moments;
        }
    }

    private List<String> eventsOf(String requestId) throws Exception {
        try (var c = dataSource.getConnection();
             var q = c.prepareStatement("SELECT payload_type FROM event_store.domain_event_entry "
                     + "WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            q.setString(1, requestId);
            List<String> types = new ArrayList<>();
            try (var rows = q.executeQuery()) {
                while (rows.next()) {
                    types.add(rows.getString(1).substring(rows.getString(1).lastIndexOf('.') + 1));
                }
            }
            return types;
        }
    }
}
