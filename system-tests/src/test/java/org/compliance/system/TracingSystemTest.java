package org.compliance.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.compliance.system.OtlpReceiver.ReceivedSpan;
import org.compliance.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One trace across services through an event: the packaged services export their spans over OTLP to a receiver in
 * this JVM, and a staff member's HTTP request to case-service, the command it sends, the event stored, the
 * notifier's handling of that event in notification-service and the e-mail it caused, sent later by the outbox
 * relay, are one trace, each span the child of the one before.
 */
class TracingSystemTest {

    private static final String DATABASE = TestDatabase.named("compliance_test_tracing");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TITLE = "Traced: location data sold to advertisers";

    private static OtlpReceiver collector;
    private static Suite suite;

    @BeforeAll
    static void startTheSuite() {
        collector = OtlpReceiver.start();
        suite = Suite.start(DATABASE, Path.of("target", "system", "tracing"), Map.of(
                        "quarkus.otel.sdk.disabled", "false",
                        "quarkus.otel.exporter.otlp.traces.endpoint", collector.endpoint(),
                        "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                        // sent within a fifth of a second rather than the default five
                        "quarkus.otel.bsp.schedule.delay", "200ms"),
                Map.of(), Map.of());
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
