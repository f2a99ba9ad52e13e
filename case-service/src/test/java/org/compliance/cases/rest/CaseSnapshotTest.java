package org.compliance.cases.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.compliance.cases.rest.CaseApi.change;
import static org.compliance.cases.rest.CaseApi.openCase;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.compliance.api.cases.CaseEvent;
import org.compliance.api.cases.CaseStatus;
import org.compliance.cases.domain.CaseRules;
import org.compliance.cases.domain.CaseState;
import org.compliance.platform.axon.EventSerialization;
import org.compliance.testing.RealPeers;
import org.compliance.testing.Sql;
import org.junit.jupiter.api.Test;

/**
 * A long-lived case is snapshotted (every {@code compliance.axon.snapshot-threshold}, 100, events; docs/decisions/0024):
 * the snapshot holds what replaying the case's events gives, the next command loads it instead of the whole history,
 * and since it is only a cache, removing it loses nothing.
 */
@QuarkusTest
@WithTestResource(RealPeers.class)
class CaseSnapshotTest {

    private static final int NOTES = 120;
    // the snapshot is stored as events are, its personal data sealed (decision 29)
    private static final ObjectMapper JSON = EventSerialization.eventObjectMapper();

    @Inject
    AgroalDataSource service;
    @Inject
    EventStore eventStore;

    @Test
    void a_case_past_the_threshold_is_loaded_from_its_snapshot_which_agrees_with_its_events() throws Exception {
        String caseId = openCase("iris.investigator", "Snapshotted " + UUID.randomUUID());
        for (int n = 1; n <= NOTES; n++) {
            change("iris.investigator", "POST", "/cases/" + caseId + "/notes", n - 1,
                    "{\"text\":\"Note " + n + " of a long case\"}").statusCode(200);
        }

        // One snapshot (Axon replaces the older one), taken once the threshold was crossed.
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshots(caseId) == 1);
        long snapshotAt = Sql.count(service, "SELECT sequence_number FROM event_store.snapshot_event_entry"
                + " WHERE aggregate_identifier = ?", caseId);
        assertThat(snapshotAt).isBetween(99L, (long) NOTES);

        // The snapshot's state is the state its events give.
        // the person complainant's name is sealed in the snapshot as in the events (decision 29)
        assertThat(snapshotPayload(caseId)).doesNotContain("A. Customer").contains("\"sealed\"");
        JsonNode snapshot = JSON.readTree(snapshotPayload(caseId));
        CaseState fromSnapshot = JSON.treeToValue(snapshot.get("state"), CaseState.class);
        assertThat(snapshot.get("caseId").asText()).isEqualTo(caseId);
        assertThat(fromSnapshot).isEqualTo(replayed(caseId, snapshotAt));
        assertThat(fromSnapshot.notes()).hasSize((int) snapshotAt);

        // A command now loads the snapshot, not the history: a snapshot saying the investigation has started is
        // believed (so starting it is refused), which replaying the events would never say.
        assertThat(fromSnapshot.status()).isEqualTo(CaseStatus.OPENED);
        Sql.execute(RealPeers.databaseOwner(), "UPDATE event_store.snapshot_event_entry SET payload = convert_to("
                + "replace(convert_from(payload, 'UTF8'), '\"status\":\"OPENED\"', '\"status\":\"INVESTIGATING\"'),"
                + " 'UTF8') WHERE aggregate_identifier = '" + caseId + "'");
        change("iris.investigator", "POST", "/cases/" + caseId + "/investigation", NOTES, null).statusCode(409)
                .body("detail", containsString("a case that is INVESTIGATING"));

        // A snapshot is a cache: without it the case is loaded from its events again, as it truly stands.
        Sql.execute(RealPeers.databaseOwner(), "DELETE FROM event_store.snapshot_event_entry"
                + " WHERE aggregate_identifier = '" + caseId + "'");
        change("iris.investigator", "POST", "/cases/" + caseId + "/investigation", NOTES, null).statusCode(200)
                .header("ETag", equalTo("\"" + (NOTES + 1) + "\""));
    }

    @Test
    void a_short_case_has_no_snapshot() {
        String caseId = openCase("iris.investigator", "Short " + UUID.randomUUID());
        change("iris.investigator", "POST", "/cases/" + caseId + "/investigation", 0, null).statusCode(200);
        assertThat(snapshots(caseId)).isZero();
    }

    /** The case's state folded from its events alone, up to and including the sequence number. */
    private CaseState replayed(String caseId, long through) {
        CaseState state = null;
        for (DomainEventMessage<?> event : eventStore.readEvents(caseId, 0).asStream()
                .filter(e -> e.getSequenceNumber() <= through).toList()) {
            state = CaseRules.evolve(state, (CaseEvent) event.getPayload());
        }
        return state;
    }

    private long snapshots(String caseId) {
        return Sql.count(service, "SELECT count(*) FROM event_store.snapshot_event_entry WHERE aggregate_identifier = ?",
                caseId);
    }

    private String snapshotPayload(String caseId) throws Exception {
        try (var connection = service.getConnection(); var select = connection.prepareStatement(
                "SELECT convert_from(payload, 'UTF8') FROM event_store.snapshot_event_entry WHERE aggregate_identifier = ?")) {
            select.setString(1, caseId);
            try (var row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }
}
