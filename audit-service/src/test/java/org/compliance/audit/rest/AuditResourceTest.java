package org.compliance.audit.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.compliance.api.cases.Allegation;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.Confidentiality;
import org.compliance.api.cases.DecisionIssued;
import org.compliance.api.cases.DecisionKind;
import org.compliance.api.cases.InvestigationStarted;
import org.compliance.api.cases.LegalHoldLifted;
import org.compliance.api.cases.LegalHoldPlaced;
import org.compliance.api.cases.Priority;
import org.compliance.api.cases.Respondent;
import org.compliance.api.evidence.EvidenceFile;
import org.compliance.api.evidence.EvidenceRequestIssued;
import org.compliance.api.evidence.EvidenceSubmitted;
import org.compliance.api.evidence.ExtensionGranted;
import org.compliance.api.evidence.StatementOfTruth;
import org.compliance.api.shared.CompanyUser;
import org.compliance.api.shared.StaffMember;
import org.compliance.audit.verifier.Bundle;
import org.compliance.audit.verifier.VerifyBundle;
import org.compliance.testing.RealPeers;
import org.junit.jupiter.api.Test;

/**
 * An auditor reads a case's history across services and verifies it; an edit or a deletion made behind the
 * system's back, straight in PostgreSQL, is reported at exactly the event concerned.
 */
@QuarkusTest
@WithTestResource(RealPeers.class)
class AuditResourceTest {

    private static final StaffMember IRIS = new StaffMember("u-iris", "Iris Investigator");
    private static final CompanyUser NORA = new CompanyUser("u-nora", "Nora Northwind", "northwind-cloud");

    @Inject
    EventStore eventStore;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void the_history_of_a_case_spans_its_requests_in_commit_order_with_actors_and_can_be_filtered() {
        Story story = story();
        String ada = RealPeers.tokenFor("ada.auditor");
        given().auth().oauth2(ada).when().get("/audit/cases/" + story.caseId + "/history").then().statusCode(200)
                .body("items.type", contains("CaseOpened", "InvestigationStarted", "EvidenceRequestIssued",
                        "EvidenceSubmitted", "LegalHoldPlaced"))
                .body("items[0].actorName", equalTo("Iris Investigator"))
                .body("items[0].actorRoles", contains("investigator"))
                .body("items[3].actorRoles", contains("company"))
                .body("items[3].actorId", equalTo("u-nora"))
                .body("items[3].payload.statementOfTruth.position", equalTo("Data Protection Officer"))
                .body("items[2].aggregateId", equalTo(story.requestId));
        given().auth().oauth2(ada).queryParam("actor", "u-nora").when()
                .get("/audit/cases/" + story.caseId + "/history").then().statusCode(200)
                .body("items.type", contains("EvidenceSubmitted"));
        given().auth().oauth2(ada).queryParam("type", "InvestigationStarted").when()
                .get("/audit/cases/" + story.caseId + "/history").then().body("items.sequenceNumber", contains(1));
        given().auth().oauth2(ada).queryParam("type", "LegalHoldPlaced", "EvidenceSubmitted").queryParam("actor", "u-iris")
                .when().get("/audit/cases/" + story.caseId + "/history").then().statusCode(200)
                .body("items.type", contains("LegalHoldPlaced"));
        given().auth().oauth2(ada).queryParam("type", "LegalHoldPlaced", "EvidenceSubmitted")
                .queryParam("from", history(ada, story).getString("items[3].time"))
                .queryParam("to", Instant.now().plusSeconds(1).toString())
                .when().get("/audit/cases/" + story.caseId + "/history").then().statusCode(200)
                .body("items.type", contains("EvidenceSubmitted", "LegalHoldPlaced"));
        given().auth().oauth2(ada).queryParam("from", "2999-01-01T00:00:00Z").when()
                .get("/audit/cases/" + story.caseId + "/history").then().statusCode(200).body("items.size()", equalTo(0));
        for (String from : new String[]{"yesterday", "0", "+999999-01-01T00:00:00Z", "-290000-01-01T00:00:00Z"}) {
            given().auth().oauth2(ada).queryParam("from", from).when()
                    .get("/audit/cases/" + story.caseId + "/history").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        }
        // A type is one of the kinds of event by name, never a pattern: anything else is refused, not matched.
        for (String type : new String[]{"\\", "%", "_nvestigationStarted", "Investigation%", "investigationstarted",
                "org.compliance.api.cases.CaseOpened"}) {
            given().auth().oauth2(ada).queryParam("type", type).when()
                    .get("/audit/cases/" + story.caseId + "/history").then().statusCode(422)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("type"));
        }
        given().auth().oauth2(ada).queryParam("from", "2026-01-02T00:00:00Z").queryParam("to", "2026-01-01T00:00:00Z")
                .when().get("/audit/cases/" + story.caseId + "/history").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("to"));
        given().auth().oauth2(ada).queryParam("position", "-1").when()
                .get("/audit/cases/" + story.caseId + "/state").then().statusCode(422);
        given().auth().oauth2(ada).queryParam("position", "99999999999999999999").when()
                .get("/audit/cases/" + story.caseId + "/state").then().statusCode(400)
                .body("errors[0].field", equalTo("position"));
        given().auth().oauth2(ada).when().get("/audit/cases/no-such-case/history").then().statusCode(404);

        given().auth().oauth2(ada).when().get("/audit/cases/" + story.caseId + "/access").then().statusCode(200)
                .body("what", hasItem("HISTORY")).body("userName[0]", startsWith("Ada"));
    }

    @Test
    void the_case_as_it_stood_at_a_position_or_a_moment_is_rebuilt_from_the_events_with_what_changed_since() {
        Story story = story();
        String ada = RealPeers.tokenFor("ada.auditor");
        var history = given().auth().oauth2(ada).when().get("/audit/cases/" + story.caseId + "/history").then()
                .extract().jsonPath();
        long started = history.getLong("items[1].position");
        String openedAt = history.getString("items[0].time");

        given().auth().oauth2(ada).queryParam("position", started).when()
                .get("/audit/cases/" + story.caseId + "/state").then().statusCode(200)
                .body("caseFile.status", equalTo("INVESTIGATING"))
                .body("caseFile.legalHoldReason", org.hamcrest.Matchers.nullValue())
                .body("requests.size()", equalTo(0))
                .body("eventsReplayed", equalTo(2));
        given().auth().oauth2(ada).when().get("/audit/cases/" + story.caseId + "/state").then().statusCode(200)
                .body("caseFile.legalHoldReason", equalTo("Litigation expected"))
                .body("requests[0].submissions[0].statementOfTruth.name", equalTo("Nora Northwind"))
                .body("eventsReplayed", equalTo(5));
        given().auth().oauth2(ada).queryParam("from", openedAt).queryParam("to", Instant.now().plusSeconds(1).toString())
                .when().get("/audit/cases/" + story.caseId + "/changes").then().statusCode(200)
                .body("before.caseFile.status", equalTo("OPENED"))
                .body("after.caseFile.legalHoldReason", equalTo("Litigation expected"))
                .body("changes.type", contains("InvestigationStarted", "EvidenceRequestIssued", "EvidenceSubmitted",
                        "LegalHoldPlaced"))
                .body("changes[2].actorName", equalTo("Nora Northwind"));
        given().auth().oauth2(ada).queryParam("at", "then").when().get("/audit/cases/" + story.caseId + "/state")
                .then().statusCode(400).body("errors[0].field", equalTo("at"));
    }

    @Test
    void the_timeline_has_each_status_period_legal_hold_decision_and_request_with_its_due_moments() {
        Story story = story();
        Instant now = Instant.now();
        MetaData bySam = MetaData.with("actorSubject", "u-sam").and("actorName", "Sam Supervisor")
                .and("actorRoles", List.of("supervisor"));
        Instant extended = now.plusSeconds(86_400 * 21);
        eventStore.publish(event("EvidenceRequest", story.requestId, 2, new ExtensionGranted(story.requestId,
                story.caseId, now.plusSeconds(86_400 * 14), extended, IRIS), bySam, now));
        eventStore.publish(event("InvestigationCase", story.caseId, 3, new LegalHoldLifted(story.caseId, "Settled"),
                bySam, now.plusMillis(100)));
        eventStore.publish(event("InvestigationCase", story.caseId, 4, new DecisionIssued(story.caseId,
                DecisionKind.REPRIMAND, "Kept data too long", null, null, new StaffMember("u-sam", "Sam Supervisor"),
                now, null, "Internal"), bySam, now.plusMillis(200)));
        var history = history(RealPeers.tokenFor("ada.auditor"), story);

        given().auth().oauth2(RealPeers.tokenFor("ada.auditor")).when()
                .get("/audit/cases/" + story.caseId + "/timeline").then().statusCode(200)
                .body("title", equalTo("Training data retention"))
                .body("statuses.status", contains("OPENED", "INVESTIGATING", "DECISION_ISSUED"))
                .body("statuses[0].from", equalTo(history.getString("items[0].time")))
                .body("statuses[0].until", equalTo(history.getString("items[1].time")))
                .body("statuses[2].until", org.hamcrest.Matchers.nullValue())
                .body("legalHolds.reason", contains("Litigation expected"))
                .body("legalHolds[0].placedAt", equalTo(history.getString("items[4].time")))
                .body("legalHolds[0].liftedAt", equalTo(history.getString("items[6].time")))
                .body("decisions.kind", contains("REPRIMAND"))
                .body("requests.requestId", contains(story.requestId))
                .body("requests[0].subject", equalTo("Policies"))
                .body("requests[0].dueMoments.size()", equalTo(2))
                .body("requests[0].dueMoments[1]", equalTo(history.getString("items[5].payload.newDueAt")))
                .body("requests[0].closedAt", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(RealPeers.tokenFor("iris.investigator")).when()
                .get("/audit/cases/" + story.caseId + "/timeline").then().statusCode(403);
        given().auth().oauth2(RealPeers.tokenFor("ada.auditor")).when().get("/audit/cases/no-such-case/timeline")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void only_auditors_and_supervisors_read_the_audit_trail() {
        Story story = story();
        given().when().get("/audit/cases/" + story.caseId + "/history").then().statusCode(401);
        for (String user : List.of("nora.northwind", "iris.investigator", "otto.operator")) {
            given().auth().oauth2(RealPeers.tokenFor(user)).when().get("/audit/cases/" + story.caseId + "/history")
                    .then().statusCode(403);
        }
        given().auth().oauth2(RealPeers.tokenFor("sam.supervisor")).when()
                .get("/audit/cases/" + story.caseId + "/verification").then().statusCode(200);
    }

    @Test
    void an_event_edited_in_postgresql_is_reported_exactly() throws Exception {
        Story story = story();
        String ada = RealPeers.tokenFor("ada.auditor");
        given().auth().oauth2(ada).when().get("/audit/cases/" + story.caseId + "/verification").then()
                .statusCode(200).body("intact", equalTo(true)).body("aggregates", equalTo(2))
                .body("events", equalTo(5));

        String edited = eventId(story.requestId, 1);
        sql("UPDATE event_store.domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'Data Protection Officer', 'Chief Executive'), 'UTF8') WHERE event_identifier = ?", edited);

        given().auth().oauth2(ada).when().get("/audit/cases/" + story.caseId + "/verification").then()
                .statusCode(200).body("intact", equalTo(false))
                .body("firstProblem.eventId", equalTo(edited))
                .body("firstProblem.aggregateId", equalTo(story.requestId))
                .body("firstProblem.sequenceNumber", equalTo(1))
                .body("firstProblem.reason", org.hamcrest.Matchers.containsString("does not match its hash"));
        given().auth().oauth2(ada).when().get("/audit/verification").then().statusCode(200)
                .body("intact", equalTo(false));
    }

    @Test
    void reads_are_on_the_record_in_the_chained_store_and_an_edited_read_shows() throws Exception {
        Story story = story();
        String ada = RealPeers.tokenFor("ada.auditor");
        given().auth().oauth2(ada).when().get("/audit/cases/" + story.caseId + "/history").then().statusCode(200);
        given().auth().oauth2(ada).when().get("/audit/cases/" + story.caseId + "/timeline").then().statusCode(200);

        given().auth().oauth2(ada).when().get("/audit/cases/" + story.caseId + "/access").then().statusCode(200)
                .body("what", contains("TIMELINE", "HISTORY"))
                .body("onRecord", contains(true, true)).body("intact", contains(true, true))
                .body("userName[1]", startsWith("Ada"));
        String firstRead = eventId("reads-" + story.caseId, 0);
        try (var c = dataSource.getConnection(); var q = c.prepareStatement("SELECT hash FROM event_store.event_chain "
                + "WHERE event_identifier = ?")) {
            q.setString(1, firstRead);
            try (var row = q.executeQuery()) {
                assertThat(row.next()).as("the read is chained like any event").isTrue();
            }
        }

        // Someone with the database's rights makes the first read another person's
        sql("UPDATE event_store.domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'Ada', 'Someone'), 'UTF8') WHERE event_identifier = ?", firstRead);

        given().auth().oauth2(ada).when().get("/audit/cases/" + story.caseId + "/access").then().statusCode(200)
                .body("find { it.what == 'HISTORY' }.intact", equalTo(false))
                .body("find { it.what == 'TIMELINE' }.intact", equalTo(false));
        given().auth().oauth2(ada).when().get("/audit/verification").then().statusCode(200)
                .body("intact", equalTo(false));
    }

    @Test
    void an_event_deleted_in_postgresql_is_reported_as_a_gap() throws Exception {
        Story story = story();
        String deleted = eventId(story.caseId, 1);
        sql("DELETE FROM event_store.domain_event_entry WHERE event_identifier = ?", deleted);
        given().auth().oauth2(RealPeers.tokenFor("ada.auditor")).when()
                .get("/audit/cases/" + story.caseId + "/verification").then().statusCode(200)
                .body("intact", equalTo(false))
                .body("firstProblem.aggregateId", equalTo(story.caseId))
                .body("firstProblem.sequenceNumber", equalTo(1))
                .body("firstProblem.eventId", equalTo(deleted))
                .body("firstProblem.reason", org.hamcrest.Matchers.containsString("missing from the store"));

        sql("DELETE FROM event_store.event_chain WHERE event_identifier = ?", deleted);
        given().auth().oauth2(RealPeers.tokenFor("ada.auditor")).when()
                .get("/audit/cases/" + story.caseId + "/verification").then()
                .body("firstProblem.sequenceNumber", equalTo(1))
                .body("firstProblem.reason", org.hamcrest.Matchers.containsString("gap"));
    }

    @Test
    void an_exported_bundle_verifies_offline_and_a_changed_byte_in_an_event_a_file_entry_or_the_signature_fails()
            throws Exception {
        Story story = story();
        String ada = RealPeers.tokenFor("ada.auditor");
        byte[] zip = given().auth().oauth2(ada).when().get("/audit/cases/" + story.caseId + "/bundle").then()
                .statusCode(200).contentType("application/zip").extract().asByteArray();
        given().auth().oauth2(ada).when().get("/audit/cases/" + story.caseId + "/access").then()
                .body("what", hasItem("EXPORT"));
        Path bundle = Files.createTempFile("bundle", ".zip");
        Files.write(bundle, zip);
        Verified good = verify(bundle);
        assertThat(good.ok()).as(good.output()).isTrue();
        assertThat(good.output()).contains("Hash chains: valid (2 of 2 aggregates intact)",
                "Merkle proofs: valid (2 of 2 aggregates proven", "Checkpoint signature (Ed25519): valid",
                "Evidence manifest: valid (1 of 1 files match", "Bundle contents: valid", "VERIFIED: all 10 checks are valid");

        Map<String, byte[]> files = unzip(zip);
        String events = new String(files.get(Bundle.EVENTS), StandardCharsets.UTF_8);
        Map<String, Object> line = new ObjectMapper().readValue(events.split("\n")[0], Map.class);
        byte[] payload = Base64.getDecoder().decode((String) line.get("payload"));
        payload[payload.length / 2] ^= 1;
        String changed = events.replace((String) line.get("payload"), Base64.getEncoder().encodeToString(payload));
        Verified event = verify(rezip(files, Bundle.EVENTS, changed.getBytes(StandardCharsets.UTF_8)));
        assertThat(event.ok()).isFalse();
        assertThat(event.output()).contains("hash chain of " + line.get("aggregateId") + " broken at sequence number "
                + line.get("sequenceNumber") + " (event " + line.get("eventId"));

        String manifest = new String(files.get(Bundle.MANIFEST), StandardCharsets.UTF_8).replaceFirst("abab", "abac");
        Verified file = verify(rezip(files, Bundle.MANIFEST, manifest.getBytes(StandardCharsets.UTF_8)));
        assertThat(file.ok()).isFalse();
        assertThat(file.output()).contains("evidence manifest entry f-1 (policy.pdf) differs");

        Map<String, Object> checkpoint = new ObjectMapper().readValue(files.get(Bundle.CHECKPOINT), Map.class);
        byte[] signature = Base64.getDecoder().decode((String) checkpoint.get("signature"));
        signature[0] ^= 1;
        checkpoint.put("signature", Base64.getEncoder().encodeToString(signature));
        Verified signed = verify(rezip(files, Bundle.CHECKPOINT, new ObjectMapper().writeValueAsBytes(checkpoint)));
        assertThat(signed.ok()).isFalse();
        assertThat(signed.output()).contains("Checkpoint signature (Ed25519): FAILED", "signature does not verify",
                "checkpoint.json differs from the SHA-256 contents.sha256 lists for it",
                "NOT VERIFIED: 2 of 10 checks failed, 1 not checked");
    }

    @Test
    void the_last_events_of_a_chain_deleted_with_their_links_are_caught_by_the_checkpoint() throws Exception {
        Story story = story();
        given().auth().oauth2(RealPeers.tokenFor("otto.operator")).when().post("/audit/checkpoints").then()
                .statusCode(200);
        given().auth().oauth2(RealPeers.tokenFor("ada.auditor")).when().post("/audit/checkpoints").then()
                .statusCode(403);
        String last = eventId(story.caseId, 2);
        sql("DELETE FROM event_store.event_chain WHERE event_identifier = ?", last);
        sql("DELETE FROM event_store.domain_event_entry WHERE event_identifier = ?", last);
        given().auth().oauth2(RealPeers.tokenFor("ada.auditor")).when()
                .get("/audit/cases/" + story.caseId + "/verification").then().statusCode(200)
                .body("intact", equalTo(false)).body("checkpointMatches", equalTo(false))
                .body("firstProblem.reason", org.hamcrest.Matchers.containsString("no longer has the chain ends"));
    }

    @Test
    void altered_checkpoint_leaves_are_reported_not_trusted() throws Exception {
        Story story = story();
        String otto = RealPeers.tokenFor("otto.operator");
        given().auth().oauth2(otto).when().post("/audit/checkpoints").then().statusCode(200);
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                "UPDATE audit_service.checkpoint_leaf SET hash = sha256(hash) WHERE aggregate_identifier = ?")) {
            s.setString(1, story.caseId);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        String ada = RealPeers.tokenFor("ada.auditor");
        given().auth().oauth2(ada).when().get("/audit/cases/" + story.caseId + "/verification").then()
                .statusCode(200).body("intact", equalTo(false))
                .body("firstProblem.reason", org.hamcrest.Matchers.containsString("audit tables were altered"));
        given().auth().oauth2(ada).when().get("/audit/cases/" + story.caseId + "/bundle").then().statusCode(409)
                .contentType("application/problem+json");

        story();
        given().auth().oauth2(otto).when().post("/audit/checkpoints").then().statusCode(200);
        given().auth().oauth2(ada).when().get("/audit/cases/" + story.caseId + "/verification").then()
                .body("intact", equalTo(true));
    }

    private static io.restassured.path.json.JsonPath history(String token, Story story) {
        return given().auth().oauth2(token).when().get("/audit/cases/" + story.caseId + "/history").then()
                .statusCode(200).extract().jsonPath();
    }

    private record Verified(boolean ok, String output) {
    }

    private static Verified verify(Path bundle) throws Exception {
        var text = new java.io.ByteArrayOutputStream();
        var out = new java.io.PrintStream(text, true, StandardCharsets.UTF_8);
        boolean ok = new VerifyBundle(out).verify(bundle, null);
        return new Verified(ok, text.toString(StandardCharsets.UTF_8));
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static Path rezip(Map<String, byte[]> files, String name, byte[] content) throws Exception {
        Path bundle = Files.createTempFile("bundle", ".zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(bundle))) {
            for (var file : files.entrySet()) {
                out.putNextEntry(new java.util.zip.ZipEntry(file.getKey()));
                out.write(file.getKey().equals(name) ? content : file.getValue());
                out.closeEntry();
            }
        }
        return bundle;
    }

    private record Story(String caseId, String requestId) {
    }

    private Story story() {
        String caseId = "case-" + UUID.randomUUID();
        String requestId = "req-" + UUID.randomUUID();
        // with the trace context that events stored while tracing is on carry (decision 16): the chain, the
        // verification and the offline verifier take it as they take any other metadata
        MetaData byIris = MetaData.with("actorSubject", IRIS.userId()).and("actorName", IRIS.name())
                .and("actorRoles", List.of("investigator"))
                .and("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        MetaData byNora = MetaData.with("actorSubject", NORA.userId()).and("actorName", NORA.name())
                .and("actorRoles", List.of("company"))
                .and("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .and("tracestate", "vendor=opaque");
        Instant now = Instant.now();
        // two seconds apart, so that every event has a moment of its own
        eventStore.publish(event("InvestigationCase", caseId, 0, new CaseOpened(caseId, "Training data retention",
                "Fictional", "Information Commissioner's Office", List.of("UK GDPR"), Priority.HIGH,
                Confidentiality.STANDARD, List.of(new Respondent("northwind-cloud", "Northwind Cloud Ltd")), List.of(),
                List.of(new Allegation("A1", "UK GDPR Art. 5(1)(e)", "Kept too long", null, null)), IRIS, now),
                byIris, now.minusSeconds(10)));
        eventStore.publish(event("InvestigationCase", caseId, 1, new InvestigationStarted(caseId), byIris,
                now.minusSeconds(8)));
        eventStore.publish(event("EvidenceRequest", requestId, 0, new EvidenceRequestIssued(requestId, caseId,
                "northwind-cloud", List.of("Policies"), "UK GDPR Art. 58", "", now.plusSeconds(86_400 * 14),
                "Europe/London", IRIS, now), byIris, now.minusSeconds(6)));
        eventStore.publish(event("EvidenceRequest", requestId, 1, new EvidenceSubmitted(requestId, caseId, "s-1",
                List.of(new EvidenceFile("f-1", "policy.pdf", "application/pdf", 1024, "ab".repeat(32))),
                "Retention policy", new StatementOfTruth("Nora Northwind", "Data Protection Officer"), NORA, now,
                false), byNora, now.minusSeconds(4)));
        eventStore.publish(event("InvestigationCase", caseId, 2, new LegalHoldPlaced(caseId, "Litigation expected"),
                byIris, now.minusSeconds(2)));
        return new Story(caseId, requestId);
    }

    private static GenericDomainEventMessage<Object> event(String type, String aggregateId, long sequence,
                                                           Object payload, MetaData metaData, Instant at) {
        return new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, metaData,
                UUID.randomUUID().toString(), at);
    }

    private String eventId(String aggregateId, long sequence) throws Exception {
        try (var c = dataSource.getConnection(); var q = c.prepareStatement("SELECT event_identifier FROM "
                + "event_store.domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?")) {
            q.setString(1, aggregateId);
            q.setLong(2, sequence);
            try (var row = q.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }

    /** A change to the event store, as only an operator with the owner's credentials can make it. */
    private void sql(String statement, String parameter) throws Exception {
        try (var c = RealPeers.databaseOwner().getConnection(); var s = c.prepareStatement(statement)) {
            s.setString(1, parameter);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }
}
