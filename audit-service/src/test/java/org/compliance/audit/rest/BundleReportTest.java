package org.compliance.audit.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
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
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.compliance.api.cases.Allegation;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.Confidentiality;
import org.compliance.api.cases.DecisionIssued;
import org.compliance.api.cases.DecisionKind;
import org.compliance.api.cases.Priority;
import org.compliance.api.cases.Respondent;
import org.compliance.api.evidence.EvidenceFile;
import org.compliance.api.evidence.EvidenceRequestIssued;
import org.compliance.api.evidence.EvidenceSubmitted;
import org.compliance.api.evidence.StatementOfTruth;
import org.compliance.api.shared.CompanyUser;
import org.compliance.api.shared.StaffMember;
import org.compliance.audit.chain.Checkpoint;
import org.compliance.audit.verifier.Bundle;
import org.compliance.audit.verifier.VerifyBundle;
import org.compliance.testing.RealPeers;
import org.junit.jupiter.api.Test;

/**
 * The bundle's report says what happened, who did it, what was decided and submitted, and how it verified at export;
 * with files=true the evidence files are streamed in (as the auditor) and hashed on the way, and one that differs
 * from its submission event is named in the report and fails the offline verifier.
 */
@QuarkusTest
@WithTestResource(RealPeers.class)
@WithTestResource(EvidenceStub.class)
class BundleReportTest {

    private static final StaffMember IRIS = new StaffMember("u-iris", "Iris Investigator");
    private static final StaffMember SUE = new StaffMember("u-sue", "Sue Supervisor");
    private static final CompanyUser CARL = new CompanyUser("u-carl", "Carl Compliance", "northwind-cloud");
    private static final byte[] POLICY = "Retention policy, version 3\n".repeat(500).getBytes(StandardCharsets.UTF_8);
    private static final byte[] LOG = "2026-01-01 deleted 10 records\n".repeat(100).getBytes(StandardCharsets.UTF_8);

    EvidenceStub evidence;

    @Inject
    EventStore eventStore;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void the_report_tells_the_case_and_the_files_come_with_their_hashes_checked() throws Exception {
        Case c = aCaseWithTwoFilesAndADecision();
        evidence.files.put(c.requestId + "/f-policy", POLICY);
        byte[] altered = LOG.clone();
        altered[5] ^= 1;
        evidence.files.put(c.requestId + "/f-log", altered);

        String ada = RealPeers.tokenFor("ada.auditor");
        given().auth().oauth2(ada).when().get("/audit/cases/" + c.caseId + "/history").then().statusCode(200);
        keptBeforeReadsWereOnTheRecord(c.caseId, "Olga Oldtimer", Instant.now().minusSeconds(3600));
        Map<String, byte[]> files = unzip(given().auth().oauth2(ada).when()
                .get("/audit/cases/" + c.caseId + "/bundle?files=true").then().statusCode(200).extract().asByteArray());
        assertThat(evidence.paths).contains("/requests/" + c.requestId + "/files/f-policy",
                "/requests/" + c.requestId + "/files/f-log");
        assertThat(evidence.authorizations).contains("Bearer " + ada);

        String policyEntry = Bundle.evidenceFile(c.requestId, "f-policy", "retention policy.pdf");
        String logEntry = Bundle.evidenceFile(c.requestId, "f-log", "../deletions.log");
        assertThat(policyEntry).isEqualTo(Bundle.EVIDENCE_FILES + c.requestId + "/f-policy-retention_policy.pdf");
        assertThat(logEntry).isEqualTo(Bundle.EVIDENCE_FILES + c.requestId + "/f-log-__deletions.log");
        assertThat(files.get(policyEntry)).isEqualTo(POLICY);
        assertThat(files.get(logEntry)).isEqualTo(altered);

        String publicKey = given().auth().oauth2(ada).when().get("/audit/checkpoints/public-key").then()
                .statusCode(200).extract().path("key");
        String fingerprint = Checkpoint.fingerprint(publicKey);
        String html = new String(files.get(Bundle.REPORT_HTML), StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains(
                "Training data retention &lt;draft&gt;", "Information Commissioner&#39;s Office",
                "Northwind Cloud Ltd", "Case opened", "Evidence request issued", "Evidence submitted",
                "Decision issued", "Iris Investigator (investigator)", "Sue Supervisor (supervisor)",
                "Carl Compliance (company)", "Reprimand", "Kept logs for ten years",
                "retention policy.pdf", sha256(POLICY), String.valueOf(POLICY.length), "../deletions.log", sha256(LOG),
                "included as " + policyEntry + "; SHA-256 checked on the way: matches the submission event",
                "DIFFERS FROM THE RECORD: included as " + logEntry + "; evidence-service gave " + altered.length
                        + " bytes with SHA-256 " + sha256(altered),
                "intact: 4 events of 2 aggregates match their hash chains", "Status at export</dt><dd>Decision issued",
                fingerprint, "Ada Auditor (auditor)");
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContain("src=", "href=", "url(", "@import");
        String whoLooked = html.substring(html.indexOf("<section id=\"who-looked\">"));
        assertThat(whoLooked).contains("<h2>Who looked</h2>", "This export is itself put on the record as a read just "
                        + "after this list was drawn up, so it is not included",
                "<td>Ada Auditor</td><td>History (page 1, every event)</td>",
                "<td class=\"verdict-ok\">on the record, chain intact</td>",
                "<td>Olga Oldtimer</td>", "<td class=\"verdict-bad\">NOT ON THE RECORD: kept as a plain row")
                .doesNotContain("Export of the case bundle");
        assertThat(whoLooked.indexOf("Olga Oldtimer")).as("oldest first").isLessThan(whoLooked.indexOf("Ada Auditor"));

        String pdf = text(files.get(Bundle.REPORT_PDF));
        assertThat(pdf).contains("Training data retention <draft>", "Information Commissioner's Office",
                "Evidence submitted", "Carl Compliance (company)", "retention policy.pdf", sha256(POLICY),
                "DIFFERS FROM THE RECORD", fingerprint);
        assertThat(pdf.replaceAll("\\s+", " ")).contains("Who looked",
                "Ada Auditor looked at History (page 1, every event)", "on the record, chain intact",
                "Olga Oldtimer looked at History", "NOT ON THE RECORD");

        Verified verified = verify(files, publicKey);
        assertThat(verified.ok()).isFalse();
        assertThat(verified.output()).contains(
                "Key the signature is checked with: SHA-256 fingerprint " + fingerprint + ", given with --public-key",
                "Hash chains: valid", "Checkpoint signature (Ed25519): valid",
                "Evidence files: FAILED (1 of 2 included files match the SHA-256 and size their submission events record)",
                "evidence file " + logEntry + " (file f-log of request " + c.requestId + ") has SHA-256 "
                        + sha256(altered),
                "Bundle contents: valid", "NOT VERIFIED: 1 of 10 checks failed");

        Map<String, byte[]> changedReport = new LinkedHashMap<>(files);
        changedReport.put(Bundle.REPORT_HTML, html.replace("Reprimand", "No further action")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(verify(changedReport, publicKey).output()).contains("report.html differs from the SHA-256 "
                + "contents.sha256 lists for it");
    }

    @Test
    void without_files_the_bundle_verifies_and_the_report_says_they_were_not_included() throws Exception {
        Case c = aCaseWithTwoFilesAndADecision();
        String ada = RealPeers.tokenFor("ada.auditor");
        int asked = evidence.paths.size();
        Map<String, byte[]> files = unzip(given().auth().oauth2(ada).when().get("/audit/cases/" + c.caseId + "/bundle")
                .then().statusCode(200).extract().asByteArray());
        assertThat(evidence.paths.subList(asked, evidence.paths.size())).noneMatch(p -> p.contains("/files/"));
        assertThat(files.keySet()).noneMatch(name -> name.startsWith(Bundle.EVIDENCE_FILES))
                .contains(Bundle.REPORT_HTML, Bundle.REPORT_PDF, Bundle.CONTENTS, Bundle.CONTENTS_SIGNATURE);
        assertThat(new String(files.get(Bundle.REPORT_HTML), StandardCharsets.UTF_8))
                .contains("not included (exported without the files)");
        Verified verified = verify(files, null);
        assertThat(verified.ok()).as(verified.output()).isTrue();
        assertThat(verified.output()).contains("Evidence files: valid (none included: the bundle was exported "
                + "without the files (2 recorded; the evidence manifest gives their SHA-256))");

        // a file evidence-service cannot give is left out and the report says why
        Map<String, byte[]> partly = unzip(given().auth().oauth2(ada).when()
                .get("/audit/cases/" + c.caseId + "/bundle?files=true").then().statusCode(200).extract().asByteArray());
        String partlyReport = new String(partly.get(Bundle.REPORT_HTML), StandardCharsets.UTF_8);
        assertThat(partlyReport)
                .contains("not included: evidence-service could not give it (evidence-service answered 404)");
        // the first export was a read before this one
        assertThat(partlyReport.substring(partlyReport.indexOf("<section id=\"who-looked\">")))
                .contains("<td>Ada Auditor</td><td>Export of the case bundle (4 events, checkpoint at");
        assertThat(verify(partly, null).ok()).isTrue();

        given().auth().oauth2(ada).when().get("/audit/cases/" + c.caseId + "/bundle?files=maybe").then()
                .statusCode(400).contentType("application/problem+json");
    }

    private record Case(String caseId, String requestId) {
    }

    /** A look kept as a plain row, as before decision 28: the report must not pass it off as on the record. */
    private void keptBeforeReadsWereOnTheRecord(String caseId, String reader, Instant at) throws Exception {
        try (var connection = dataSource.getConnection(); var insert = connection.prepareStatement("""
                INSERT INTO audit_service.access_record (id, case_id, what, detail, user_id, user_name, accessed_at)
                VALUES (?, ?, 'HISTORY', 'page 0', 'u-olga', ?, ?)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, caseId);
            insert.setString(3, reader);
            insert.setTimestamp(4, java.sql.Timestamp.from(at));
            insert.executeUpdate();
        }
    }

    private Case aCaseWithTwoFilesAndADecision() {
        String caseId = "case-" + UUID.randomUUID();
        String requestId = "req-" + UUID.randomUUID();
        Instant now = Instant.now();
        MetaData byIris = MetaData.with("actorSubject", IRIS.userId()).and("actorName", IRIS.name())
                .and("actorRoles", List.of("investigator", "default-roles-compliance"));
        eventStore.publish(event("InvestigationCase", caseId, 0, new CaseOpened(caseId, "Training data retention <draft>",
                "Fictional", "Information Commissioner's Office", List.of("UK GDPR"), Priority.HIGH,
                Confidentiality.STANDARD, List.of(new Respondent("northwind-cloud", "Northwind Cloud Ltd")), List.of(),
                List.of(new Allegation("A1", "UK GDPR Art. 5(1)(e)", "Kept too long", null, null)), IRIS, now),
                byIris, now.minusSeconds(8)));
        eventStore.publish(event("EvidenceRequest", requestId, 0, new EvidenceRequestIssued(requestId, caseId,
                "northwind-cloud", List.of("Retention policies"), "UK GDPR Art. 58", "", now.plusSeconds(86_400 * 14),
                "Europe/London", IRIS, now, null, List.of(), null), byIris, now.minusSeconds(7)));
        eventStore.publish(event("EvidenceRequest", requestId, 1, new EvidenceSubmitted(requestId, caseId, "sub-1",
                List.of(new EvidenceFile("f-policy", "retention policy.pdf", "application/pdf", POLICY.length,
                                sha256(POLICY)),
                        new EvidenceFile("f-log", "../deletions.log", "text/plain", LOG.length, sha256(LOG))),
                "Our policy and the deletion log", new StatementOfTruth("Carl Compliance", "DPO"), CARL, now, false),
                MetaData.with("actorSubject", CARL.userId()).and("actorName", CARL.name())
                        .and("actorRoles", List.of("company")), now.minusSeconds(6)));
        eventStore.publish(event("InvestigationCase", caseId, 1, new DecisionIssued(caseId, DecisionKind.REPRIMAND,
                "Kept logs for ten years", null, null, SUE, now), MetaData.with("actorSubject", SUE.userId())
                .and("actorName", SUE.name()).and("actorRoles", List.of("supervisor")), now.minusSeconds(6)));
        return new Case(caseId, requestId);
    }

    private record Verified(boolean ok, String output) {
    }

    private static Verified verify(Map<String, byte[]> files, String publicKey) throws Exception {
        Path bundle = Files.createTempFile("bundle", ".zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(bundle))) {
            for (var file : files.entrySet()) {
                out.putNextEntry(new java.util.zip.ZipEntry(file.getKey()));
                out.write(file.getValue());
                out.closeEntry();
            }
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        boolean ok = new VerifyBundle(new PrintStream(text, true, StandardCharsets.UTF_8)).verify(bundle, publicKey);
        return new Verified(ok, text.toString(StandardCharsets.UTF_8));
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
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

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static GenericDomainEventMessage<Object> event(String type, String aggregateId, long sequence,
                                                           Object payload, MetaData metaData, Instant at) {
        return new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, metaData,
                UUID.randomUUID().toString(), at);
    }
}
