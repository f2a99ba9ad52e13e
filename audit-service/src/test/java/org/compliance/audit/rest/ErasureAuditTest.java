package org.compliance.audit.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.compliance.api.cases.Allegation;
import org.compliance.api.cases.CaseNoteAdded;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.Complainant;
import org.compliance.api.cases.Confidentiality;
import org.compliance.api.cases.DataSubjectErased;
import org.compliance.api.cases.Priority;
import org.compliance.api.cases.Respondent;
import org.compliance.api.shared.PersonalData;
import org.compliance.api.shared.StaffMember;
import org.compliance.audit.verifier.Bundle;
import org.compliance.audit.verifier.VerifyBundle;
import org.compliance.testing.RealPeers;
import org.junit.jupiter.api.Test;

/**
 * Issue 22 part 4 as the auditor sees it: a person's name and the texts naming them are sealed in the store; once
 * their key is destroyed the history, the case as of any moment and the bundle read erased, and the case's chain,
 * its checkpoint and the bundle still verify, since the stored bytes never changed.
 */
@QuarkusTest
@WithTestResource(RealPeers.class)
class ErasureAuditTest {

    private static final StaffMember IRIS = new StaffMember("u-iris", "Iris Investigator");
    private static final StaffMember SAM = new StaffMember("u-sam", "Sam Supervisor");

    @Inject
    EventStore eventStore;

    @Test
    void an_erased_subject_reads_erased_in_history_state_and_bundle_and_everything_still_verifies() throws Exception {
        String caseId = "case-" + UUID.randomUUID();
        String surname = "Quillfeather";
        Complainant rowena = new Complainant("C1", Complainant.Kind.PERSON, "Rowena " + surname, null).onCase(caseId);
        String subject = rowena.dataSubject();
        MetaData byIris = MetaData.with("actorSubject", IRIS.userId()).and("actorName", IRIS.name())
                .and("actorRoles", List.of("investigator"));
        Instant now = Instant.now();
        publish(caseId, 0, new CaseOpened(caseId, "Voice recordings kept", "Rowena " + surname + " asked for erasure",
                "Information Commissioner's Office", List.of("UK GDPR"), Priority.HIGH, Confidentiality.STANDARD,
                List.of(new Respondent("northwind-cloud", "Northwind Cloud Ltd")), List.of(rowena),
                List.of(new Allegation("A1", "UK GDPR Art. 17", "Kept too long", null, null)), IRIS, now,
                List.of(subject)), byIris, now.minusSeconds(6));
        publish(caseId, 1, new CaseNoteAdded(caseId, "N1", "Called " + surname, IRIS, now, List.of(subject)), byIris,
                now.minusSeconds(4));

        String ada = RealPeers.tokenFor("ada.auditor");
        assertThat(history(ada, caseId)).contains("Rowena " + surname);
        given().auth().oauth2(RealPeers.tokenFor("otto.operator")).when().post("/audit/checkpoints").then()
                .statusCode(200);

        publish(caseId, 2, new DataSubjectErased(caseId, "C1", subject, "UK GDPR Art. 17", SAM, now), byIris,
                now.minusSeconds(2));
        destroyKey(subject);

        String history = history(ada, caseId);
        assertThat(history).doesNotContain(surname).contains(PersonalData.ERASED).contains("DataSubjectErased");
        long beforeTheErasure = given().auth().oauth2(ada).when().get("/audit/cases/" + caseId + "/history").then()
                .extract().jsonPath().getLong("items[1].position");
        given().auth().oauth2(ada).queryParam("position", beforeTheErasure).when()
                .get("/audit/cases/" + caseId + "/state").then().statusCode(200)
                .body("caseFile.complainants.name", hasItem(PersonalData.ERASED))
                .body("caseFile.summary", equalTo(PersonalData.ERASED));
        given().auth().oauth2(ada).when().get("/audit/cases/" + caseId + "/verification").then().statusCode(200)
                .body("intact", equalTo(true));

        byte[] zip = given().auth().oauth2(ada).when().get("/audit/cases/" + caseId + "/bundle").then()
                .statusCode(200).extract().asByteArray();
        String everything = new String(contents(zip), StandardCharsets.ISO_8859_1);
        assertThat(everything).doesNotContain(surname);
        Path bundle = Files.createTempFile("bundle", ".zip");
        Files.write(bundle, zip);
        var text = new ByteArrayOutputStream();
        new VerifyBundle(new PrintStream(text, true, StandardCharsets.UTF_8)).verify(bundle, null);
        // other tests of this module tamper with the shared store, so earlier checkpoints may not extend: the
        // erased case's own chain, proofs, signature and contents are what must verify
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("Hash chains: valid", "Merkle proofs: valid",
                "Checkpoint signature (Ed25519): valid", "Bundle contents: valid");
    }

    private String history(String token, String caseId) {
        return given().auth().oauth2(token).when().get("/audit/cases/" + caseId + "/history").then().statusCode(200)
                .extract().asString();
    }

    private void publish(String caseId, long sequence, Object payload, MetaData metaData, Instant at) {
        eventStore.publish(new GenericDomainEventMessage<>("InvestigationCase", caseId, sequence, payload, metaData,
                UUID.randomUUID().toString(), at));
    }

    /** What case-service's key shredding does, with the owner's rights (audit-service may not destroy keys). */
    private static void destroyKey(String subject) throws Exception {
        try (var c = RealPeers.databaseOwner().getConnection(); var s = c.prepareStatement(
                "UPDATE event_store.data_subject_key SET key = NULL, erased_at = now() WHERE subject = ?")) {
            s.setString(1, subject);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    /** Every file of the bundle, unzipped, one after the other (the report's PDF is compressed: its text is not). */
    private static byte[] contents(byte[] zip) throws Exception {
        var all = new ByteArrayOutputStream();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.getName().endsWith(".pdf")) {
                    all.write(in.readAllBytes());
                }
            }
        }
        return all.toByteArray();
    }
}
