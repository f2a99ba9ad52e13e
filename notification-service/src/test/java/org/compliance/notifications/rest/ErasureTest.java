package org.compliance.notifications.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.compliance.api.cases.Allegation;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.Complainant;
import org.compliance.api.cases.Confidentiality;
import org.compliance.api.cases.DataSubjectErased;
import org.compliance.api.cases.Priority;
import org.compliance.api.cases.Respondent;
import org.compliance.api.evidence.EvidenceRequestIssued;
import org.compliance.api.evidence.ExtensionRefused;
import org.compliance.api.shared.PersonalData;
import org.compliance.api.shared.StaffMember;
import org.compliance.notifications.application.Digests;
import org.compliance.notifications.peers.Mailbox;
import org.compliance.notifications.peers.WebhookReceiver;
import org.compliance.testing.RealPeers;
import org.junit.jupiter.api.Test;

/**
 * Erasing a data subject (decision 29) erases what notification-service kept of them: a person complainant is named
 * in an evidence request's items and in an extension's refusal; once she is erased, the inbox, the e-mail outbox (a
 * message sent, one held for the digest), the digest and the webhook payloads hold no trace of her name, in the API's
 * answers or in any text column of the schema, while notices that did not name her are as they were. The e-mail that
 * left before the erasure cannot be recalled.
 */
@QuarkusTest
@WithTestResource(RealPeers.class)
@WithTestResource(Mailbox.class)
class ErasureTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Instant DUE = Instant.parse("2026-12-07T23:59:59Z");
    private static final Map<String, AtomicLong> SEQUENCES = new java.util.concurrent.ConcurrentHashMap<>();

    @Inject
    EventStore eventStore;
    @Inject
    Digests digests;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void erasing_a_complainant_erases_every_notice_e_mail_digest_and_webhook_payload_naming_her() throws Exception {
        String iris = RealPeers.tokenFor("iris.investigator");
        String sam = RealPeers.tokenFor("sam.supervisor");
        String nora = RealPeers.tokenFor("nora.northwind");
        String caseId = "case-" + UUID.randomUUID();
        String title = "Retention of complaint records " + caseId.substring(5, 13);
        String naming = "req-" + UUID.randomUUID();
        String plain = "req-" + UUID.randomUUID();
        Complainant dana = new Complainant("C1", Complainant.Kind.PERSON, "Dana Whitlock", null).onCase(caseId);

        publish(caseId, new CaseOpened(caseId, title, "Fictional", "Information Commissioner's Office",
                List.of("UK GDPR"), Priority.HIGH, Confidentiality.STANDARD,
                List.of(new Respondent("northwind-cloud", "Northwind Cloud Ltd")), List.of(dana),
                List.of(new Allegation("A1", "UK GDPR Art. 5(1)(e)", "Kept too long", null, null)),
                staff(iris), Instant.parse("2026-11-02T09:30:00Z")));
        awaitInbox(iris, caseId, "CASE_ASSIGNED");

        // Nora's e-mail other than legal notices waits for her digest: a queued e-mail
        choose(nora, "{\"switchedOff\":[],\"dailyDigest\":true}");
        try (WebhookReceiver hooks = new WebhookReceiver()) {
            JsonNode endpoint = registerWebhook(nora, hooks.url());
            try {
                publish(naming, new EvidenceRequestIssued(naming, caseId, "northwind-cloud",
                        List.of("The recordings of Dana Whitlock's calls of March 2026", "Your retention schedule"),
                        "UK GDPR Art. 58(1)(a)", "Include Ms Whitlock's consent form", DUE, "Europe/London",
                        staff(iris), Instant.now()));
                publish(plain, new EvidenceRequestIssued(plain, caseId, "northwind-cloud",
                        List.of("Board minutes approving the retention policy"), "UK GDPR Art. 58(1)(a)", null, DUE,
                        "Europe/London", staff(iris), Instant.now()));
                publish(naming, new ExtensionRefused(naming, caseId, "Ms Whitlock's recordings exist already",
                        staff(sam)));
                awaitInbox(nora, caseId, "EXTENSION_REFUSED");
                await().atMost(WAIT).until(() -> hooks.callsOfType("evidence-request.issued").size() == 2);
                await().atMost(WAIT).until(() -> Mailbox.to("nora@northwind.example").stream()
                        .anyMatch(m -> textOf(m).contains("/requests/" + naming)));
                MimeMessage sent = Mailbox.to("nora@northwind.example").stream()
                        .filter(m -> textOf(m).contains("/requests/" + naming)).findFirst().orElseThrow();
                await().atMost(WAIT).until(() -> count("SELECT count(*) FROM notification_service.email_delivery "
                        + "WHERE case_id = '" + caseId + "' AND kind = 'REQUEST_ISSUED' AND status = 'SENT'") == 2);
                assertThat(count("SELECT count(*) FROM notification_service.email_delivery WHERE case_id = '"
                        + caseId + "' AND kind = 'EXTENSION_REFUSED' AND status = 'DIGEST'")).isEqualTo(1);
                assertThat(inboxText(nora, caseId)).contains("Whitlock");
                assertThat(columnsHolding("Whitlock")).as("before the erasure").isNotEmpty();
                List<Map<String, Object>> irisBefore = inbox(iris, caseId);
                Map<String, Object> plainBefore = notice(nora, plain);

                publish(caseId, new DataSubjectErased(caseId, "C1", dana.dataSubject(), "UK GDPR Art. 17",
                        staff(sam), Instant.now()));

                await().atMost(WAIT).untilAsserted(() -> assertThat(columnsHolding("Whitlock")).isEmpty());
                String answer = given().auth().oauth2(nora).when().get("/inbox?size=100").then().statusCode(200)
                        .extract().asString();
                assertThat(answer).doesNotContainIgnoringCase("Whitlock").contains(plain);
                Map<String, Object> erased = notice(nora, naming);
                assertThat(erased.get("body")).isEqualTo(PersonalData.ERASED);
                assertThat((String) erased.get("subject")).as("a subject that does not name her")
                        .startsWith("Evidence requested in the case \"" + title + "\"");
                assertThat(notice(nora, plain)).as("a notice not naming her").isEqualTo(plainBefore);
                assertThat(inbox(iris, caseId)).as("the lead's notices").isEqualTo(irisBefore);

                // the queued e-mail is erased before it goes: the digest made of it now holds no trace of her
                assertThat(digests.sendHeld()).isGreaterThanOrEqualTo(1);
                await().atMost(WAIT).until(() -> Mailbox.to("nora@northwind.example").stream()
                        .anyMatch(m -> subjectOf(m).contains("Your daily summary") && textOf(m).contains(title)));
                for (MimeMessage digest : Mailbox.to("nora@northwind.example")) {
                    if (subjectOf(digest).contains("Your daily summary")) {
                        assertThat(textOf(digest)).doesNotContainIgnoringCase("Whitlock");
                    }
                }
                // the webhook payloads as kept: the texts naming her erased, the rest of the document as it was
                for (String payload : payloads(endpoint)) {
                    JsonNode data = new ObjectMapper().readTree(payload).path("data");
                    assertThat(data.path("caseId").asText()).isEqualTo(caseId);
                    assertThat(data.path("body").asText()).isIn(PersonalData.ERASED, bodyOf(plainBefore));
                }
                // what left before the erasure cannot be recalled (docs/operations/personal-data.md)
                assertThat(textOf(sent)).contains("Whitlock");

                // a replayed erasure is harmless: the next event's notice comes, the others stay as they are
                publish(caseId, new DataSubjectErased(caseId, "C1", dana.dataSubject(), "UK GDPR Art. 17",
                        staff(sam), Instant.now()));
                String after = "req-" + UUID.randomUUID();
                publish(after, new EvidenceRequestIssued(after, caseId, "northwind-cloud", List.of("Audit logs"),
                        "UK GDPR Art. 58(1)(a)", null, DUE, "Europe/London", staff(iris), Instant.now()));
                await().atMost(WAIT).until(() -> inbox(nora, caseId).stream()
                        .anyMatch(n -> after.equals(n.get("requestId"))));
                assertThat(notice(nora, plain)).isEqualTo(plainBefore);
                assertThat(notice(nora, naming)).isEqualTo(erased);
                assertThat(columnsHolding("Whitlock")).isEmpty();
                assertThat(count("SELECT count(*) FROM notification_service.dead_letter_entry "
                        + "WHERE aggregate_identifier = '" + caseId + "'")).as("nothing parked").isZero();
            } finally {
                given().auth().oauth2(nora).when().delete("/organisations/northwind-cloud/webhooks/"
                        + endpoint.path("subscription").path("id").asText()).then().statusCode(204);
            }
        } finally {
            choose(nora, "{\"switchedOff\":[],\"dailyDigest\":false}");
        }
    }

    private static String bodyOf(Map<String, Object> notice) {
        return (String) notice.get("body");
    }

    /** "table.column" of every text column of notification-service's schema holding {@code word} in any row. */
    private List<String> columnsHolding(String word) throws Exception {
        List<String[]> columns = new ArrayList<>();
        try (var c = dataSource.getConnection(); var q = c.prepareStatement("""
                SELECT table_name, column_name, data_type FROM information_schema.columns
                WHERE table_schema = 'notification_service'
                  AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')""");
             var rows = q.executeQuery()) {
            while (rows.next()) {
                columns.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
            }
        }
        assertThat(columns).extracting(column -> column[0] + "." + column[1])
                .contains("inbox_notification.body", "email_delivery.html_body", "webhook_delivery.payload",
                        "case_title.title", "data_subject.name");
        List<String> holding = new ArrayList<>();
        for (String[] column : columns) {
            String text = column[2].equals("bytea") ? "encode(\"" + column[1] + "\", 'escape')"
                    : "\"" + column[1] + "\"::text";
            if (count("SELECT count(*) FROM notification_service.\"" + column[0] + "\" WHERE " + text
                    + " ILIKE '%" + word + "%'") > 0) {
                holding.add(column[0] + "." + column[1]);
            }
        }
        return holding;
    }

    private long count(String sql) throws Exception {
        try (var c = dataSource.getConnection(); var q = c.prepareStatement(sql); var rows = q.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private List<String> payloads(JsonNode endpoint) throws Exception {
        List<String> payloads = new ArrayList<>();
        try (var c = dataSource.getConnection(); var q = c.prepareStatement(
                "SELECT payload FROM notification_service.webhook_delivery WHERE subscription_id = ?::uuid")) {
            q.setString(1, endpoint.path("subscription").path("id").asText());
            try (var rows = q.executeQuery()) {
                while (rows.next()) {
                    payloads.add(rows.getString(1));
                }
            }
        }
        assertThat(payloads).as("two requests issued, a refusal").hasSize(3);
        return payloads;
    }

    private void publish(String aggregateId, Object event) {
        long sequence = SEQUENCES.computeIfAbsent(aggregateId, id -> new AtomicLong()).getAndIncrement();
        String type = aggregateId.startsWith("req-") ? "EvidenceRequest" : "InvestigationCase";
        eventStore.publish(new GenericDomainEventMessage<>(type, aggregateId, sequence, event));
    }

    private static List<Map<String, Object>> inbox(String token, String caseId) {
        List<Map<String, Object>> items = given().auth().oauth2(token).when().get("/inbox?size=100").then()
                .statusCode(200).extract().path("items");
        return items.stream().filter(i -> caseId.equals(i.get("caseId"))).toList();
    }

    /** The caller's notice of the request's issue, as the inbox answers it (read marks aside). */
    private static Map<String, Object> notice(String token, String requestId) {
        List<Map<String, Object>> items = given().auth().oauth2(token).when().get("/inbox?size=100").then()
                .statusCode(200).extract().path("items");
        return items.stream().filter(i -> requestId.equals(i.get("requestId")) && "REQUEST_ISSUED".equals(i.get("kind")))
                .findFirst().orElseThrow();
    }

    private static String inboxText(String token, String caseId) {
        return inbox(token, caseId).stream().map(i -> i.get("subject") + "\n" + i.get("body"))
                .reduce("", (a, b) -> a + "\n" + b);
    }

    private static void awaitInbox(String token, String caseId, String kind) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(inbox(token, caseId))
                .extracting(i -> i.get("kind")).contains(kind));
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text part of a message (the text of every part, for a multipart one). */
    private static String textOf(MimeMessage message) {
        try {
            return textOf((Object) message.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String textOf(Object content) throws Exception {
        if (content instanceof jakarta.mail.Multipart parts) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                text.append(textOf(parts.getBodyPart(i).getContent())).append('\n');
            }
            return text.toString();
        }
        return String.valueOf(content);
    }

    private static void choose(String token, String preferences) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(preferences).when().put("/me/preferences")
                .then().statusCode(200);
    }

    private static JsonNode registerWebhook(String token, String url) throws Exception {
        String body = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("url", url))
                .when().post("/organisations/northwind-cloud/webhooks").then().statusCode(201).extract().asString();
        return new ObjectMapper().readTree(body);
    }

    private static StaffMember staff(String token) {
        return new StaffMember(RealPeers.subjectOf(token), "Staff member");
    }
}
