package org.compliance.audit.application;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.compliance.api.cases.Allegation;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.Confidentiality;
import org.compliance.api.cases.Priority;
import org.compliance.api.cases.Respondent;
import org.compliance.api.shared.StaffMember;
import org.compliance.audit.verifier.VerifyBundle;
import org.compliance.api.cases.LegalHoldPlaced;
import org.compliance.audit.chain.Checkpoint;
import org.compliance.audit.chain.LogTree;
import org.compliance.audit.chain.MerkleTree;
import org.compliance.audit.chain.Timestamps;
import org.compliance.audit.query.EventStoreReader;
import org.compliance.audit.verifier.Anchors;
import org.compliance.audit.verifier.Bundle;
import org.compliance.audit.verifier.VerifyCheckpoints;
import org.compliance.testing.RealPeers;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Checkpoints that do not rest on the operator: time-stamped by a real RFC 3161 authority, each proved to extend the
 * one before. An operator who rewrites the store, chains it again and signs a checkpoint with its own key, backdated
 * to the moment of the one it replaces, is caught twice: by the authority's time, and by the earlier checkpoint an
 * auditor kept, which the rewritten store no longer extends. The offline verifier says so too.
 */
@QuarkusTest
@WithTestResource(RealPeers.class)
@WithTestResource(LocalAuthority.class)
class AnchoredCheckpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EventStore eventStore;
    @Inject
    EventStoreReader store;
    @Inject
    Checkpoints checkpoints;
    @ConfigProperty(name = "compliance.audit.checkpoint-private-key")
    String operatorsKey;

    @Test
    void a_history_rewritten_and_signed_again_by_the_operator_is_caught_by_the_timestamps_and_a_kept_checkpoint()
            throws Exception {
        String ada = RealPeers.tokenFor("ada.auditor");
        String otto = RealPeers.tokenFor("otto.operator");
        String caseId = "anchored-" + UUID.randomUUID();
        append(caseId, 0, new CaseOpened(caseId, "Anchored", "Fictional", "Information Commissioner's Office",
                List.of("UK GDPR"), Priority.HIGH, Confidentiality.STANDARD,
                List.of(new Respondent("northwind-cloud", "Northwind Cloud Ltd")), List.of(),
                List.of(new Allegation("A1", "UK GDPR Art. 5(1)(e)", "Kept too long", null, null)),
                new StaffMember("u-iris", "Iris Investigator"), Instant.now()));

        // A checkpoint, time-stamped by the authority; an auditor keeps it (as JSON, as the API gives it)
        String keptJson = given().auth().oauth2(otto).when().post("/audit/checkpoints").then().statusCode(200)
                .body("timestamps.size()", equalTo(1)).extract().asString();
        Bundle.SignedCheckpoint kept = JSON.readValue(keptJson, Bundle.SignedCheckpoint.class);
        assertThat(kept.events()).isPositive();
        given().auth().oauth2(ada).when().get("/audit/checkpoints/" + kept.position() + "/verification").then()
                .statusCode(200).body("verified", equalTo(true)).body("signatureValid", equalTo(true))
                .body("timestamps[0].valid", equalTo(true)).body("timestamps[0].late", equalTo(false))
                .body("timestamps[0].signedBy", containsString("Local test time-stamping authority"));

        // The store grows; the next checkpoint extends the kept one, provably
        append(caseId, 1, new LegalHoldPlaced(caseId, "Litigation expected"));
        Bundle.SignedCheckpoint next = JSON.readValue(given().auth().oauth2(otto).when().post("/audit/checkpoints")
                .then().statusCode(200).extract().asString(), Bundle.SignedCheckpoint.class);
        assertThat(next.events()).isGreaterThan(kept.events());
        String proofJson = given().auth().oauth2(ada).queryParam("from", kept.position()).when()
                .get("/audit/checkpoints/consistency").then().statusCode(200).extract().asString();
        Bundle.Consistency proof = JSON.readValue(proofJson, Bundle.Consistency.class);
        assertThat(Anchors.inconsistency(kept, next, proof.proof())).isEmpty();
        given().auth().oauth2(ada).when().get("/audit/checkpoints/" + next.position() + "/verification").then()
                .body("verified", equalTo(true)).body("previousPosition", equalTo((int) kept.position()))
                .body("consistentWithPrevious", equalTo(true));
        Path dir = Files.createTempDirectory("kept");
        Path keptFile = Files.writeString(dir.resolve("kept.json"), keptJson);
        Path rootFile = Files.writeString(dir.resolve("tsa-root.pem"), LocalAuthority.authority.rootPem());
        assertThat(offline("consistency", keptFile, write(dir, "next.json", next), write(dir, "proof.json", proof),
                "--tsa-certificate", rootFile)).startsWith("0:").contains("CONSISTENT");
        // and a bundle of the case, checked against the kept checkpoint
        assertThat(offlineBundle(export(ada, caseId, dir.resolve("before.zip")), "--since", keptFile,
                "--tsa-certificate", rootFile)).startsWith("true:")
                .contains("Time-stamps (RFC 3161): valid", "Earlier checkpoints (RFC 9162 consistency): valid");

        // The operator rewrites the first event, chains the aggregate again, drops the checkpoints and signs new ones
        // with its own key, the first backdated to the kept one's moment; the authority, asked now, stamps now
        Instant asked = Instant.now().plus(Duration.ofHours(3));
        LocalAuthority.authority.clock(Clock.fixed(asked, ZoneOffset.UTC));
        try {
            rewrite(caseId);
            forgeAt(kept);
        } finally {
            LocalAuthority.authority.clock(Clock.systemUTC());
        }
        given().auth().oauth2(ada).when().get("/audit/checkpoints/" + kept.position() + "/verification").then()
                .statusCode(200).body("verified", equalTo(false)).body("signatureValid", equalTo(true))
                .body("problems", hasItem(containsString("after the moment the checkpoint claims")));
        Bundle.SignedCheckpoint forged = JSON.readValue(given().auth().oauth2(ada).when()
                .get("/audit/checkpoints/" + kept.position()).then().statusCode(200).extract().asString(),
                Bundle.SignedCheckpoint.class);
        assertThat(forged.createdAt()).isEqualTo(kept.createdAt());
        assertThat(forged.logRoot()).isNotEqualTo(kept.logRoot());

        // The auditor who kept the first checkpoint asks for the proof to the forged one: none holds
        String forgedProof = given().auth().oauth2(ada).queryParam("from", kept.position())
                .queryParam("to", kept.position()).when().get("/audit/checkpoints/consistency").then().statusCode(200)
                .extract().asString();
        String verdict = offline("consistency", keptFile, write(dir, "forged.json", forged),
                Files.writeString(dir.resolve("forged-proof.json"), forgedProof), "--tsa-certificate", rootFile);
        assertThat(verdict).startsWith("1:").contains("NOT CONSISTENT")
                .contains("after the moment the checkpoint claims");
        // a bundle exported now carries a new, honestly stamped checkpoint: the kept one still shows the rewrite
        assertThat(offlineBundle(export(ada, caseId, dir.resolve("after.zip")), "--since", keptFile,
                "--tsa-certificate", rootFile)).startsWith("false:")
                .contains("Earlier checkpoints (RFC 9162 consistency): FAILED", "the store was rewritten after it");
    }

    private static Path export(String token, String caseId, Path to) throws Exception {
        byte[] zip = given().auth().oauth2(token).when().get("/audit/cases/" + caseId + "/bundle").then()
                .statusCode(200).extract().asByteArray();
        return Files.write(to, zip);
    }

    private static String offlineBundle(Path bundle, Object... options) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(bundle.toString()));
        for (Object option : options) {
            arguments.add(option.toString());
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        boolean ok = new VerifyBundle(new PrintStream(printed, true, StandardCharsets.UTF_8))
                .verify(VerifyBundle.Options.parse(arguments));
        return ok + ":" + printed.toString(StandardCharsets.UTF_8);
    }

    private void append(String caseId, long sequence, Object payload) {
        eventStore.publish(new GenericDomainEventMessage<>("InvestigationCase", caseId, sequence, payload,
                MetaData.with("actorSubject", "u-iris").and("actorName", "Iris Investigator"),
                UUID.randomUUID().toString(), Instant.now().minusSeconds(30)));
    }

    /** The operator edits the event and recomputes its aggregate's chain, as the trigger would have. */
    private static void rewrite(String caseId) throws Exception {
        try (var c = RealPeers.databaseOwner().getConnection(); var s = c.createStatement()) {
            try (var update = c.prepareStatement("UPDATE event_store.domain_event_entry SET payload = "
                    + "convert_to(replace(convert_from(payload, 'UTF8'), '" + caseId + "', '" + caseId
                    + "-x'), 'UTF8') WHERE aggregate_identifier = ? AND sequence_number = 0")) {
                update.setString(1, caseId);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            try (var rechain = c.prepareStatement("""
                    DO $$
                    DECLARE e event_store.domain_event_entry; previous BYTEA;
                    BEGIN
                      FOR e IN SELECT * FROM event_store.domain_event_entry WHERE aggregate_identifier = '%s'
                               ORDER BY sequence_number LOOP
                        UPDATE event_store.event_chain SET hash = event_store.event_chain_hash(e, previous),
                               previous_hash = previous
                        WHERE aggregate_identifier = e.aggregate_identifier AND sequence_number = e.sequence_number
                        RETURNING hash INTO previous;
                      END LOOP;
                    END $$""".formatted(caseId))) {
                rechain.execute();
            }
        }
    }

    /** Deletes every checkpoint and signs one at the kept one's position and moment, over the rewritten store. */
    private void forgeAt(Bundle.SignedCheckpoint kept) throws Exception {
        Checkpoints.Leaves leaves = checkpoints.leavesAt(kept.position());
        LogTree.Frontier log = new LogTree.Frontier();
        store.logLeaves(kept.position(), log::add);
        Checkpoint forged = new Checkpoint(kept.position(), Instant.parse(kept.createdAt()), leaves.heads().size(),
                Bundle.hex(MerkleTree.root(leaves.leaves())), log.size(), Bundle.hex(log.root()));
        try (var c = RealPeers.databaseOwner().getConnection(); var s = c.createStatement()) {
            s.execute("DELETE FROM audit_service.checkpoint_timestamp");
            s.execute("DELETE FROM audit_service.checkpoint_leaf");
            s.execute("DELETE FROM audit_service.checkpoint");
            try (var insert = c.prepareStatement("""
                    INSERT INTO audit_service.checkpoint (position, created_at, aggregates, root, signature, public_key,
                        events, log_root) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setLong(1, forged.position());
                insert.setTimestamp(2, Timestamp.from(forged.createdAt()));
                insert.setLong(3, forged.aggregates());
                insert.setString(4, forged.root());
                insert.setString(5, forged.sign(operatorsKey));
                insert.setString(6, kept.publicKey());
                insert.setLong(7, forged.events());
                insert.setString(8, forged.logRoot());
                insert.executeUpdate();
            }
        }
        checkpoints.stamp(checkpoints.at(kept.position()).orElseThrow());
    }

    private static Path write(Path dir, String name, Object value) throws Exception {
        return Files.write(dir.resolve(name), JSON.writeValueAsBytes(value));
    }

    /** The offline verifier's answer: its exit code, a colon, and what it printed. */
    private static String offline(Object... args) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<String> arguments = new ArrayList<>();
        for (Object arg : args) {
            arguments.add(arg.toString());
        }
        int exit = VerifyCheckpoints.run(arguments, new PrintStream(printed, true, StandardCharsets.UTF_8));
        return exit + ":" + printed.toString(StandardCharsets.UTF_8);
    }
}
