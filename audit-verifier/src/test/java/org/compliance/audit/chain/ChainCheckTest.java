package org.compliance.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chain hash as the store's trigger computes it, and what the check reports for each kind of tampering. */
class ChainCheckTest {

    private final List<StoredEvent> events = new ArrayList<>();
    private final List<ChainLink> links = new ArrayList<>();

    @BeforeEach
    void threeChainedEvents() {
        byte[] previous = null;
        for (int i = 0; i < 3; i++) {
            StoredEvent event = event(i, "{\"n\":" + i + "}");
            byte[] hash = EventHash.of(event, previous);
            events.add(event);
            links.add(new ChainLink("a", i, "e" + i, hash, previous));
            previous = hash;
        }
    }

    @Test
    void the_hash_is_the_one_postgresql_computes_for_the_same_row() {
        // computed by event_store.event_chain_hash in PostgreSQL 15 for these two rows (see V2__event_hash_chain.sql)
        StoredEvent first = new StoredEvent(1, "e0", "T", "a", 0, "2026", "P", null,
                "{}".getBytes(StandardCharsets.UTF_8), null);
        byte[] firstHash = EventHash.of(first, null);
        assertThat(HexFormat.of().formatHex(firstHash))
                .isEqualTo("f2e49fd0e5dddf87a115f470b114b5206d14c2ab84a78ce8b9d6eda61c424e88");
        StoredEvent second = new StoredEvent(2, "e1", "T", "a", 1, "2026-11-22T10:00:00Z", "P", null,
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(HexFormat.of().formatHex(EventHash.of(second, firstHash)))
                .isEqualTo("6524559ccc4d3562f2906446bfeeab5f73985e8c37b32c93ec4fc4605f19405c");
    }

    @Test
    void an_intact_chain_has_no_problem() {
        assertThat(ChainCheck.of("a", events, links)).isEmpty();
    }

    @Test
    void an_altered_payload_is_reported_at_that_event() {
        events.set(1, event(1, "{\"n\":99}"));
        assertThat(ChainCheck.of("a", events, links)).hasValueSatisfying(p -> {
            assertThat(p.sequenceNumber()).isEqualTo(1);
            assertThat(p.eventId()).isEqualTo("e1");
            assertThat(p.reason()).contains("does not match its hash");
        });
    }

    @Test
    void a_deleted_event_whose_link_remains_is_reported_as_missing() {
        events.remove(1);
        assertThat(ChainCheck.of("a", events, links)).hasValueSatisfying(p -> {
            assertThat(p.sequenceNumber()).isEqualTo(1);
            assertThat(p.eventId()).isEqualTo("e1");
            assertThat(p.reason()).contains("missing from the store");
        });
    }

    @Test
    void a_deleted_event_and_link_leave_a_gap() {
        events.remove(1);
        links.remove(1);
        assertThat(ChainCheck.of("a", events, links)).hasValueSatisfying(p -> {
            assertThat(p.sequenceNumber()).isEqualTo(1);
            assertThat(p.reason()).contains("gap");
        });
    }

    @Test
    void an_event_without_a_link_is_reported() {
        links.remove(2);
        assertThat(ChainCheck.of("a", events, links)).hasValueSatisfying(p -> {
            assertThat(p.sequenceNumber()).isEqualTo(2);
            assertThat(p.reason()).contains("no chain link");
        });
    }

    @Test
    void a_link_that_does_not_follow_the_previous_hash_is_reported() {
        ChainLink original = links.get(2);
        links.set(2, new ChainLink("a", 2, "e2", original.hash(), new byte[32]));
        assertThat(ChainCheck.of("a", events, links)).hasValueSatisfying(p -> {
            assertThat(p.sequenceNumber()).isEqualTo(2);
            assertThat(p.reason()).contains("does not follow");
        });
    }

    private static StoredEvent event(int sequence, String payload) {
        return new StoredEvent(sequence + 1, "e" + sequence, "InvestigationCase", "a", sequence,
                "2026-11-22T10:00:0" + sequence + "Z", "org.compliance.api.cases.Something", null,
                payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
    }
}
