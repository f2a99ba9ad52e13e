package org.compliance.audit.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.compliance.api.cases.Allegation;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.Confidentiality;
import org.compliance.api.cases.Priority;
import org.compliance.api.cases.Respondent;
import org.compliance.api.evidence.EvidenceRequestIssued;
import org.compliance.api.evidence.FormalNotice;
import org.compliance.api.shared.StaffMember;
import org.compliance.audit.verifier.Bundle;
import org.compliance.audit.verifier.VerifyBundle;
import org.compliance.testing.RealPeers;
import org.junit.jupiter.api.Test;

/** A case bundle carries the formal notice PDFs of its requests, fetched as the auditor, and the verifier checks them. */
@QuarkusTest
@WithTestResource(RealPeers.class)
@WithTestResource(EvidenceStub.class)
class FormalNoticeBundleTest {

    private static final StaffMember IRIS = new StaffMember("u-iris", "Iris Investigator");
    private static final byte[] PDF = "%PDF-1.7\n% an information notice\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    EvidenceStub evidence;

    @Inject
    EventStore eventStore;

    @Test
    void the_bundle_includes_each_formal_notice_and_a_changed_or_missing_one_fails_verification() throws Exception {
        String caseId = "case-" + UUID.randomUUID();
        String requestId = "req-" + UUID.randomUUID();
        Instant now = Instant.now();
        MetaData byIris = MetaData.with("actorSubject", IRIS.userId()).and("actorName", IRIS.name());
        eventStore.publish(event("InvestigationCase", caseId, 0, new CaseOpened(caseId, "Training data retention",
                "Fictional", "Information Commissioner's Office", List.of("UK GDPR"), Priority.HIGH,
                Confidentiality.STANDARD, List.of(new Respondent("northwind-cloud", "Northwind Cloud Ltd")), List.of(),
                List.of(new Allegation("A1", "UK GDPR Art. 5(1)(e)", "Kept too long", null, null)), IRIS, now),
                byIris, now.minusSeconds(4)));
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF));
        Instant due = now.plusSeconds(86_400 * 28);
        eventStore.publish(event("EvidenceRequest", requestId, 0, new EvidenceRequestIssued(requestId, caseId,
                "northwind-cloud", List.of("Policies"), "UK GDPR Art. 58", "", due, "Europe/London", IRIS, now, null, List.of(),
                new FormalNotice("A penalty notice may follow.", "First-tier Tribunal", 28, now, due, sha256,
                        PDF.length, sha256, "Ed25519", "0011223344556677", "c2ln")), byIris, now.minusSeconds(2)));
        evidence.notices.put(requestId, PDF);

        String ada = RealPeers.tokenFor("ada.auditor");
        byte[] zip = given().auth().oauth2(ada).when().get("/audit/cases/" + caseId + "/bundle").then()
                .statusCode(200).extract().asByteArray();
        assertThat(evidence.authorizations).contains("Bearer " + ada);
        Map<String, byte[]> files = unzip(zip);
        assertThat(files.get(Bundle.formalNotice(requestId))).isEqualTo(PDF);
        assertThat(new String(files.get(Bundle.README), StandardCharsets.UTF_8)).contains(Bundle.FORMAL_NOTICES);
        Verified good = verify(write(files));
        assertThat(good.ok()).as(good.output()).isTrue();
        assertThat(good.output()).contains("Formal notices: valid (1 of 1 match the SHA-256 their issue events record)");

        byte[] changed = PDF.clone();
        changed[10] ^= 1;
        Map<String, byte[]> altered = new LinkedHashMap<>(files);
        altered.put(Bundle.formalNotice(requestId), changed);
        Verified bad = verify(write(altered));
        assertThat(bad.ok()).isFalse();
        assertThat(bad.output()).contains("the formal notice of request " + requestId + " (" + Bundle.formalNotice(
                requestId) + ") differs from the SHA-256 its issue event records");

        Map<String, byte[]> without = new LinkedHashMap<>(files);
        without.remove(Bundle.formalNotice(requestId));
        without.put(Bundle.formalNotice("req-other"), PDF);
        Verified missing = verify(write(without));
        assertThat(missing.ok()).isFalse();
        assertThat(missing.output()).contains("the formal notice of request " + requestId + " is missing",
                Bundle.formalNotice("req-other") + " is the formal notice of no request issued in the bundle");
    }

    private record Verified(boolean ok, String output) {
    }

    private static Verified verify(Path bundle) throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        boolean ok = new VerifyBundle(new PrintStream(text, true, StandardCharsets.UTF_8)).verify(bundle, null);
        return new Verified(ok, text.toString(StandardCharsets.UTF_8));
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static Path write(Map<String, byte[]> files) throws Exception {
        Path bundle = Files.createTempFile("bundle", ".zip");
        try (var out = new ZipOutputStream(Files.newOutputStream(bundle))) {
            for (var file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue());
                out.closeEntry();
            }
        }
        return bundle;
    }

    private static GenericDomainEventMessage<Object> event(String type, String aggregateId, long sequence,
                                                           Object payload, MetaData metaData, Instant at) {
        return new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, metaData,
                UUID.randomUUID().toString(), at);
    }
}
