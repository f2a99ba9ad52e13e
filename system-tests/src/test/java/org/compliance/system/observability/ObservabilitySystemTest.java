package org.compliance.system.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.compliance.system.OtlpReceiver;
import org.compliance.system.OtlpReceiver.ReceivedSpan;
import org.compliance.system.ServiceProcess;
import org.compliance.system.Suite;
import org.compliance.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard and the alerts in {@code deploy/observability} name only what the running services export: the
 * packaged services are started, a case is opened (so that Axon's per-message meters exist), every service's
 * {@code /q/metrics} is scraped, and each metric named by a PromQL expression of the dashboard or the rules must be
 * exported by some service, with every label its selectors match on (and the exact values they ask for) and every
 * label it is aggregated by. In the same suite, one trace across services through an event: a staff member's HTTP
 * request to case-service, the command it sends, the event stored, the notifier's handling of that event in
 * notification-service and the e-mail it caused, sent later by the outbox relay, are one trace, each span the child
 * of the one before.
 */
class ObservabilitySystemTest {

    private static final Path OBSERVABILITY = Path.of(System.getProperty("compliance.root", ".."), "deploy",
            "observability").toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Duration WAIT = Duration.ofMinutes(1);

    private static final String DATABASE = TestDatabase.named("compliance_test_observability");

    private static OtlpReceiver collector;
    private static Suite suite;

    /** One suite for both: its services export their spans over OTLP to a receiver in this JVM. */
    @BeforeAll
    static void startTheSuite() {
        collector = OtlpReceiver.start();
        suite = Suite.start(DATABASE, Path.of("target", "observability"), Map.of(
                        "quarkus.otel.sdk.disabled", "false",
                        "quarkus.otel.exporter.otlp.traces.endpoint", collector.endpoint(),
                        "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                        // sent within a fifth of a second rather than the default five
                        "quarkus.otel.bsp.schedule.delay", "200ms"),
                Map.of("compliance.evidence.blob-root",
                        Path.of("target", "observability", "blobs").toAbsolutePath().toString()),
                Map.of());
    }

    @AfterAll
    static void stopTheSuite() {
        if (suite != null) {
            suite.close();
        }
        if (collector != null) {
            collector.close();
        }
    }

    @Test
    void every_metric_the_dashboard_and_the_alerts_name_is_exported_by_a_running_service() throws Exception {
        Map<String, PromQl> queries = new LinkedHashMap<>();
        dashboardExpressions().forEach((where, expr) -> queries.put(where, PromQl.parse(expr)));
        ruleExpressions().forEach((where, expr) -> queries.put(where, PromQl.parse(expr)));
        assertThat(queries).as("expressions in %s", OBSERVABILITY).hasSizeGreaterThan(10);
        assertThat(queries.values().stream().flatMap(q -> q.metrics().stream()).toList())
                .as("the alerts and panels the issue asks for").contains("compliance_processor_lag_events",
                        "compliance_dead_letters", "compliance_deadlines", "notifications_deliveries",
                        "eventProcessor_latency");

        openCase(suite.keycloak.tokenFor("iris.investigator"));

        // Axon's meters per processor and event type appear once an event has been handled: wait for them.
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Map<String, List<Map<String, String>>> exported = scrapeAll();
            List<String> missing = new ArrayList<>();
            queries.forEach((where, query) -> missing.addAll(problems(where, query, exported)));
            assertThat(missing).as("named in %s but not exported as named", OBSERVABILITY).isEmpty();
        });
    }

    /** What {@code query} names that {@code exported} lacks: metrics, labels of selectors (and exact values), by-labels. */
    static List<String> problems(String where, PromQl query, Map<String, List<Map<String, String>>> exported) {
        List<String> problems = new ArrayList<>();
        Set<String> labelsOfItsMetrics = new TreeSet<>();
        for (String metric : query.metrics()) {
            List<Map<String, String>> series = exported.get(metric);
            if (series == null) {
                problems.add(where + ": metric " + metric);
                continue;
            }
            series.forEach(labels -> labelsOfItsMetrics.addAll(labels.keySet()));
        }
        for (PromQl.Matcher_ matcher : query.matchers()) {
            List<Map<String, String>> series = exported.getOrDefault(matcher.metric(), List.of());
            boolean found = series.stream().anyMatch(labels -> labels.containsKey(matcher.label())
                    && (!matcher.op().equals("=") || matcher.value().equals(labels.get(matcher.label()))));
            if (!found) {
                problems.add(where + ": " + matcher.metric() + "{" + matcher.label() + matcher.op() + "\""
                        + matcher.value() + "\"}");
            }
        }
        query.groupedBy().stream().filter(label -> !labelsOfItsMetrics.contains(label))
                .forEach(label -> problems.add(where + ": by (" + label + ") of " + query.metrics()));
        return problems;
    }

    /** Every service's series, together: a metric counts as exported when any service exports it. */
    private static Map<String, List<Map<String, String>>> scrapeAll() throws IOException, InterruptedException {
        Map<String, List<Map<String, String>>> all = new HashMap<>();
        for (ServiceProcess service : List.of(suite.cases, suite.evidence, suite.notifications, suite.audit)) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(service.url("/q/metrics")))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            PromQl.series(response.body()).forEach((name, series) ->
                    all.computeIfAbsent(name, k -> new ArrayList<>()).addAll(series));
        }
        return all;
    }

    private static Map<String, String> dashboardExpressions() throws IOException {
        Map<String, String> expressions = new LinkedHashMap<>();
        JsonNode dashboard = JSON.readTree(OBSERVABILITY.resolve("grafana-dashboard.json").toFile());
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.put("dashboard panel '" + panel.path("title").asText() + "' "
                        + target.path("refId").asText(), target.path("expr").asText());
            }
            assertThat(panel.path("panels")).as("panels nested in row '%s' are not read", panel.path("title"))
                    .isEmpty();
        }
        return expressions;
    }

    private static Map<String, String> ruleExpressions() throws IOException {
        Map<String, String> expressions = new LinkedHashMap<>();
        JsonNode rules = YAML.readTree(OBSERVABILITY.resolve("prometheus-rules.yaml").toFile());
        for (JsonNode group : rules.path("spec").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String name = rule.has("alert") ? rule.path("alert").asText() : rule.path("record").asText();
                assertThat(rule.path("expr").asText()).as("expr of %s", name).isNotBlank();
                expressions.put("alert " + name, rule.path("expr").asText());
            }
        }
        return expressions;
    }

    private static void openCase(String token) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of(
                "title", "Observed case",
                "summary", "Opened so that the processors handle an event",
                "authority", "Information Commissioner's Office",
                "legalBases", List.of("UK GDPR"),
                "respondents", List.of(Map.of("organisationAlias", "northwind-cloud", "name", "Northwind Cloud Ltd")),
                "allegations", List.of(Map.of("legalBasis", "UK GDPR Art. 6(1)",
                        "description", "Personal data used without a lawful basis"))));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(suite.cases.url("/cases")))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static final String TITLE = "Traced: location data sold to advertisers";


    @Test
    void a_trace_runs_from_an_http_request_in_one_service_through_an_event_to_an_email_sent_by_another()
            throws Exception {
        String iris = suite.keycloak.tokenFor("iris.investigator");
        // Iris opens the case and leads it: she is e-mailed of it only because she asks to be told of her own actions
        send(iris, "PUT", suite.notifications.url("/me/preferences"),
                "{\"switchedOff\":[],\"dailyDigest\":false,\"notifyOfOwnActions\":true}", 200);
        String caseId = JSON.readTree(send(iris, "POST", suite.cases.url("/cases"), openCase(), 201))
                .path("caseId").asText();

        String deliveryId = await().atMost(Duration.ofSeconds(60)).until(() -> sentEmail(caseId), Optional::isPresent)
                .orElseThrow();
        assertThat(Arrays.stream(suite.smtp.getReceivedMessages()).filter(message -> subject(message).contains(TITLE)))
                .as("the e-mail arrived").hasSize(1);

        ReceivedSpan email = await().atMost(Duration.ofSeconds(30)).until(() -> collector.spans().stream()
                .filter(span -> deliveryId.equals(span.attributes().get("compliance.delivery_id"))).findFirst(),
                Optional::isPresent).orElseThrow();
        // the whole chain up to the request's root span has arrived (each service exports on its own schedule)
        List<ReceivedSpan> chain = await().atMost(Duration.ofSeconds(30)).until(() -> ancestry(email),
                spans -> spans.getLast().isRoot());

        assertThat(email.service()).isEqualTo("notification-service");
        assertThat(email.name()).isEqualTo("send e-mail");
        assertThat(email.kind()).isEqualTo("CLIENT");
        assertThat(chain).as("every span of the chain").extracting(ReceivedSpan::traceId).containsOnly(email.traceId());

        ReceivedSpan handling = chain.stream().filter(span -> span.name().equals("handle CaseOpened")
                && span.service().equals("notification-service")).findFirst().orElseThrow(() ->
                new AssertionError("no notifier span in " + chain));
        assertThat(handling.kind()).isEqualTo("CONSUMER");
        assertThat(handling.attributes()).containsEntry("axon.processing_group", "notifier")
                .containsEntry("axon.aggregate_id", caseId).containsKey("axon.global_position");
        assertThat(chain.get(1)).as("the e-mail's parent").isEqualTo(handling);

        ReceivedSpan request = chain.getLast();
        assertThat(request.service()).isEqualTo("case-service");
        assertThat(request.kind()).isEqualTo("SERVER");
        assertThat(request.name()).isEqualTo("POST /cases");
        assertThat(chain).extracting(span -> span.service() + ": " + span.name())
                .containsSubsequence("notification-service: send e-mail", "notification-service: handle CaseOpened",
                        "case-service: handle OpenCase", "case-service: POST /cases");
    }

    /** The span and its parents, up to the root or to the first parent that has not arrived yet. */
    private static List<ReceivedSpan> ancestry(ReceivedSpan span) {
        List<ReceivedSpan> chain = new ArrayList<>(List.of(span));
        while (!chain.getLast().isRoot()) {
            Optional<ReceivedSpan> parent = collector.span(chain.getLast().parentSpanId());
            if (parent.isEmpty()) {
                break;
            }
            chain.add(parent.get());
        }
        return chain;
    }

    private static Optional<String> sentEmail(String caseId) throws Exception {
        try (var connection = DriverManager.getConnection(TestDatabase.jdbcUrl(DATABASE), "postgres", "");
             var query = connection.prepareStatement("SELECT id FROM notification_service.email_delivery "
                     + "WHERE kind = 'CASE_ASSIGNED' AND case_id = ? AND status = 'SENT'")) {
            query.setString(1, caseId);
            try (var rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    private static String openCase() throws Exception {
        return JSON.writeValueAsString(Map.of(
                "title", TITLE,
                "summary", "A company's customers' location data sold to advertisers",
                "authority", "Information Commissioner's Office",
                "legalBases", List.of("UK GDPR"),
                "respondents", List.of(Map.of("organisationAlias", "northwind-cloud", "name", "Northwind Cloud Ltd")),
                "allegations", List.of(Map.of("legalBasis", "UK GDPR Art. 6(1)",
                        "description", "Location data shared without a lawful basis"))));
    }

    private static String send(String token, String method, String url, String body, int expected)
            throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + url + ": " + response.body()).isEqualTo(expected);
        return response.body();
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
