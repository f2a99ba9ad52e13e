package org.compliance.notifications.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.compliance.api.evidence.EvidenceRequestIssued;
import org.compliance.api.shared.StaffMember;
import org.compliance.notifications.peers.Mailbox;
import org.compliance.notifications.peers.WebhookReceiver;
import org.compliance.testing.RealPeers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Webhook endpoints cannot be aimed inside the regulator's network, through the real API with real tokens:
 * every class of internal address, in every notation, is refused and nothing is stored; an endpoint whose
 * name points inside by the time of a delivery (the test JVM's names come from a hosts file this test
 * rewrites) is dead-lettered with the reason and never called. The tests' own receiver on 127.0.0.1 is
 * allowed by {@code compliance.webhooks.private-hosts} and still receives.
 */
@QuarkusTest
@WithTestResource(RealPeers.class)
@WithTestResource(Mailbox.class)
class WebhookEndpointsTest {

    private static final String WEBHOOKS = "/organisations/northwind-cloud/webhooks";

    @Inject
    EventStore eventStore;
    @Inject
    AgroalDataSource dataSource;

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.2/hooks", "https://2130706433/", "https://0x7f000001/", "https://0177.0.0.1/",
            "https://127.1/", "https://[::1]/", "https://[::ffff:127.0.0.1]/", "https://localhost/",
            "https://localhost:8443/", "https://10.0.0.8/", "https://172.16.0.1/", "https://192.168.0.10/",
            "https://169.254.169.254/latest/meta-data/", "https://0xa9fea9fe/", "https://[fe80::1]/",
            "https://[fd00::1]/", "https://100.64.0.1/", "https://224.0.0.1/", "https://[ff02::1]/",
            "https://0.0.0.0/", "https://[::]/", "https://255.255.255.255/", "https://240.0.0.1/",
            "https://[::ffff:10.0.0.1]/", "https://[::ffff:169.254.169.254]/", "https://db.internal/",
            "https://metadata/", "https://user:pw@hooks.northwind.example/", "http://hooks.northwind.example/",
            "https://hooks.northwind.example:22/", "https://0x08080808/"})
    void an_endpoint_that_can_reach_inside_is_refused_with_422_on_url_and_nothing_is_stored(String url)
            throws Exception {
        long before = endpoints();
        given().auth().oauth2(RealPeers.tokenFor("nora.northwind")).contentType(ContentType.JSON)
                .body(Map.of("url", url)).when().post(WEBHOOKS).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(endsWith("url")));
        assertThat(endpoints()).isEqualTo(before);
    }

    @Test
    void the_reason_names_what_the_address_is() {
        given().auth().oauth2(RealPeers.tokenFor("nora.northwind")).contentType(ContentType.JSON)
                .body(Map.of("url", "https://0x7f000001/")).when().post(WEBHOOKS).then().statusCode(422)
                .body("errors.message", hasItem("The endpoint's address is 127.0.0.1 (a loopback address): "
                        + "only public addresses can receive webhooks"));
    }

    @Test
    void an_endpoint_that_points_inside_by_delivery_time_is_dead_lettered_with_the_reason_and_never_called()
            throws Exception {
        String nora = RealPeers.tokenFor("nora.northwind");
        Path hosts = Path.of(System.getProperty("jdk.net.hosts.file"));
        String names = Files.readString(hosts);
        try (WebhookReceiver allowed = new WebhookReceiver(); WebhookReceiver inside = new WebhookReceiver()) {
            String allowedId = given().auth().oauth2(nora).contentType(ContentType.JSON)
                    .body(Map.of("url", allowed.url())).when().post(WEBHOOKS).then().statusCode(201)
                    .extract().path("subscription.id");
            // DNS rebinding: the name is public when registered, and points at loopback by the delivery.
            Files.writeString(hosts, names + "93.184.215.14 hooks.rebinding.example\n");
            String rebound = given().auth().oauth2(nora).contentType(ContentType.JSON)
                    .body(Map.of("url", inside.urlVia("hooks.rebinding.example"))).when().post(WEBHOOKS).then()
                    .statusCode(201).extract().path("subscription.id");
            Files.writeString(hosts, names + "127.0.0.1 hooks.rebinding.example\n");
            // Stored as if they had been accepted once (registered before these checks, or a name that pointed
            // elsewhere then): the check at delivery is what stops them now.
            UUID byName = storeEndpoint(inside.urlVia("localhost"));
            UUID byAddress = storeEndpoint("https://127.0.0.2:" + inside.port() + "/hooks");
            try {
                String requestId = "req-" + UUID.randomUUID();
                eventStore.publish(new GenericDomainEventMessage<>("EvidenceRequest", requestId, 0,
                        new EvidenceRequestIssued(requestId, "case-" + UUID.randomUUID(), "northwind-cloud",
                                List.of("Records of processing"), "UK GDPR Art. 58(1)(a)", "PDF please",
                                Instant.parse("2026-12-21T23:59:59Z"), "Europe/London",
                                new StaffMember(RealPeers.subjectOf(RealPeers.tokenFor("iris.investigator")),
                                        "Iris"), Instant.now())));

                await().atMost(Duration.ofSeconds(30)).until(() -> allowed.calls().stream()
                        .anyMatch(call -> call.body().contains(requestId)));
                await().atMost(Duration.ofSeconds(30)).until(() -> deadDelivery(byName, requestId) != null
                        && deadDelivery(byAddress, requestId) != null
                        && deadDelivery(UUID.fromString(rebound), requestId) != null);
                assertThat(deadDelivery(UUID.fromString(rebound), requestId)).isEqualTo("Refused: The endpoint's "
                        + "host resolves to 127.0.0.1 (a loopback address): only public addresses can receive webhooks");
                assertThat(deadDelivery(byName, requestId))
                        .isEqualTo("Refused: The endpoint's host is a name of a local network");
                assertThat(deadDelivery(byAddress, requestId)).isEqualTo("Refused: The endpoint's address is "
                        + "127.0.0.2 (a loopback address): only public addresses can receive webhooks");
                assertThat(inside.calls()).isEmpty();
                given().auth().oauth2(nora).when().get(WEBHOOKS + "/deliveries?status=DEAD").then().statusCode(200)
                        .body("subscriptionId", hasItem(byName.toString()))
                        .body("subscriptionId", hasItem(byAddress.toString()))
                        .body("subscriptionId", hasItem(rebound));
            } finally {
                Files.writeString(hosts, names);
                for (Object id : List.of(allowedId, rebound, byName, byAddress)) {
                    given().auth().oauth2(nora).when().delete(WEBHOOKS + "/" + id).then().statusCode(204);
                }
            }
        }
    }

    private long endpoints() throws Exception {
        try (var c = dataSource.getConnection(); var q = c.prepareStatement(
                "SELECT count(*) FROM notification_service.webhook_subscription");
             var rows = q.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private UUID storeEndpoint(String url) throws Exception {
        UUID id = UUID.randomUUID();
        try (var c = dataSource.getConnection(); var insert = c.prepareStatement("""
                INSERT INTO notification_service.webhook_subscription
                    (id, organisation_alias, url, secret, created_by, created_at)
                VALUES (?, 'northwind-cloud', ?, 'whsec_test', 'test', ?)""")) {
            insert.setObject(1, id);
            insert.setString(2, url);
            insert.setTimestamp(3, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
        return id;
    }

    /** The reason a delivery of this request to this endpoint was dead-lettered; null while it is not dead. */
    private String deadDelivery(UUID endpoint, String requestId) throws Exception {
        try (var c = dataSource.getConnection(); var q = c.prepareStatement("""
                SELECT last_error FROM notification_service.webhook_delivery
                WHERE subscription_id = ? AND status = 'DEAD' AND attempts = 1 AND payload LIKE ?""")) {
            q.setObject(1, endpoint);
            q.setString(2, "%" + requestId + "%");
            try (var rows = q.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
