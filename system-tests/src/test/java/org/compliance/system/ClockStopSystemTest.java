package org.compliance.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.compliance.testing.LocalKeycloak;
import org.compliance.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A request's clock stopped and restarted with the packaged evidence-service killed and started in between: the
 * durable deadlines (db-scheduler's table) hold nothing of the request while its clock is stopped, and after the
 * restart of the clock they hold the overdue deadline at the due moment moved by exactly the time stopped and the
 * reminders moved as much; after another restart of the service the first of them fires at its moved moment. The
 * test moves evidence-service's clock through its offset file and waits on what the system states (the request's
 * view, the deadline table, the event store), never on time.
 */
class ClockStopSystemTest {

    private static final String DATABASE = TestDatabase.named("compliance_test_clock_stop");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CLOCK_OFFSET = Path.of("target", "system", "clock-stop-offset").toAbsolutePath();
    private static final String REASON = "The company asked whether the 2024 pipeline is in scope; we owe the answer";

    private static Suite suite;
    private static LocalKeycloak keycloak;
    private static ServiceProcess cases;
    private static ServiceProcess evidence;

    @BeforeAll
    static void startTheSuite() throws IOException {
        Files.createDirectories(CLOCK_OFFSET.getParent());
        Files.deleteIfExists(CLOCK_OFFSET);
        suite = Suite.start(DATABASE, Path.of("target", "system"), Map.of(
                        "compliance.clock.offset-file", CLOCK_OFFSET.toString(),
                        "compliance.axon.deadline-poll-interval", "500ms",
                        "compliance.evidence.blob-root",
                        Path.of("target", "system", "clock-stop-blobs").toAbsolutePath().toString()),
                Map.of());
        keycloak = suite.keycloak;
        cases = suite.cases;
        evidence = suite.evidence;
    }

    @AfterAll
    static void stopTheSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void a_stopped_and_restarted_clock_moves_the_due_moment_and_the_reminders_across_restarts_of_evidence_service()
            throws Exception {
        String iris = keycloak.tokenFor("iris.investigator");
        String caseId = openCase(iris);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(getJson(iris, evidence.url("/known-cases/" + caseId)).path("status").asText())
                        .isEqualTo("OPEN"));
        String requestId = issueRequest(iris, caseId);
        String r = evidence.url("/requests/" + requestId);
        Instant due = Instant.parse(getJson(iris, r).path("request").path("dueAt").asText());
        assertThat(deadlineMoments(requestId)).as("reminders 7, 3 and 1 day(s) before, and the due moment")
                .containsExactly(due.minus(Duration.ofDays(7)), due.minus(Duration.ofDays(3)),
                        due.minus(Duration.ofDays(1)), due);

        change(iris, r + "/clock-stop", "{\"reason\":\"" + REASON + "\"}");
        assertThat(deadlineMoments(requestId)).as("deadlines while the clock is stopped").isEmpty();
        JsonNode stopped = awaitView(iris, r, view -> !absent(view.path("request").path("clockStopped")));
        Instant stoppedAt = Instant.parse(stopped.path("request").path("clockStopped").path("stoppedAt").asText());

        // evidence-service goes down with the clock stopped and comes back three days (its time) later
        evidence.crash();
        Files.writeString(CLOCK_OFFSET, Duration.ofDays(3).toString());
        evidence.start().awaitReady();

        // tokens afresh: a start can take minutes on a busy machine
        String staff = keycloak.tokenFor("iris.investigator");
        String nora = keycloak.tokenFor("nora.northwind");
        JsonNode seenByTheCompany = getJson(nora, r).path("request");
        assertThat(seenByTheCompany.path("clockStopped").path("reason").asText()).isEqualTo(REASON);
        assertThat(Instant.parse(seenByTheCompany.path("dueAt").asText())).isEqualTo(due);
        assertThat(deadlineMoments(requestId)).as("deadlines after the restart, the clock still stopped").isEmpty();

        change(staff, r + "/clock-restart", null);
        JsonNode restarted = awaitView(staff, r, view -> absent(view.path("request").path("clockStopped")))
                .path("request");
        Instant restartedAt = Instant.parse(restarted.path("clockStops").get(0).path("restartedAt").asText());
        Duration stoppedFor = Duration.between(stoppedAt, restartedAt).truncatedTo(ChronoUnit.SECONDS);
        assertThat(stoppedFor).isGreaterThanOrEqualTo(Duration.ofDays(3));
        Instant moved = due.plus(stoppedFor);
        assertThat(Instant.parse(restarted.path("dueAt").asText())).isEqualTo(moved);
        assertThat(deadlineMoments(requestId)).as("the deadlines, each moved by the time stopped")
                .containsExactly(moved.minus(Duration.ofDays(7)), moved.minus(Duration.ofDays(3)),
                        moved.minus(Duration.ofDays(1)), moved);
        assertThat(eventsOf(requestId, "EvidenceDeadlineApproaching")).as("no reminder went out meanwhile").isEmpty();

        // down once more; back an hour after the moved 7-day reminder's moment: it fires for the moved due moment
        evidence.crash();
        Instant serviceTime = moved.minus(Duration.ofDays(7)).plus(Duration.ofHours(1));
        Files.writeString(CLOCK_OFFSET, Duration.between(Instant.now(), serviceTime).toString());
        evidence.start().awaitReady();
        String company = keycloak.tokenFor("nora.northwind");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(eventsOf(requestId, "EvidenceDeadlineApproaching")).as("reminders recorded")
                        .containsExactly(moved + "/7"));
        // db-scheduler removes a task it ran once the run is complete, just after the event is stored
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(deadlineMoments(requestId)).as("the deadlines still ahead")
                        .containsExactly(moved.minus(Duration.ofDays(3)), moved.minus(Duration.ofDays(1)), moved));
        assertThat(eventsOf(requestId, "EvidenceRequestOverdue")).isEmpty();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(getJson(company, r).path("request").path("remindersSent").toString()).isEqualTo("[7]"));
    }

    /** When each of the request's deadlines is to run, as db-scheduler's table holds them. */
    private static List<Instant> deadlineMoments(String requestId) throws Exception {
        try (var connection = DriverManager.getConnection(TestDatabase.jdbcUrl(DATABASE), "postgres", "");
             var query = connection.prepareStatement("SELECT execution_time FROM evidence_service.scheduled_tasks "
                     + "WHERE encode(task_data, 'escape') LIKE '%' || ? || '%' ORDER BY execution_time")) {
            query.setString(1, requestId);
            List<Instant> moments = new ArrayList<>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    moments.add(rows.getTimestamp(1).toInstant());
                }
            }
            return moments;
        }
    }

    /** The request's events of one type, each as the due moment it carries and, for a reminder, "/days". */
    private static List<String> eventsOf(String requestId, String type) throws Exception {
        try (var connection = DriverManager.getConnection(TestDatabase.jdbcUrl(DATABASE), "postgres", "");
             var query = connection.prepareStatement("""
                     SELECT convert_from(payload, 'UTF8')::jsonb ->> 'dueAt',
                            convert_from(payload, 'UTF8')::jsonb ->> 'daysBefore'
                     FROM event_store.domain_event_entry
                     WHERE aggregate_identifier = ? AND payload_type = ? ORDER BY sequence_number""")) {
            query.setString(1, requestId);
            query.setString(2, "org.compliance.api.evidence." + type);
            List<String> found = new ArrayList<>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1) + (rows.getString(2) == null ? "" : "/" + rows.getString(2)));
                }
            }
            return found;
        }
    }

    /** A change with the ETag of the request as last read (If-Match); answers once accepted (200). */
    private static void change(String token, String url, String body) throws Exception {
        String requestUrl = url.substring(0, url.lastIndexOf('/'));
        HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(URI.create(requestUrl))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        HttpRequest.Builder change = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("If-Match", read.headers().firstValue("ETag").orElseThrow());
        if (body != null) {
            change.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        } else {
            change.POST(HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> answer = HTTP.send(change.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(url + ": " + answer.body()).isEqualTo(200);
    }

    private static boolean absent(JsonNode node) {
        return node.isMissingNode() || node.isNull();
    }

    private static JsonNode awaitView(String token, String url, java.util.function.Predicate<JsonNode> shows) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> getJson(token, url), shows);
    }

    private static String issueRequest(String token, String caseId) throws Exception {
        String body = JSON.writeValueAsString(Map.of(
                "caseId", caseId,
                "respondentOrganisationAlias", "northwind-cloud",
                "items", List.of("Records of processing activities"),
                "legalBasis", "UK GDPR Art. 58(1)(a)",
                "dueInDays", 10));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(evidence.url("/requests")))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String requestId = JSON.readTree(response.body()).path("requestId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> HTTP.send(HttpRequest.newBuilder(
                        URI.create(evidence.url("/requests/" + requestId))).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        return requestId;
    }

    private static String openCase(String token) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of(
                "title", "Evidence request whose clock is stopped",
                "summary", "Customers' personal data used to train language models",
                "authority", "Information Commissioner's Office",
                "legalBases", List.of("UK GDPR"),
                "respondents", List.of(Map.of("organisationAlias", "northwind-cloud", "name", "Northwind Cloud Ltd")),
                "allegations", List.of(Map.of("legalBasis", "UK GDPR Art. 6(1)",
                        "description", "Customers' browsing and location data used without a lawful basis"))));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(cases.url("/cases")))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path("caseId").asText();
    }

    private static JsonNode getJson(String token, String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
