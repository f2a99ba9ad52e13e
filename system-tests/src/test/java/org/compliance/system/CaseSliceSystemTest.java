package org.compliance.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.compliance.testing.LocalKeycloak;
import org.compliance.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The suite end to end, with the three packaged services as separate processes sharing one database (and so
 * one event store) and one Keycloak: a case opened on case-service becomes known to evidence-service and lands
 * in the lead investigator's inbox, and notification-service crashing in the middle of a burst loses nothing
 * and repeats nothing; an evidence deadline that passes while evidence-service is down fires exactly once
 * when it is back, and case-service reacts. Evidence-service reads its clock through an offset file
 * ({@code target/system/clock-offset}), so the test moves its time without waiting.
 */
class CaseSliceSystemTest {

    private static final String DATABASE = TestDatabase.named("compliance_test_system");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Path CLOCK_OFFSET = Path.of("target", "system", "clock-offset").toAbsolutePath();

    private static Suite suite;
    private static LocalKeycloak keycloak;
    private static GreenMail smtp;
    private static ServiceProcess cases;
    private static ServiceProcess evidence;
    private static ServiceProcess notifications;
    private static ServiceProcess audit;

    @BeforeAll
    static void startTheSuite() throws IOException {
        Files.createDirectories(CLOCK_OFFSET.getParent());
        Files.deleteIfExists(CLOCK_OFFSET);
        suite = Suite.start(DATABASE, Path.of("target", "system"), Map.of(
                        "compliance.clock.offset-file", CLOCK_OFFSET.toString(),
                        "compliance.axon.deadline-poll-interval", "500ms",
                        "compliance.evidence.blob-root", Path.of("target", "system", "blobs").toAbsolutePath().toString()),
                // a send cut off by the kill is declared UNKNOWN after this long (minutes in production)
                Map.of("compliance.notifications.claim-timeout", "5s"));
        keycloak = suite.keycloak;
        smtp = suite.smtp;
        cases = suite.cases;
        evidence = suite.evidence;
        notifications = suite.notifications;
        audit = suite.audit;
        // Iris opens the cases here and so leads them herself: she is told of that, her own action, because she
        // chose to be (every CaseOpened gives her one inbox notification, counted below)
        try {
            notifyOfOwnActions(keycloak.tokenFor("iris.investigator"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopTheSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    /**
     * Keycloak runs as in production (infra/README.md): kc.sh start, the realm imported into its own PostgreSQL
     * database, and the tokens it issues name the issuer the services are configured with.
     */
    @Test
    void keycloak_runs_in_production_mode_on_its_own_database_and_issues_what_the_services_expect() throws Exception {
        String token = keycloak.tokenFor("iris.investigator");
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(claims.path("iss").asText()).isEqualTo(keycloak.issuer())
                .matches("http://127\\.0\\.0\\.1:\\d+/realms/compliance");
        try (var connection = DriverManager.getConnection(TestDatabase.jdbcUrl(Suite.KEYCLOAK_DATABASE), "postgres", "");
             var realms = connection.createStatement().executeQuery("SELECT name FROM realm")) {
            List<String> names = new ArrayList<>();
            while (realms.next()) {
                names.add(realms.getString(1));
            }
            assertThat(names).contains("compliance");
        }
        assertThat(Files.readString(Suite.KEYCLOAK_LOG))
                .contains("Profile prod activated")
                .doesNotContain("Running the server in development mode");
        assertThat(getJson(token, notifications.url("/inbox")).has("items")).as("a service accepts the token").isTrue();
    }

    @Test
    void a_case_reaches_evidence_and_the_inbox_and_a_crash_of_notifications_loses_and_repeats_nothing()
            throws Exception {
        String iris = keycloak.tokenFor("iris.investigator");
        List<String> earlier = inboxCaseIds(iris);
        int unreadEarlier = getJson(iris, notifications.url("/inbox?size=100")).path("unread").asInt();

        String first = openCase(iris, "Personal data used to train language models");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode known = getJson(iris, evidence.url("/known-cases/" + first));
            assertThat(known.path("status").asText()).isEqualTo("OPEN");
            assertThat(known.path("respondents").get(0).asText()).isEqualTo("northwind-cloud");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(newer(inboxCaseIds(iris), earlier)).containsExactly(first));

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
                assertThat(newer(inboxCaseIds(iris), earlier)).containsExactlyInAnyOrderElementsOf(opened));
        assertThat(getJson(iris, notifications.url("/inbox?size=100")).path("unread").asInt())
                .isEqualTo(unreadEarlier + opened.size());
        assertThat(notificationsPerEvent()).as("inbox notifications per CaseOpened event").containsOnly(1);
        // E-mail is sent at most once: a delivery cut off by the kill is UNKNOWN, never sent again by itself
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(emailStatuses(opened))
                .as("e-mail deliveries of the opened cases").hasSize(opened.size())
                .allMatch(status -> status.equals("SENT") || status.equals("UNKNOWN")));
        for (String caseId : opened) {
            long received = Arrays.stream(smtp.getReceivedMessages())
                    .filter(m -> subjectOf(m).contains("\"" + TITLES.get(caseId) + "\"")).count();
            // SENT: it arrived once; UNKNOWN: the kill came during the send, so it arrived once or not at all
            if (emailStatuses(List.of(caseId)).contains("SENT")) {
                assertThat(received).as("e-mails received for case " + caseId).isEqualTo(1);
            } else {
                assertThat(received).as("e-mails received for case " + caseId + " (cut off by the kill)")
                        .isBetween(0L, 1L);
            }
        }
        assertThat(getJson(keycloak.tokenFor("ivan.investigator"), notifications.url("/inbox")).path("items"))
                .as("another investigator's inbox").isEmpty();
        for (String caseId : opened) {
            assertThat(getJson(iris, evidence.url("/known-cases/" + caseId)).path("status").asText())
                    .isEqualTo("OPEN");
        }
    }

    @Test
    void a_deadline_passing_while_evidence_service_is_down_fires_once_after_restart_and_the_case_reacts()
            throws Exception {
        String iris = keycloak.tokenFor("iris.investigator");
        String caseId = openCase(iris, "Evidence deadline passes while evidence-service is down");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(getJson(iris, evidence.url("/known-cases/" + caseId)).path("status").asText())
                        .isEqualTo("OPEN"));
        String requestId = issueRequest(iris, caseId, 2);
        Instant due = Instant.parse(getJson(iris, evidence.url("/requests/" + requestId))
                .path("request").path("dueAt").asText());
        assertThat(countRows(SCHEDULED_FOR_REQUEST, requestId)).as("the 1-day reminder and the overdue deadline")
                .isEqualTo(2);

        evidence.crash();
        Files.writeString(CLOCK_OFFSET, Duration.between(Instant.now(), due.plus(Duration.ofDays(1))).toString());
        evidence.start().awaitReady();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(countRows(SCHEDULED_FOR_REQUEST, requestId)).as("deadlines still to fire").isZero());
        assertThat(overdueDueMoments(requestId)).as("overdue events, by the due moment they carry")
                .containsExactly(due.toString());
        assertThat(countRows(EVENTS_OF_TYPE, requestId, "org.compliance.api.evidence.EvidenceDeadlineApproaching"))
                .as("a reminder whose moment passed with the due moment").isZero();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                getJson(iris, cases.url("/cases/" + caseId)).path("overdueEvidence").findValuesAsText("requestId"))
                .containsExactly(requestId));

        submitLateEvidence(keycloak.tokenFor("nora.northwind"), requestId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(getJson(iris, cases.url("/cases/" + caseId)).path("overdueEvidence")).isEmpty());

        // the auditor sees the whole story across services, and that it is intact
        String ada = keycloak.tokenFor("ada.auditor");
        List<String> types = getJson(ada, audit.url("/audit/cases/" + caseId + "/history")).path("items")
                .findValuesAsText("type");
        assertThat(types).containsSubsequence("CaseOpened", "EvidenceRequestIssued", "EvidenceRequestOverdue",
                "CaseAwaitingOverdueEvidence", "EvidenceSubmitted", "CaseOverdueEvidenceResolved");
        assertThat(getJson(ada, audit.url("/audit/cases/" + caseId + "/verification")).path("intact").asBoolean())
                .isTrue();
    }

    /**
     * Auditors only read: every state-changing operation that any service documents in its OpenAPI refuses
     * the auditor. Left out: the auditor's own inbox marks and notification preferences, which change
     * nothing of a case's record, and the receipt check, a POST that only reads.
     */
    @Test
    void every_state_changing_endpoint_of_every_service_refuses_the_auditor() throws Exception {
        String ada = keycloak.tokenFor("ada.auditor");
        List<String> checked = new ArrayList<>();
        for (ServiceProcess service : List.of(cases, evidence, notifications, audit)) {
            JsonNode paths = getJson(ada, service.url("/q/openapi?format=json")).path("paths");
            for (var path : (Iterable<Map.Entry<String, JsonNode>>) paths::fields) {
                if (path.getKey().startsWith("/inbox") || path.getKey().startsWith("/me/")
                        || path.getKey().equals("/receipts/verification")) {
                    continue;
                }
                for (String method : List.of("post", "put", "patch", "delete")) {
                    if (!path.getValue().has(method)) {
                        continue;
                    }
                    String url = service.url(path.getKey().replaceAll("\\{[^}]+}", "x"));
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", "Bearer " + ada).header("Content-Type", "application/json")
                            .header("If-Match", "\"0\"")
                            .method(method.toUpperCase(), HttpRequest.BodyPublishers.ofString("{}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).as(method.toUpperCase() + " " + url + ": " + response.body())
                            .isEqualTo(403);
                    checked.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        assertThat(checked).as("state-changing operations checked").hasSizeGreaterThan(20)
                .contains("POST /cases", "POST /requests/{requestId}/acceptance",
                        "POST /organisations/{organisation}/webhooks");
    }

    private static final String SCHEDULED_FOR_REQUEST = "SELECT count(*) FROM evidence_service.scheduled_tasks "
            + "WHERE encode(task_data, 'escape') LIKE '%' || ? || '%'";
    private static final String EVENTS_OF_TYPE = "SELECT count(*) FROM event_store.domain_event_entry "
            + "WHERE aggregate_identifier = ? AND payload_type = ?";

    private static String issueRequest(String token, String caseId, int days) throws Exception {
        String body = JSON.writeValueAsString(Map.of(
                "caseId", caseId,
                "respondentOrganisationAlias", "northwind-cloud",
                "items", List.of("Records of processing activities"),
                "legalBasis", "UK GDPR Art. 58(1)(a)",
                "dueInDays", days));
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

    private static void submitLateEvidence(String token, String requestId) throws Exception {
        HttpResponse<String> upload = HTTP.send(HttpRequest.newBuilder(URI.create(
                        evidence.url("/requests/" + requestId + "/uploads?fileName=ropa.csv")))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("activity,purpose\nmodel training,product improvement\n"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        String submission = JSON.writeValueAsString(Map.of(
                "uploadIds", List.of(JSON.readTree(upload.body()).path("uploadId").asText()),
                "description", "Records of processing activities, late",
                "statementOfTruth", Map.of("name", "Nora Northwind", "position", "Data Protection Officer")));
        // a submission names the version read (If-Match): the request's view once it shows the request overdue
        HttpResponse<String> read = await().atMost(Duration.ofSeconds(30)).until(() -> HTTP.send(
                HttpRequest.newBuilder(URI.create(evidence.url("/requests/" + requestId)))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()),
                answer -> answer.statusCode() == 200 && answer.body().contains("\"overdue\":true"));
        HttpResponse<String> receipt = HTTP.send(HttpRequest.newBuilder(URI.create(
                        evidence.url("/requests/" + requestId + "/submissions")))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("If-Match", read.headers().firstValue("ETag").orElseThrow())
                .POST(HttpRequest.BodyPublishers.ofString(submission)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(201);
        assertThat(JSON.readTree(receipt.body()).path("receipt").path("late").asBoolean()).isTrue();
    }

    private static long countRows(String sql, String... parameters) throws Exception {
        try (var connection = DriverManager.getConnection(TestDatabase.jdbcUrl(DATABASE), "postgres", "");
             var query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static List<String> overdueDueMoments(String requestId) throws Exception {
        try (var connection = DriverManager.getConnection(TestDatabase.jdbcUrl(DATABASE), "postgres", "");
             var query = connection.prepareStatement("""
                     SELECT convert_from(payload, 'UTF8')::jsonb ->> 'dueAt' FROM event_store.domain_event_entry
                     WHERE aggregate_identifier = ? AND payload_type = 'org.compliance.api.evidence.EvidenceRequestOverdue'
                     """)) {
            query.setString(1, requestId);
            List<String> moments = new ArrayList<>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    moments.add(rows.getString(1));
                }
            }
            return moments;
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
        String caseId = JSON.readTree(response.body()).path("caseId").asText();
        TITLES.put(caseId, title);
        return caseId;
    }

    /** Notices name a case by its title: what each case opened here was called. */
    private static final Map<String, String> TITLES = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Issue 22 part 4, done when: a subject erased after the hold is lifted reads as erased everywhere while the whole
     * store still verifies. "Everywhere" is read from every service's API and from a dump of the whole database,
     * in which neither the name's text nor its UTF-8 bytes (as a bytea column dumps them) may appear.
     */
    @Test
    void a_complainant_erased_after_the_hold_is_lifted_reads_erased_everywhere_and_the_whole_store_verifies()
            throws Exception {
        String iris = keycloak.tokenFor("iris.investigator");
        String sam = keycloak.tokenFor("sam.supervisor");
        String ada = keycloak.tokenFor("ada.auditor");
        String surname = "Quillfeather";
        String caseId = send(iris, "POST", cases.url("/cases"), null, JSON.writeValueAsString(Map.of(
                "title", "Voice recordings kept after deletion requests",
                "summary", "Rowena " + surname + " says her recordings were kept after she asked for them to be deleted",
                "authority", "Information Commissioner's Office",
                "legalBases", List.of("UK GDPR"),
                "respondents", List.of(Map.of("organisationAlias", "northwind-cloud", "name", "Northwind Cloud Ltd")),
                "complainants", List.of(Map.of("kind", "PERSON", "name", "Rowena " + surname)),
                "allegations", List.of(Map.of("legalBasis", "UK GDPR Art. 17",
                        "description", "Erasure refused to Ms " + surname)))), 201).path("caseId").asText();
        TITLES.put(caseId, "Voice recordings kept after deletion requests");
        String complainantId = await().atMost(Duration.ofSeconds(30)).until(
                () -> readCase(iris, caseId), page -> page != null).path("complainants").get(0).path("complainantId")
                .asText();
        send(iris, "POST", cases.url("/cases/" + caseId + "/notes"), "0", "{\"text\":\"Called " + surname + "\"}", 200);
        send(sam, "POST", cases.url("/cases/" + caseId + "/legal-hold"), "1", "{\"reason\":\"Judicial review\"}", 200);
        String erasure = cases.url("/cases/" + caseId + "/complainants/" + complainantId + "/erasure");
        send(sam, "POST", erasure, "2", "{\"reason\":\"UK GDPR Art. 17\"}", 409);
        send(sam, "POST", cases.url("/cases/" + caseId + "/legal-hold/lifting"), "2", "{\"reason\":\"Dismissed\"}", 200);
        send(sam, "POST", erasure, "3", "{\"reason\":\"UK GDPR Art. 17\"}", 200);
        // Iris leads the case, so she is told of its opening (the other tests count her inbox): wait for it here
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxCaseIds(iris).contains(caseId));

        assertThat(readCase(iris, caseId).toString()).doesNotContain(surname).contains("[erased]");
        assertThat(getJson(iris, cases.url("/cases/" + caseId + "/notes")).toString()).doesNotContain(surname);
        assertThat(getJson(iris, cases.url("/cases?q=" + surname)).path("items")).isEmpty();
        String history = getJson(ada, audit.url("/audit/cases/" + caseId + "/history")).toString();
        assertThat(history).doesNotContain(surname).contains("[erased]").contains("DataSubjectErased");
        assertThat(getJson(ada, audit.url("/audit/cases/" + caseId + "/state")).toString()).doesNotContain(surname);
        assertThat(getJson(ada, audit.url("/audit/verification")).path("intact").asBoolean())
                .as("the whole store verifies").isTrue();
        assertThat(getJson(iris, notifications.url("/inbox?size=100")).toString()).doesNotContain(surname);
        String dump = databaseDump();
        assertThat(dump).as("the whole database, as pg_dump writes it").doesNotContainIgnoringCase(surname)
                .doesNotContain(java.util.HexFormat.of().formatHex(surname.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode readCase(String token, String caseId) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(cases.url("/cases/" + caseId)))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    private static JsonNode send(String token, String method, String url, String ifMatch, String body, int status)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", "\"" + ifMatch + "\"");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + url + ": " + response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    /** The suite's whole database as text, as pg_dump writes it (bytea as hex). */
    private static String databaseDump() throws Exception {
        Process dump = new ProcessBuilder("pg_dump", "--data-only", "-h", "127.0.0.1", "-U", "postgres", DATABASE)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = dump.getInputStream().readAllBytes();
        assertThat(dump.waitFor()).as("pg_dump").isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    private static void notifyOfOwnActions(String token) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(notifications.url("/me/preferences")))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"switchedOff\":[],\"dailyDigest\":false,\"notifyOfOwnActions\":true}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static List<String> newer(List<String> inbox, List<String> earlier) {
        return inbox.stream().filter(caseId -> !earlier.contains(caseId)).toList();
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

    private static List<String> emailStatuses(List<String> caseIds) throws Exception {
        try (var connection = DriverManager.getConnection(TestDatabase.jdbcUrl(DATABASE), "postgres", "");
             var query = connection.prepareStatement("SELECT status FROM notification_service.email_delivery "
                     + "WHERE kind = 'CASE_ASSIGNED' AND case_id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("varchar", caseIds.toArray()));
            List<String> statuses = new ArrayList<>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    statuses.add(rows.getString(1));
                }
            }
            return statuses;
        }
    }

    private static String subjectOf(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
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
