package org.compliance.notifications.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.compliance.api.cases.Allegation;
import org.compliance.api.cases.CaseClosed;
import org.compliance.api.cases.CaseReferred;
import org.compliance.api.cases.DecisionIssued;
import org.compliance.api.cases.DecisionKind;
import org.compliance.api.cases.MonetaryPenalty;
import org.compliance.api.cases.Referral;
import org.compliance.api.cases.RespondentAdded;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.Confidentiality;
import org.compliance.api.cases.Priority;
import org.compliance.api.cases.Respondent;
import org.compliance.api.cases.TeamMemberAdded;
import org.compliance.api.evidence.EvidenceClockRestarted;
import org.compliance.api.evidence.EvidenceClockStopped;
import org.compliance.api.evidence.EvidenceDeadlineApproaching;
import org.compliance.api.evidence.EvidenceRequestIssued;
import org.compliance.api.evidence.EvidenceRequestOverdue;
import org.compliance.api.evidence.ExtensionGranted;
import org.compliance.api.evidence.ExtensionRefused;
import org.compliance.api.evidence.ExtensionRequested;
import org.compliance.api.shared.CompanyUser;
import org.compliance.api.shared.StaffMember;
import org.compliance.notifications.application.Digests;
import org.compliance.notifications.domain.WebhookSignature;
import org.compliance.notifications.peers.Mailbox;
import org.compliance.notifications.peers.StandardWebhooks;
import org.compliance.notifications.peers.WebhookReceiver;
import org.compliance.platform.messaging.EventMetadata;
import org.compliance.testing.RealPeers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The brief's stories through notification-service with real peers: Keycloak resolves the people, GreenMail
 * receives the e-mail, an HTTP server in this JVM receives the webhooks, an SSE client the live inbox.
 */
@QuarkusTest
@WithTestResource(RealPeers.class)
@WithTestResource(Mailbox.class)
class NotificationStoriesTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Instant DUE = Instant.parse("2026-12-07T23:59:59Z");
    /** The next sequence number of each aggregate: events of one aggregate are numbered 0, 1, 2, ... */
    private static final Map<String, AtomicLong> SEQUENCES = new java.util.concurrent.ConcurrentHashMap<>();

    @Inject
    EventStore eventStore;
    @Inject
    Digests digests;
    @Inject
    AgroalDataSource dataSource;

    private String iris;
    private String sam;
    private String nora;
    private String colin;
    private String caseId;
    private String title;
    private String requestId;

    @BeforeEach
    void aCaseWithItsLead() throws Exception {
        iris = RealPeers.tokenFor("iris.investigator");
        sam = RealPeers.tokenFor("sam.supervisor");
        nora = RealPeers.tokenFor("nora.northwind");
        colin = RealPeers.tokenFor("colin.contoso");
        caseId = "case-" + UUID.randomUUID();
        title = "Training data retention " + caseId.substring(5, 13);
        requestId = "req-" + UUID.randomUUID();
        publish("InvestigationCase", caseId, new CaseOpened(caseId, title, "Fictional",
                "Information Commissioner's Office", List.of("UK GDPR"), Priority.HIGH, Confidentiality.STANDARD,
                List.of(new Respondent("northwind-cloud", "Northwind Cloud Ltd")), List.of(),
                List.of(new Allegation("A1", "UK GDPR Art. 5(1)(e)", "Kept too long", null, null)),
                staff(iris), Instant.parse("2026-11-02T09:30:00Z")));
        awaitInbox(iris, caseId, "CASE_ASSIGNED");
    }

    @Test
    void an_issued_request_reaches_the_respondent_by_inbox_e_mail_and_webhook_and_the_investigator_gets_a_copy()
            throws Exception {
        // the copy is of Iris's own action: she is sent it because she chose to be told of her own actions
        choose(iris, "{\"switchedOff\":[],\"dailyDigest\":false,\"notifyOfOwnActions\":true}");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonNode endpoint = registerWebhook(nora, "northwind-cloud", receiver.url());
            String secret = endpoint.path("secret").asText();
            try {

            issueRequest();

            awaitInbox(nora, caseId, "REQUEST_ISSUED");
            awaitInbox(iris, caseId, "REQUEST_ISSUED");
            assertThat(inboxKinds(colin, caseId)).as("another company").isEmpty();
            assertThat(inboxKinds(sam, caseId)).as("a supervisor not on the case").isEmpty();

            MimeMessage mail = awaitMail("nora@northwind.example", "Evidence requested in the case \"" + title + "\"");
            assertThat(mail.getSubject()).startsWith("[Formal notice] [HIGH] ")
                    .endsWith(", due 23:59 GMT on 7 December 2026");
            String text = textOf(mail);
            assertThat(text).contains("Records of processing", "UK GDPR Art. 58(1)(a)",
                    "Northwind Cloud Ltd is required to produce", "23:59 GMT on 7 December 2026",
                    "Case: " + title, "http://127.0.0.1:8080/requests/" + requestId);
            awaitMail("iris.investigator@regulator.example", "Evidence requested in the case \"" + title + "\"");

            await().atMost(WAIT).until(() -> !receiver.callsOfType("evidence-request.issued").isEmpty());
            WebhookReceiver.Call call = receiver.callsOfType("evidence-request.issued").getFirst();
            assertThat(secret).matches("whsec_[A-Za-z0-9+/]{43}=");
            assertThat(Long.parseLong(call.timestamp())).isCloseTo(Instant.now().getEpochSecond(),
                    org.assertj.core.data.Offset.offset(60L));
            assertThat(WebhookSignature.verify(secret, call.deliveryId(), call.timestamp(), call.signature(),
                    call.body())).isTrue();
            assertThat(WebhookSignature.verify(secret, call.deliveryId(), call.timestamp(), call.signature(),
                    call.body().replace(caseId, "x"))).isFalse();
            // as a company would check it, with the specification's reference library
            assertThat(StandardWebhooks.verifies(secret, call)).as("verified by standardwebhooks").isTrue();
            WebhookReceiver.Call tampered = new WebhookReceiver.Call(call.deliveryId(), call.timestamp(),
                    call.signature(), call.type(), call.body().replace(caseId, "x"));
            assertThat(StandardWebhooks.verifies(secret, tampered)).as("a tampered body").isFalse();
            JsonNode delivered = new ObjectMapper().readTree(call.body());
            assertThat(delivered.path("id").asText()).isEqualTo(call.deliveryId());
            assertThat(delivered.path("data").path("requestId").asText()).isEqualTo(requestId);
            assertThat(delivered.path("organisation").asText()).isEqualTo("northwind-cloud");
            assertThat(delivered.path("data").path("organisationName").asText()).isEqualTo("Northwind Cloud Ltd");
            assertThat(delivered.path("data").path("caseTitle").asText()).isEqualTo(title);
            assertThat(delivered.path("data").path("subject").asText()).isEqualTo("Evidence requested in the case \""
                    + title + "\", due 23:59 GMT on 7 December 2026");
            } finally {
                removeWebhook(endpoint);
            }
        } finally {
            choose(iris, "{\"switchedOff\":[],\"dailyDigest\":false}");
        }
    }

    @Test
    void staff_are_not_told_of_their_own_actions_unless_they_choose_to_be() {
        String samId = RealPeers.subjectOf(sam);
        // Sam adds himself to the team: his own action, nobody to tell
        publishBy(samId, caseId, new TeamMemberAdded(caseId, staff(sam)));
        // Iris issues a request: Northwind is told, Iris (the issuer) is not
        issueRequest();
        awaitInbox(nora, caseId, "REQUEST_ISSUED");
        assertThat(inboxKinds(iris, caseId)).as("the issuer's own request").doesNotContain("REQUEST_ISSUED");
        assertThat(inboxKinds(sam, caseId)).as("Sam's own assignment").isEmpty();

        choose(sam, "{\"switchedOff\":[],\"dailyDigest\":false,\"notifyOfOwnActions\":true}");
        try {
            given().auth().oauth2(sam).when().get("/me/preferences").then().statusCode(200)
                    .body("notifyOfOwnActions", equalTo(true));
            publishBy(samId, caseId, new CaseClosed(caseId, "Sam's internal note", null));
            awaitInbox(sam, caseId, "CASE_CLOSED");
            // Iris, on the team and not the actor, is told either way
            awaitInbox(iris, caseId, "CASE_CLOSED");
        } finally {
            choose(sam, "{\"switchedOff\":[],\"dailyDigest\":false}");
        }
    }

    /** Internal words of the two-company case below: staff may read them, no company ever does. */
    private static final List<String> INTERNAL = List.of("NW-INTERNAL", "CM-INTERNAL", "REFERRAL-INTERNAL",
            "CLOSING-INTERNAL", "CMA-REF-77");
    /** What concerns Northwind only: its penalty, turnover, cap, reasons and name. */
    private static final List<String> NORTHWIND_ONLY = List.of("1,250,000", "1250000", "987,654,321", "987654321",
            "39,506,172", "39506172", "monetary penalty", "trained models without consent", "Northwind");
    /** What concerns Contoso only. */
    private static final List<String> CONTOSO_ONLY = List.of("reprimand", "pre-ticked", "Contoso");

    @Test
    void on_a_case_against_two_companies_each_is_told_only_its_own_decision_in_public_words_on_every_channel()
            throws Exception {
        publish("InvestigationCase", caseId, new RespondentAdded(caseId,
                new Respondent("contoso-models", "Contoso Models plc")));
        // Colin's e-mail other than legal notices waits for his digest: the digest is a channel too
        choose(colin, "{\"switchedOff\":[],\"dailyDigest\":true}");
        try (WebhookReceiver northwindHooks = new WebhookReceiver();
             WebhookReceiver contosoHooks = new WebhookReceiver()) {
            JsonNode northwindEndpoint = registerWebhook(nora, "northwind-cloud", northwindHooks.url());
            JsonNode contosoEndpoint = registerWebhook(colin, "contoso-models", contosoHooks.url());
            try {
                publish("InvestigationCase", caseId, new DecisionIssued(caseId, DecisionKind.MONETARY_PENALTY,
                        "The company trained models without consent", null, new MonetaryPenalty(
                        new BigDecimal("1250000"), "GBP", new BigDecimal("987654321"), new BigDecimal("39506172.84")),
                        staff(sam), Instant.now(), "northwind-cloud", "NW-INTERNAL: the board ignored two warnings"));
                publish("InvestigationCase", caseId, new DecisionIssued(caseId, DecisionKind.REPRIMAND,
                        "Consent boxes were pre-ticked", null, null, staff(sam), Instant.now(), "contoso-models",
                        "CM-INTERNAL: cooperative, a first breach"));
                publish("InvestigationCase", caseId, new CaseReferred(caseId, new Referral(
                        "Competition and Markets Authority", "CMA-REF-77", "REFERRAL-INTERNAL: out of our depth",
                        "The conduct is for the competition authority")));
                publish("InvestigationCase", caseId, new CaseClosed(caseId, "CLOSING-INTERNAL: nothing more to do",
                        "Every respondent has its decision"));

                awaitInbox(nora, caseId, "CASE_CLOSED");
                awaitInbox(colin, caseId, "CASE_CLOSED");
                awaitInbox(iris, caseId, "CASE_CLOSED");
                assertThat(inboxText(iris, caseId)).as("staff read the internal words").contains("NW-INTERNAL",
                        "CM-INTERNAL", "REFERRAL-INTERNAL", "CLOSING-INTERNAL", "CMA-REF-77");

                // inbox
                assertThat(inboxKinds(nora, caseId)).containsOnlyOnce("DECISION_ISSUED");
                assertThat(inboxKinds(colin, caseId)).containsOnlyOnce("DECISION_ISSUED");
                assertThat(inboxText(nora, caseId)).as("Northwind's inbox")
                        .contains("a monetary penalty of GBP 1,250,000.00",
                                "The company trained models without consent",
                                "The conduct is for the competition authority", "Every respondent has its decision")
                        .satisfies(text -> assertNoneOf(text, INTERNAL, CONTOSO_ONLY));
                assertThat(inboxText(colin, caseId)).as("Contoso's inbox")
                        .contains("a reprimand", "Consent boxes were pre-ticked", "Every respondent has its decision")
                        .satisfies(text -> assertNoneOf(text, INTERNAL, NORTHWIND_ONLY));

                // e-mail: Northwind's at once, Contoso's decision at once and the rest in its digest
                awaitMail("nora@northwind.example", "Decision in the case \"" + title + "\"");
                awaitMail("nora@northwind.example", "The case \"" + title + "\" was closed");
                awaitMail("colin@contoso.example", "Decision in the case \"" + title + "\"");
                assertThat(emailStatuses(caseId, "CASE_CLOSED")).contains("DIGEST");
                assertThat(digests.sendHeld()).isGreaterThanOrEqualTo(1);
                MimeMessage digest = awaitDigest("colin@contoso.example");
                assertThat(textOf(digest)).contains("The case \"" + title + "\" was closed");
                assertThat(mailText("nora@northwind.example")).as("Northwind's e-mail")
                        .contains("a monetary penalty of GBP 1,250,000.00", "Every respondent has its decision")
                        .satisfies(text -> assertNoneOf(text, INTERNAL, CONTOSO_ONLY));
                assertThat(mailText("colin@contoso.example")).as("Contoso's e-mail")
                        .contains("a reprimand").satisfies(text -> assertNoneOf(text, INTERNAL, NORTHWIND_ONLY));

                // webhooks
                for (WebhookReceiver hooks : List.of(northwindHooks, contosoHooks)) {
                    await().atMost(WAIT).until(() -> hooks.callsOfType("case.closed").size() == 1
                            && hooks.callsOfType("case.referred").size() == 1
                            && hooks.callsOfType("case.decision-issued").size() == 1);
                }
                assertThat(webhookText(northwindHooks, northwindEndpoint)).as("Northwind's webhooks")
                        .contains("a monetary penalty of GBP 1,250,000.00", "Northwind Cloud Ltd")
                        .satisfies(text -> assertNoneOf(text, INTERNAL, CONTOSO_ONLY));
                assertThat(webhookText(contosoHooks, contosoEndpoint)).as("Contoso's webhooks")
                        .contains("a reprimand", "Contoso Models plc")
                        .satisfies(text -> assertNoneOf(text, INTERNAL, NORTHWIND_ONLY));
            } finally {
                removeWebhook(northwindEndpoint);
                removeWebhook(contosoEndpoint);
            }
        } finally {
            choose(colin, "{\"switchedOff\":[],\"dailyDigest\":false}");
        }
    }

    @Test
    void overdue_evidence_is_told_to_the_lead_investigator_and_the_supervisors_and_extensions_go_both_ways() {
        issueRequest();
        publish("EvidenceRequest", requestId, new ExtensionRequested(requestId, caseId, "Archive offline",
                new CompanyUser(RealPeers.subjectOf(nora), "Nora Northwind", "northwind-cloud"), Instant.now()));
        awaitInbox(iris, caseId, "EXTENSION_REQUESTED");
        awaitInbox(sam, caseId, "EXTENSION_REQUESTED");
        publish("EvidenceRequest", requestId, new ExtensionGranted(requestId, caseId, DUE,
                DUE.plus(Duration.ofDays(7)), staff(sam)));
        awaitInbox(nora, caseId, "EXTENSION_GRANTED");

        publish("EvidenceRequest", requestId, new EvidenceRequestOverdue(requestId, caseId, "northwind-cloud",
                DUE.plus(Duration.ofDays(7))));
        awaitInbox(iris, caseId, "REQUEST_OVERDUE");
        awaitInbox(sam, caseId, "REQUEST_OVERDUE");
        awaitMail("sam.supervisor@regulator.example", "Evidence overdue from Northwind Cloud Ltd (case \"" + title
                + "\")");
        assertThat(inboxKinds(nora, caseId)).doesNotContain("REQUEST_OVERDUE", "EXTENSION_REQUESTED");
    }

    @Test
    void a_stopped_and_restarted_clock_is_told_to_the_respondent_and_the_team_but_not_to_whoever_did_it()
            throws Exception {
        issueRequest();
        awaitInbox(nora, caseId, "REQUEST_ISSUED");
        publish("EvidenceRequest", requestId, new EvidenceClockStopped(requestId, caseId,
                "Awaiting our answer to your question", staff(sam), DUE.minus(Duration.ofDays(5))));
        awaitInbox(nora, caseId, "CLOCK_STOPPED");
        awaitInbox(iris, caseId, "CLOCK_STOPPED");
        assertThat(textOf(awaitMail("nora@northwind.example", "Clock stopped on an evidence request (case \""
                + title + "\")"))).contains("Reason: Awaiting our answer to your question").doesNotContain("Sam");

        // Iris, the lead, restarts it: Northwind is told the new due moment, Iris is not told of her own action
        publish("EvidenceRequest", requestId, new EvidenceClockRestarted(requestId, caseId,
                DUE.minus(Duration.ofDays(5)), DUE.minus(Duration.ofDays(2)), Duration.ofDays(3).plusHours(4), DUE,
                DUE.plus(Duration.ofDays(3).plusHours(4)), staff(iris)));
        awaitInbox(nora, caseId, "CLOCK_RESTARTED");
        MimeMessage mail = awaitMail("nora@northwind.example",
                "Clock restarted: evidence now due 03:59 GMT on 11 December 2026");
        assertThat(mail.getSubject()).startsWith("[HIGH] ");
        assertThat(textOf(mail)).contains("It was stopped for 3 days 4 hours", "(was 23:59 GMT on 7 December 2026)");
        assertThat(inboxKinds(iris, caseId)).as("Iris's own restart").doesNotContain("CLOCK_RESTARTED");
        assertThat(inboxKinds(sam, caseId)).as("Sam stopped it and is not on the team").isEmpty();
    }

    @Test
    void preferences_switch_channels_off_except_for_legal_notices_and_hold_e_mail_for_the_daily_digest()
            throws Exception {
        given().auth().oauth2(nora).contentType(ContentType.JSON)
                .body("{\"switchedOff\":[{\"kind\":\"REQUEST_ISSUED\",\"channel\":\"EMAIL\"}],\"dailyDigest\":false}")
                .when().put("/me/preferences").then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(nora).contentType(ContentType.JSON)
                .body("{\"switchedOff\":[{\"kind\":\"DEADLINE_APPROACHING\",\"channel\":\"EMAIL\"}],"
                        + "\"dailyDigest\":true}")
                .when().put("/me/preferences").then().statusCode(200)
                .body("switchedOff[0].kind", equalTo("DEADLINE_APPROACHING"))
                .body("legalNotices", hasItem("DECISION_ISSUED"));
        try {
            issueRequest();
            publish("EvidenceRequest", requestId, new EvidenceDeadlineApproaching(requestId, caseId,
                    "northwind-cloud", DUE, 3));
            publish("EvidenceRequest", requestId, new ExtensionRefused(requestId, caseId, "No reason to extend",
                    staff(sam)));
            awaitInbox(nora, caseId, "EXTENSION_REFUSED");
            awaitInbox(nora, caseId, "DEADLINE_APPROACHING");
            awaitMail("nora@northwind.example", "Evidence requested in the case \"" + title + "\"");
            assertThat(emailStatuses(caseId, "DEADLINE_APPROACHING")).as("switched off").isEmpty();
            assertThat(emailStatuses(caseId, "EXTENSION_REFUSED")).as("held for the digest").containsExactly("DIGEST");

            assertThat(digests.sendHeld()).isGreaterThanOrEqualTo(1);
            MimeMessage digest = awaitDigest("nora@northwind.example");
            assertThat(textOf(digest)).contains("Extension refused (case \"" + title + "\")");
            assertThat(emailStatuses(caseId, "EXTENSION_REFUSED")).containsExactly("DIGESTED");
        } finally {
            given().auth().oauth2(nora).contentType(ContentType.JSON)
                    .body("{\"switchedOff\":[],\"dailyDigest\":false}").when().put("/me/preferences")
                    .then().statusCode(200);
        }
    }

    @Test
    void a_failing_endpoint_is_retried_then_dead_lettered_and_can_be_redelivered_with_the_same_id() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answerWith(500);
            JsonNode endpoint = registerWebhook(nora, "northwind-cloud", receiver.url());
            try {
            issueRequest();

            await().atMost(WAIT).until(() -> receiver.callsOfType("evidence-request.issued").size() == 3);
            List<WebhookReceiver.Call> attempts = receiver.callsOfType("evidence-request.issued");
            await().atMost(WAIT).untilAsserted(() -> assertThat(given().auth().oauth2(nora)
                    .when().get("/organisations/northwind-cloud/webhooks/deliveries?status=DEAD").then()
                    .statusCode(200).extract().<List<String>>path("id")).contains(attempts.getFirst().deliveryId()));
            assertThat(attempts).hasSize(3).extracting(WebhookReceiver.Call::deliveryId).containsOnly(
                    attempts.getFirst().deliveryId());

            receiver.answerWith(204);
            given().auth().oauth2(colin).when().post("/organisations/northwind-cloud/webhooks/deliveries/"
                    + attempts.getFirst().deliveryId() + "/redelivery").then().statusCode(404);
            given().auth().oauth2(nora).when().post("/organisations/northwind-cloud/webhooks/deliveries/"
                    + attempts.getFirst().deliveryId() + "/redelivery").then().statusCode(202);
            await().atMost(WAIT).until(() -> receiver.callsOfType("evidence-request.issued").size() == 4);
            await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(nora)
                    .when().get("/organisations/northwind-cloud/webhooks/deliveries?status=SENT").then()
                    .body("id", hasItem(attempts.getFirst().deliveryId())));
            } finally {
                removeWebhook(endpoint);
            }
        }
    }

    @Test
    void webhook_endpoints_belong_to_their_organisation_and_must_be_https() {
        given().auth().oauth2(colin).contentType(ContentType.JSON).body("{\"url\":\"https://hooks.example/x\"}")
                .when().post("/organisations/northwind-cloud/webhooks").then().statusCode(404);
        given().auth().oauth2(colin).when().get("/organisations/northwind-cloud/webhooks").then().statusCode(404);
        given().auth().oauth2(iris).when().get("/organisations/northwind-cloud/webhooks").then().statusCode(403);
        given().auth().oauth2(nora).contentType(ContentType.JSON).body("{\"url\":\"http://hooks.example/x\"}")
                .when().post("/organisations/northwind-cloud/webhooks").then().statusCode(422)
                .contentType("application/problem+json");
        given().auth().oauth2(nora).contentType(ContentType.JSON).body("{\"url\":\"https://user:pw@hooks.example/\"}")
                .when().post("/organisations/northwind-cloud/webhooks").then().statusCode(422);
        String id = given().auth().oauth2(nora).contentType(ContentType.JSON)
                .body("{\"url\":\"https://hooks.example/northwind\"}").when()
                .post("/organisations/northwind-cloud/webhooks").then().statusCode(201)
                .body("secret", org.hamcrest.Matchers.startsWith("whsec_")).extract().path("subscription.id");
        given().auth().oauth2(nora).when().get("/organisations/northwind-cloud/webhooks").then().statusCode(200)
                .body("id", hasItem(id)).body("[0].secret", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(nora).when().delete("/organisations/northwind-cloud/webhooks/" + id).then()
                .statusCode(204);
        given().auth().oauth2(nora).when().delete("/organisations/northwind-cloud/webhooks/" + id).then()
                .statusCode(404);
    }

    @Test
    void the_live_stream_pushes_a_new_notification_and_read_marks_count_down() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        var stream = client.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                        + "/inbox/stream")).header("Authorization", "Bearer " + nora)
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        HttpResponse<java.util.stream.Stream<String>> response = stream.get();
        assertThat(response.statusCode()).isEqualTo(200);
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                response.body().forEach(received::add);
            } catch (java.io.UncheckedIOException closedByTheTest) {
                // the test closes the stream when it has seen what it waited for
            }
        });
        try {
            issueRequest();
            await().atMost(WAIT).until(() -> received.stream().anyMatch(line -> line.startsWith("data:")
                    && line.contains(requestId) && line.contains("REQUEST_ISSUED")));
        } finally {
            reader.interrupt();
            response.body().close();
        }

        long unread = given().auth().oauth2(nora).when().get("/inbox/unread").then().statusCode(200)
                .extract().jsonPath().getLong("unread");
        String id = given().auth().oauth2(nora).when().get("/inbox?size=1").then().extract().path("items[0].id");
        given().auth().oauth2(colin).when().post("/inbox/" + id + "/read").then().statusCode(404);
        given().auth().oauth2(nora).when().post("/inbox/" + id + "/read").then().statusCode(200);
        given().auth().oauth2(nora).when().get("/inbox/unread").then().body("unread", equalTo((int) unread - 1));
        // filtered, and read one case at a time
        given().auth().oauth2(nora).queryParam("caseId", caseId).queryParam("kind", "REQUEST_ISSUED")
                .queryParam("unread", true).when().get("/inbox").then().statusCode(200)
                .body("items.caseId", everyItem(equalTo(caseId)))
                .body("items.kind", everyItem(equalTo("REQUEST_ISSUED")))
                .body("items.readAt", everyItem(nullValue()))
                .body("kinds", hasItem("REQUEST_ISSUED"));
        given().auth().oauth2(nora).queryParam("kind", "request issued").when().get("/inbox").then().statusCode(422)
                .contentType("application/problem+json");
        given().auth().oauth2(nora).queryParam("unread", "maybe").when().get("/inbox").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(nora).queryParam("caseId", "no-such-case").when().post("/inbox/read-all").then()
                .statusCode(200).body("unread", equalTo((int) unread - 1));
        given().auth().oauth2(nora).queryParam("caseId", caseId).when().post("/inbox/read-all").then()
                .statusCode(200);
        given().auth().oauth2(nora).queryParam("caseId", caseId).queryParam("unread", true).when().get("/inbox")
                .then().body("items", hasSize(0));
        given().auth().oauth2(nora).when().post("/inbox/read-all").then().statusCode(200).body("unread", equalTo(0));
        given().auth().oauth2(nora).when().get("/inbox/unread").then().body("unread", equalTo(0));
    }

    private void issueRequest() {
        publish("EvidenceRequest", requestId, new EvidenceRequestIssued(requestId, caseId, "northwind-cloud",
                List.of("Records of processing for model training"), "UK GDPR Art. 58(1)(a)", "PDF please", DUE,
                "Europe/London", staff(iris), Instant.now()));
    }

    private void publish(String type, String aggregateId, Object event) {
        long sequence = SEQUENCES.computeIfAbsent(aggregateId, id -> new AtomicLong()).getAndIncrement();
        eventStore.publish(new GenericDomainEventMessage<>(type, aggregateId, sequence, event));
    }

    private static void assertNoneOf(String text, List<String> internal, List<String> anotherCompanys) {
        assertThat(text).doesNotContain(internal).doesNotContain(anotherCompanys);
    }

    /** Subjects and bodies of the caller's inbox notifications of the case. */
    private static String inboxText(String token, String caseId) {
        List<Map<String, Object>> items = given().auth().oauth2(token).when().get("/inbox?size=100").then()
                .statusCode(200).extract().path("items");
        return items.stream().filter(i -> caseId.equals(i.get("caseId")))
                .map(i -> i.get("subject") + "\n" + i.get("body")).reduce("", (a, b) -> a + "\n" + b);
    }

    /** Everything e-mailed to the address about this test's case: as written to the outbox and as received. */
    private String mailText(String address) throws Exception {
        StringBuilder text = new StringBuilder();
        try (var c = dataSource.getConnection(); var q = c.prepareStatement("SELECT subject, text_body, html_body "
                + "FROM notification_service.email_delivery WHERE address = ? AND (case_id = ? OR kind = 'DIGEST')")) {
            q.setString(1, address);
            q.setString(2, caseId);
            try (var rows = q.executeQuery()) {
                while (rows.next()) {
                    text.append(rows.getString(1)).append('\n').append(rows.getString(2)).append('\n')
                            .append(rows.getString(3)).append('\n');
                }
            }
        }
        for (MimeMessage message : Mailbox.to(address)) {
            if (subjectOf(message).contains(title) || subjectOf(message).contains("Your daily summary")) {
                text.append(subjectOf(message)).append('\n').append(textOf(message)).append('\n');
            }
        }
        return text.toString();
    }

    /** Every webhook payload of the endpoint: as written to the outbox and as received. */
    private String webhookText(WebhookReceiver receiver, JsonNode endpoint) throws Exception {
        StringBuilder text = new StringBuilder();
        try (var c = dataSource.getConnection(); var q = c.prepareStatement(
                "SELECT payload FROM notification_service.webhook_delivery WHERE subscription_id = ?::uuid")) {
            q.setString(1, endpoint.path("subscription").path("id").asText());
            try (var rows = q.executeQuery()) {
                while (rows.next()) {
                    text.append(rows.getString(1)).append('\n');
                }
            }
        }
        receiver.calls().forEach(call -> text.append(call.body()).append('\n'));
        return text.toString();
    }

    private void publishBy(String actorSubject, String aggregateId, Object event) {
        long sequence = SEQUENCES.computeIfAbsent(aggregateId, id -> new AtomicLong()).getAndIncrement();
        eventStore.publish(new GenericDomainEventMessage<>("InvestigationCase", aggregateId, sequence, event,
                MetaData.with(EventMetadata.ACTOR_SUBJECT, actorSubject)));
    }

    private static void choose(String token, String preferences) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(preferences).when().put("/me/preferences")
                .then().statusCode(200);
    }

    private static JsonNode registerWebhook(String token, String alias, String url) throws Exception {
        String body = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("url", url))
                .when().post("/organisations/" + alias + "/webhooks").then().statusCode(201).extract().asString();
        return new ObjectMapper().readTree(body);
    }

    private static void removeWebhook(JsonNode endpoint) {
        String alias = endpoint.path("subscription").path("organisationAlias").asText();
        given().auth().oauth2(RealPeers.tokenFor(alias.equals("contoso-models") ? "colin.contoso" : "nora.northwind"))
                .when().delete("/organisations/" + alias + "/webhooks/"
                        + endpoint.path("subscription").path("id").asText())
                .then().statusCode(204);
    }

    private static void awaitInbox(String token, String caseId, String kind) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(inboxKinds(token, caseId)).contains(kind));
    }

    private static List<String> inboxKinds(String token, String caseId) {
        List<Map<String, Object>> items = given().auth().oauth2(token).when().get("/inbox?size=100").then()
                .statusCode(200).extract().path("items");
        return items.stream().filter(i -> caseId.equals(i.get("caseId"))).map(i -> (String) i.get("kind")).toList();
    }

    private static MimeMessage awaitMail(String address, String subject) {
        await().atMost(WAIT).until(() -> Mailbox.to(address).stream().anyMatch(m -> subjectOf(m).contains(subject)));
        return Mailbox.to(address).stream().filter(m -> subjectOf(m).contains(subject)).findFirst().orElseThrow();
    }

    /** The person's digest listing this test's case (other tests' digests reach the same mailbox). */
    private MimeMessage awaitDigest(String address) {
        await().atMost(WAIT).until(() -> Mailbox.to(address).stream().anyMatch(this::isDigestOfThisCase));
        return Mailbox.to(address).stream().filter(this::isDigestOfThisCase).findFirst().orElseThrow();
    }

    private boolean isDigestOfThisCase(MimeMessage message) {
        try {
            return subjectOf(message).contains("Your daily summary") && textOf(message).contains(title);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> emailStatuses(String caseId, String kind) throws Exception {
        try (var c = dataSource.getConnection(); var q = c.prepareStatement(
                "SELECT status FROM notification_service.email_delivery WHERE case_id = ? AND kind = ?")) {
            q.setString(1, caseId);
            q.setString(2, kind);
            List<String> statuses = new java.util.ArrayList<>();
            try (var rows = q.executeQuery()) {
                while (rows.next()) {
                    statuses.add(rows.getString(1));
                }
            }
            return statuses;
        }
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String textOf(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof jakarta.mail.Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                if (parts.getBodyPart(i).isMimeType("text/plain")) {
                    return (String) parts.getBodyPart(i).getContent();
                }
                if (parts.getBodyPart(i).getContent() instanceof jakarta.mail.Multipart nested) {
                    for (int j = 0; j < nested.getCount(); j++) {
                        if (nested.getBodyPart(j).isMimeType("text/plain")) {
                            return (String) nested.getBodyPart(j).getContent();
                        }
                    }
                }
            }
        }
        return String.valueOf(content);
    }

    private static StaffMember staff(String token) {
        return new StaffMember(RealPeers.subjectOf(token), "Staff member");
    }
}
