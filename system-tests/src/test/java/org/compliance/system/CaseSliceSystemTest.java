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
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.compliance.testing.LocalKeycloak;
import org.compliance.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The foundation's slice end to end, with the three packaged services as separate processes sharing one
 * database (and so one event store) and one Keycloak: a case opened on case-service becomes known to
 * evidence-service and lands in the lead investigator's inbox, and notification-service crashing in the
 * middle of a burst loses nothing and repeats nothing.
 */
class CaseSliceSystemTest {

    private static final String DATABASE = "compliance_test_system";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalKeycloak keycloak;
    private static ServiceProcess cases;
    private static ServiceProcess evidence;
    private static ServiceProcess notifications;

    @BeforeAll
    static void startTheSuite() {
        TestDatabase.recreate(DATABASE);
        keycloak = LocalKeycloak.start(Path.of("target", "system", "keycloak.log"));
        Map<String, String> shared = Map.of(
                "compliance.db.name", DATABASE,
                "quarkus.oidc.auth-server-url", keycloak.issuer());
        // Started at the same moment on purpose: their migrations of the shared event store must not collide.
        cases = new ServiceProcess("case-service", LocalKeycloak.freePort(), shared).start();
        evidence = new ServiceProcess("evidence-service", LocalKeycloak.freePort(), shared).start();
        notifications = new ServiceProcess("notification-service", LocalKeycloak.freePort(), shared).start();
        Stream.of(cases, evidence, notifications).forEach(ServiceProcess::awaitReady);
    }

    @AfterAll
    static void stopTheSuite() {
        Stream.of(notifications, evidence, cases).filter(p -> p != null).forEach(ServiceProcess::close);
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void a_case_reaches_evidence_and_the_inbox_and_a_crash_of_notifications_loses_and_repeats_nothing()
            throws Exception {
        String iris = keycloak.tokenFor("iris.investigator");

        String first = openCase(iris, "Personal data used to train language models");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode known = getJson(iris, evidence.url("/known-cases/" + first));
            assertThat(known.path("status").asText()).isEqualTo("OPEN");
            assertThat(known.path("respondents").get(0).asText()).isEqualTo("northwind-cloud");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(inboxCaseIds(iris)).containsExactly(first));

        List<String> opened = new ArrayList<>(List.of(first));
        for (int i = 0; i < 5; i++) {
            opened.add(openCase(iris, "Burst before the crash #" + i));
        }
        notifications.crash();
        for (int i = 0; i < 5; i++) {
            opened.add(openCase(iris, "Opened while notifications are down #" + i));
        }
        notifications.start().awaitReady();

        // Claims of the killed process expire before the new one takes the segments over.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(inboxCaseIds(iris)).containsExactlyInAnyOrderElementsOf(opened));
        assertThat(getJson(iris, notifications.url("/inbox?size=100")).path("unread").asInt()).isEqualTo(opened.size());
        assertThat(notificationsPerEvent()).as("inbox notifications per CaseOpened event").containsOnly(1);
        assertThat(getJson(keycloak.tokenFor("ivan.investigator"), notifications.url("/inbox")).path("items"))
                .as("another investigator's inbox").isEmpty();
        for (String caseId : opened) {
            assertThat(getJson(iris, evidence.url("/known-cases/" + caseId)).path("status").asText())
                    .isEqualTo("OPEN");
        }
    }

    private static String openCase(String token, String title) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of(
                "title", title,
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

    private static List<String> inboxCaseIds(String token) throws IOException, InterruptedException {
        JsonNode items = getJson(token, notifications.url("/inbox?size=100")).path("items");
        return StreamSupport.stream(items.spliterator(), false).map(item -> item.path("caseId").asText()).toList();
    }

    private static JsonNode getJson(String token, String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** How many inbox notifications each CaseOpened event in the store produced, read from PostgreSQL itself. */
    private static List<Integer> notificationsPerEvent() throws Exception {
        try (var connection = DriverManager.getConnection(TestDatabase.jdbcUrl(DATABASE), "postgres", "");
             var query = connection.prepareStatement("""
                     SELECT count(n.id) FROM event_store.domain_event_entry e
                     LEFT JOIN notification_service.inbox_notification n ON n.event_id = e.event_identifier
                     WHERE e.payload_type = 'org.compliance.api.cases.CaseOpened'
                     GROUP BY e.event_identifier""");
             var rows = query.executeQuery()) {
            List<Integer> counts = new ArrayList<>();
            while (rows.next()) {
                counts.add(rows.getInt(1));
            }
            return counts;
        }
    }
}
