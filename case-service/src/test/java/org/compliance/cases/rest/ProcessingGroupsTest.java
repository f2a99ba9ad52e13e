package org.compliance.cases.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.compliance.cases.rest.CaseApi.caseBody;
import static org.compliance.cases.rest.CaseApi.change;
import static org.compliance.cases.rest.CaseApi.openCase;
import static org.compliance.cases.rest.CaseApi.token;
import static org.compliance.cases.rest.CaseApi.viewAt;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.compliance.api.evidence.EvidenceRequestOverdue;
import org.compliance.platform.axon.AxonRuntime;
import org.compliance.testing.RealPeers;
import org.junit.jupiter.api.Test;

/**
 * Each purpose has its processing group and token: a rebuild replays the case views and leaves the overdue-evidence
 * policy where it stands; the metadata of the command a caller sends reaches its events, and through the policy, the
 * events of the commands they cause.
 */
@QuarkusTest
@WithTestResource(RealPeers.class)
class ProcessingGroupsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String REPLAY_TOKEN = "org.axonframework.eventhandling.ReplayToken";
    private static final Instant DUE = Instant.parse("2026-11-16T23:59:59Z");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AxonRuntime axon;

    @Inject
    EventStore eventStore;

    @Test
    void a_rebuild_replays_the_projections_only_and_the_policy_keeps_its_token() throws SQLException {
        String caseId = openCase("iris.investigator", "Rebuilt around the policy");
        change("iris.investigator", "POST", "/cases/" + caseId + "/investigation", 0, null).statusCode(200);
        String requestId = "R-" + UUID.randomUUID();
        eventStore.publish(new GenericDomainEventMessage<>("EvidenceRequest", requestId, 0,
                new EvidenceRequestOverdue(requestId, caseId, "northwind-cloud", DUE)));
        viewAt("iris.investigator", caseId, 2).body("overdueEvidence.requestId", hasItem(requestId));
        await().atMost(WAIT).until(() -> axon.processorLag() == 0);
        long caseEvents = count("SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?",
                caseId);
        Map<Integer, Long> policyBefore = positions(status(), "overdue-evidence");
        assertThat(policyBefore).isNotEmpty();
        // A view row lost: only a replay of the case views brings it back.
        update("DELETE FROM case_service.case_view WHERE case_id = ?", caseId);

        JsonPath started = given().auth().oauth2(token("otto.operator")).when()
                .post("/operations/read-models/rebuild").then().statusCode(202).extract().jsonPath();

        assertThat(started.getList("projections")).containsExactly("case-views");
        Map<Integer, Long> policyAfter = positions(started, "overdue-evidence");
        assertThat(policyAfter.keySet()).isEqualTo(policyBefore.keySet());
        policyBefore.forEach((segment, position) -> assertThat(policyAfter.get(segment))
                .as("the policy's segment %s is not sent back to the start", segment).isGreaterThanOrEqualTo(position));
        assertThat(tokenTypes("overdue-evidence")).isNotEmpty().doesNotContain(REPLAY_TOKEN);
        viewAt("iris.investigator", caseId, 2).body("overdueEvidence.requestId", hasItem(requestId));
        await().atMost(WAIT).until(() -> !axon.processor("case-views").isReplaying() && axon.processorLag() == 0);
        assertThat(axon.processor("overdue-evidence").isReplaying()).isFalse();
        assertThat(count("SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?", caseId))
                .as("the policy sent no command again").isEqualTo(caseEvents);
        assertThat(tokenTypes("overdue-evidence")).doesNotContain(REPLAY_TOKEN);
    }

    @Test
    void a_rebuild_of_a_quiet_store_is_over_once_its_replay_reaches_the_events_that_existed_when_it_began() {
        // Nothing is sent or read after the rebuild: Axon keeps its replay token until an event past the reset point
        // arrives, which on a quiet store may be never; the status must not wait for one.
        given().auth().oauth2(token("otto.operator")).when().post("/operations/read-models/rebuild").then()
                .statusCode(202);

        await().atMost(WAIT).until(() -> !status().getBoolean("replaying"));
        JsonPath done = status();
        assertThat(done.getList("rebuilds.state")).containsOnly("DONE");
        assertThat(done.getList("segments.replaying")).containsOnly(false);
        await().atMost(WAIT).until(() -> status().getList("segments.caughtUp").stream().allMatch(Boolean.TRUE::equals));
    }

    @Test
    void a_commands_metadata_reaches_its_events_and_the_events_of_the_commands_they_cause() throws Exception {
        String opening = "opening-" + UUID.randomUUID();
        String caseId = given().auth().oauth2(token("iris.investigator")).header("X-Request-Id", opening)
                .contentType(ContentType.JSON).body(caseBody("Metadata", "northwind-cloud", "Northwind Cloud Ltd",
                        "STANDARD"))
                .when().post("/cases").then().statusCode(201).header("X-Request-Id", opening).extract().path("caseId");
        viewAt("iris.investigator", caseId, 0);
        String investigating = "investigating-" + UUID.randomUUID();
        given().auth().oauth2(token("iris.investigator")).header("X-Request-Id", investigating)
                .contentType(ContentType.JSON).header("If-Match", "\"0\"").when()
                .post("/cases/" + caseId + "/investigation").then().statusCode(200);

        List<JsonNode> events = metadataOf(caseId, 2);
        JsonNode opened = events.get(0);
        assertThat(opened.path("requestId").asText()).isEqualTo(opening);
        assertThat(opened.path("actorSubject").asText()).isNotBlank();
        assertThat(opened.path("actorName").asText()).isNotBlank();
        assertThat(opened.path("actorRoles").toString()).contains("investigator");
        assertThat(opened.has("actorOrganisations")).isTrue();
        assertThat(opened.path("correlationId").asText()).as("the chain begins with the command").isNotBlank()
                .isEqualTo(opened.path("causationId").asText());
        assertThat(opened.has("expectedVersion")).as("only on commands").isFalse();
        JsonNode started = events.get(1);
        assertThat(started.path("requestId").asText()).isEqualTo(investigating);
        assertThat(started.path("actorSubject").asText()).isEqualTo(opened.path("actorSubject").asText());
        assertThat(started.path("correlationId").asText()).isNotEqualTo(opened.path("correlationId").asText());
        assertThat(started.has("expectedVersion")).isFalse();

        // The overdue-evidence policy's command carries the cause's chain to the case's event.
        String requestId = "R-" + UUID.randomUUID();
        String chain = "chain-" + UUID.randomUUID();
        Map<String, Object> cause = new HashMap<>();
        cause.put("correlationId", chain);
        cause.put("requestId", "evidence-" + requestId);
        cause.put("actorSubject", "evidence-deadline");
        eventStore.publish(new GenericDomainEventMessage<>("EvidenceRequest", requestId, 0,
                new EvidenceRequestOverdue(requestId, caseId, "northwind-cloud", DUE), MetaData.from(cause)));
        JsonNode awaiting = metadataOf(caseId, 3).get(2);
        assertThat(awaiting.path("correlationId").asText()).isEqualTo(chain);
        assertThat(awaiting.path("requestId").asText()).isEqualTo("evidence-" + requestId);
        assertThat(awaiting.path("actorSubject").asText()).isEqualTo("evidence-deadline");
        assertThat(awaiting.path("causationId").asText()).as("the policy's command").isNotBlank()
                .isNotEqualTo(chain);
    }

    private static JsonPath status() {
        return given().auth().oauth2(token("otto.operator")).when().get("/operations/read-models").then()
                .statusCode(200).body("projections", equalTo(List.of("case-views"))).extract().jsonPath();
    }

    private static Map<Integer, Long> positions(JsonPath status, String group) {
        Map<Integer, Long> positions = new HashMap<>();
        for (Map<String, Object> segment : status.<Map<String, Object>>getList("segments")) {
            if (group.equals(segment.get("processingGroup"))) {
                Object position = segment.get("position");
                positions.put((Integer) segment.get("segment"),
                        position == null ? -1 : ((Number) position).longValue());
            }
        }
        return positions;
    }

    /** The metadata of the case's first events, once there are that many, in order. */
    private List<JsonNode> metadataOf(String caseId, int events) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(WAIT).untilAsserted(() -> {
            found.clear();
            try (var connection = dataSource.getConnection(); var select = connection.prepareStatement(
                    "SELECT meta_data FROM event_store.domain_event_entry WHERE aggregate_identifier = ? "
                            + "ORDER BY sequence_number")) {
                select.setString(1, caseId);
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(JSON.readTree(rows.getBytes(1)));
                    }
                }
            }
            assertThat(found).hasSizeGreaterThanOrEqualTo(events);
        });
        return found;
    }

    private List<String> tokenTypes(String processor) throws SQLException {
        try (var connection = dataSource.getConnection(); var select = connection.prepareStatement(
                "SELECT token_type FROM case_service.token_entry WHERE processor_name = ?")) {
            select.setString(1, processor);
            List<String> types = new ArrayList<>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    types.add(rows.getString(1));
                }
            }
            return types;
        }
    }

    private void update(String statement, String value) throws SQLException {
        try (var connection = dataSource.getConnection(); var update = connection.prepareStatement(statement)) {
            update.setString(1, value);
            update.executeUpdate();
        }
    }

    private long count(String query, String value) throws SQLException {
        try (var connection = dataSource.getConnection(); var select = connection.prepareStatement(query)) {
            select.setString(1, value);
            try (var rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
