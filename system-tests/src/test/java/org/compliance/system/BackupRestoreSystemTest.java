package org.compliance.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.compliance.testing.LocalKeycloak;
import org.compliance.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The backup and restore drill of docs/operations/backup-restore.md on a small store: a case, an evidence request, an
 * uploaded and submitted file and a signed checkpoint made through the APIs; {@code infra/ops/backup} while the suite
 * runs; the suite stopped; {@code infra/ops/restore} into a database and a blob directory never used before; the
 * suite started on them. The auditor's whole-store verification must pass with the same counts and the same
 * checkpoint, the case and the request read the same, and the file downloads with the same bytes.
 */
class BackupRestoreSystemTest {

    private static final String DATABASE = TestDatabase.named("compliance_test_backup");
    private static final String RESTORED = TestDatabase.named("compliance_test_restored");
    private static final Path DRILL = Path.of("target", "system", "backup-drill").toAbsolutePath();
    private static final Path BLOBS = DRILL.resolve("blobs");
    private static final Path BACKUP = DRILL.resolve("backup");
    private static final Path RESTORED_BLOBS = DRILL.resolve("restored-blobs");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Suite suite;
    private static LocalKeycloak keycloak;
    private static final List<ServiceProcess> restored = new ArrayList<>();

    @BeforeAll
    static void startTheSuite() throws IOException {
        deleteRecursively(DRILL);
        Files.createDirectories(DRILL);
        suite = Suite.start(DATABASE, Path.of("target", "system"),
                Map.of("compliance.evidence.blob-root", BLOBS.toString()), Map.of());
        keycloak = suite.keycloak;
    }

    @AfterAll
    static void stopTheSuite() {
        restored.forEach(ServiceProcess::close);
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void a_store_backed_up_while_running_and_restored_into_a_fresh_database_and_blob_store_verifies_whole()
            throws Exception {
        // --- a small store, made through the APIs
        String iris = keycloak.tokenFor("iris.investigator");
        String caseId = openCase(iris);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                status(iris, suite.evidence.url("/known-cases/" + caseId)) == 200);
        String requestId = issueRequest(iris, caseId);
        String nora = keycloak.tokenFor("nora.northwind");
        byte[] evidence = ("activity,purpose\nmodel training,product improvement\nbackup drill," + UUID.randomUUID()
                + "\n").getBytes(StandardCharsets.UTF_8);
        String uploadId = upload(nora, requestId, evidence);
        submit(nora, requestId, uploadId);
        JsonNode file = await().atMost(Duration.ofSeconds(60)).until(() -> getJson(nora,
                        suite.evidence.url("/requests/" + requestId)).path("request").path("submissions").path(0)
                .path("files").path(0), node -> !node.isMissingNode());
        assertThat(file.path("sha256").asText()).isEqualTo(sha256(evidence));
        // read before the checkpoint: a staff read of the case is itself an event of the store (decision 28)
        JsonNode caseBefore = getJson(iris, suite.cases.url("/cases/" + caseId));
        JsonNode requestBefore = withoutTimeLeft(getJson(iris, suite.evidence.url("/requests/" + requestId)));
        JsonNode checkpoint = checkpointOfEverything();

        String ada = keycloak.tokenFor("ada.auditor");
        JsonNode verified = getJson(ada, suite.audit.url("/audit/verification"));
        assertThat(verified.path("intact").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.path("checkpointMatches").asBoolean()).as(verified.toString()).isTrue();

        // --- backed up while the suite runs, then the suite stopped
        run("backup", Map.of("COMPLIANCE_DB_NAME", DATABASE, "COMPLIANCE_BLOB_ROOT", BLOBS.toString()),
                BACKUP.toString());
        Stream.of(suite.audit, suite.notifications, suite.evidence, suite.cases).forEach(ServiceProcess::close);
        Map<String, Long> counted = counts(DATABASE);

        // --- restored into a database and a blob directory never used before
        dropDatabase(RESTORED);
        Map<String, String> restoring = new HashMap<>(DemoSecrets.environment());
        restoring.put("COMPLIANCE_DB_NAME", RESTORED);
        restoring.put("COMPLIANCE_BLOB_ROOT", RESTORED_BLOBS.toString());
        run("restore", restoring, BACKUP.toString());
        assertThat(counts(RESTORED)).as("rows, events, aggregates and checkpoints restored").isEqualTo(counted);

        Map<String, String> again = new HashMap<>(restoring);
        again.put("COMPLIANCE_BLOB_ROOT", DRILL.resolve("unused-blobs").toString());
        assertThat(runExpectingRefusal(again, BACKUP.toString())).as("a second restore into the same database")
                .contains("database " + RESTORED + " is not empty");

        // --- the suite on the restored store
        startRestoredSuite();
        String auditor = keycloak.tokenFor("ada.auditor");
        JsonNode verifiedAfter = getJson(auditor, service("audit-service").url("/audit/verification"));
        assertThat(verifiedAfter.path("intact").asBoolean()).as(verifiedAfter.toString()).isTrue();
        assertThat(verifiedAfter.path("checkpointMatches").asBoolean()).as(verifiedAfter.toString()).isTrue();
        for (String count : List.of("aggregates", "events", "checkpointPosition")) {
            assertThat(verifiedAfter.path(count).asLong()).as(count).isEqualTo(verified.path(count).asLong());
        }
        assertThat(getJson(auditor, service("audit-service").url("/audit/checkpoints/latest")))
                .isEqualTo(checkpoint);
        assertThat(counts(RESTORED)).as("counts once the restored suite is up").isEqualTo(counted);

        String staff = keycloak.tokenFor("iris.investigator");
        assertThat(getJson(staff, service("case-service").url("/cases/" + caseId))).isEqualTo(caseBefore);
        assertThat(withoutTimeLeft(getJson(staff, service("evidence-service").url("/requests/" + requestId))))
                .isEqualTo(requestBefore);
        HttpResponse<byte[]> download = HTTP.send(HttpRequest.newBuilder(URI.create(service("evidence-service")
                        .url("/requests/" + requestId + "/files/" + file.path("fileId").asText())))
                .header("Authorization", "Bearer " + staff).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(evidence);
        assertThat(sha256(download.body())).isEqualTo(file.path("sha256").asText());
    }

    /** A checkpoint taken by the operator once it covers every stored event (events settle for a few seconds). */
    private static JsonNode checkpointOfEverything() throws Exception {
        long last = single(DATABASE, "SELECT max(global_index) FROM event_store.domain_event_entry");
        String otto = keycloak.tokenFor("otto.operator");
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            HttpResponse<String> taken = HTTP.send(HttpRequest.newBuilder(URI.create(suite.audit.url(
                            "/audit/checkpoints"))).header("Authorization", "Bearer " + otto)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
            return JSON.readTree(taken.body());
        }, taken -> taken.path("position").asLong() >= last);
    }

    private void startRestoredSuite() {
        Map<String, String> shared = Map.of("compliance.db.name", RESTORED,
                "quarkus.oidc.auth-server-url", keycloak.issuer());
        Map<String, String> evidence = new HashMap<>(shared);
        evidence.put("compliance.evidence.blob-root", RESTORED_BLOBS.toString());
        Map<String, String> notifications = new HashMap<>(shared);
        notifications.put("quarkus.mailer.host", "127.0.0.1");
        notifications.put("quarkus.mailer.port", String.valueOf(suite.smtp.getSmtp().getPort()));
        notifications.put("quarkus.mailer.start-tls", "DISABLED");
        restored.add(new ServiceProcess("case-service", LocalKeycloak.freePort(), shared));
        restored.add(new ServiceProcess("evidence-service", LocalKeycloak.freePort(), evidence));
        restored.add(new ServiceProcess("notification-service", LocalKeycloak.freePort(), notifications));
        restored.add(new ServiceProcess("audit-service", LocalKeycloak.freePort(), shared));
        restored.forEach(ServiceProcess::start);
        restored.forEach(ServiceProcess::awaitReady);
    }

    private static ServiceProcess service(String name) {
        String[] names = {"case-service", "evidence-service", "notification-service", "audit-service"};
        return restored.get(List.of(names).indexOf(name));
    }

    /** What must be equal before and after: events, aggregates and checkpoints, and every table's rows. */
    private static Map<String, Long> counts(String database) throws Exception {
        Map<String, Long> counts = new HashMap<>();
        counts.put("events", single(database, "SELECT count(*) FROM event_store.domain_event_entry"));
        counts.put("aggregates", single(database,
                "SELECT count(DISTINCT aggregate_identifier) FROM event_store.domain_event_entry"));
        counts.put("chain links", single(database, "SELECT count(*) FROM event_store.event_chain"));
        counts.put("checkpoints", single(database, "SELECT count(*) FROM audit_service.checkpoint"));
        counts.put("checkpoint leaves", single(database, "SELECT count(*) FROM audit_service.checkpoint_leaf"));
        counts.put("uploads", single(database, "SELECT count(*) FROM evidence_service.upload"));
        counts.put("cases", single(database, "SELECT count(*) FROM case_service.case_view"));
        return counts;
    }

    private static long single(String database, String sql) throws Exception {
        try (var connection = DriverManager.getConnection(TestDatabase.jdbcUrl(database), "postgres", "");
             var rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void dropDatabase(String name) throws Exception {
        try (var connection = DriverManager.getConnection(TestDatabase.jdbcUrl("postgres"), "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /** Runs infra/ops/{script} as an operator would, on the test PostgreSQL as its superuser; its output in a log. */
    private static void run(String script, Map<String, String> environment, String argument) throws Exception {
        Process process = start(script, environment, argument, DRILL.resolve(script + ".log"));
        assertThat(process.waitFor()).as("infra/ops/" + script + ", see " + DRILL.resolve(script + ".log"))
                .isZero();
    }

    private static String runExpectingRefusal(Map<String, String> environment, String argument) throws Exception {
        Path log = DRILL.resolve("restore-refused.log");
        Process process = start("restore", environment, argument, log);
        assertThat(process.waitFor()).isNotZero();
        return Files.readString(log);
    }

    private static Process start(String script, Map<String, String> environment, String argument, Path log)
            throws IOException {
        Path command = Path.of(System.getProperty("compliance.root"), "infra", "ops", script);
        ProcessBuilder builder = new ProcessBuilder(command.toString(), argument).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("PGHOST", TestDatabase.HOST);
        builder.environment().put("PGPORT", String.valueOf(TestDatabase.PORT));
        builder.environment().put("PGUSER", "postgres");
        return builder.start();
    }

    private static String openCase(String token) throws Exception {
        String body = JSON.writeValueAsString(Map.of(
                "title", "Case kept through a backup and a restore",
                "summary", "Customers' personal data used to train language models",
                "authority", "Information Commissioner's Office",
                "legalBases", List.of("UK GDPR"),
                "respondents", List.of(Map.of("organisationAlias", "northwind-cloud", "name", "Northwind Cloud Ltd")),
                "allegations", List.of(Map.of("legalBasis", "UK GDPR Art. 6(1)",
                        "description", "Customers' browsing and location data used without a lawful basis"))));
        return JSON.readTree(post(token, suite.cases.url("/cases"), "application/json", body, null, 201))
                .path("caseId").asText();
    }

    private static String issueRequest(String token, String caseId) throws Exception {
        String body = JSON.writeValueAsString(Map.of(
                "caseId", caseId,
                "respondentOrganisationAlias", "northwind-cloud",
                "items", List.of("Records of processing activities"),
                "legalBasis", "UK GDPR Art. 58(1)(a)"));
        String requestId = JSON.readTree(post(token, suite.evidence.url("/requests"), "application/json", body, null,
                201)).path("requestId").asText();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                status(keycloak.tokenFor("nora.northwind"), suite.evidence.url("/requests/" + requestId)) == 200);
        return requestId;
    }

    private static String upload(String token, String requestId, byte[] content) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(suite.evidence.url(
                        "/requests/" + requestId + "/uploads?fileName=processing-records.csv")))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path("uploadId").asText();
    }

    private static void submit(String token, String requestId, String uploadId) throws Exception {
        String url = suite.evidence.url("/requests/" + requestId);
        String version = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.discarding()).headers().firstValue("ETag").orElseThrow();
        post(token, url + "/submissions", "application/json", JSON.writeValueAsString(Map.of(
                "uploadIds", List.of(uploadId), "description", "Records of processing activities",
                "statementOfTruth", Map.of("name", "Nora Northwind", "position", "Data Protection Officer"))),
                version, 201);
    }

    private static String post(String token, String url, String type, String body, String ifMatch, int expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(expected);
        return response.body();
    }

    private static int status(String token, String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static JsonNode getJson(String token, String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** A request's view but for the time left until its due moment, which the service computes at each read. */
    private static JsonNode withoutTimeLeft(JsonNode view) {
        ((ObjectNode) view).remove(List.of("timeLeft", "secondsLeft"));
        return view;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Blob files are read-only; a directory of them still goes (the test runs as their owner). */
    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
