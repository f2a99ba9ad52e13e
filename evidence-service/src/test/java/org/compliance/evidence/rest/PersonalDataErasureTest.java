package org.compliance.evidence.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.compliance.evidence.rest.EvidenceApi.awaitView;
import static org.compliance.evidence.rest.EvidenceApi.etag;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.compliance.api.cases.Allegation;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.Complainant;
import org.compliance.api.cases.Confidentiality;
import org.compliance.api.cases.DataSubjectErased;
import org.compliance.api.cases.NamedPerson;
import org.compliance.api.cases.PersonNamed;
import org.compliance.api.cases.Priority;
import org.compliance.api.cases.Respondent;
import org.compliance.api.evidence.EvidenceEvent;
import org.compliance.api.evidence.EvidenceRequestIssued;
import org.compliance.api.evidence.EvidenceSubmitted;
import org.compliance.api.evidence.RequestDocument;
import org.compliance.api.shared.PersonalData;
import org.compliance.api.shared.StaffMember;
import org.compliance.platform.personaldata.JdbcSubjectKeys;
import org.compliance.platform.personaldata.SubjectKeys;
import org.compliance.testing.RealPeers;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Erasure by crypto-shredding in evidence-service (decision 29): the texts of a request and of a submission that name
 * a data subject of the case are stored sealed under their key; once the subject is erased (case-service records
 * {@code DataSubjectErased} and destroys the key, as done here by hand), the views and the answers read
 * {@code [erased]}, the events still read back, and nothing more can be written naming them.
 */
@QuarkusTest
@WithTestResource(RealPeers.class)
class PersonalDataErasureTest {

    private static final StaffMember SAM = new StaffMember("u-sam", "Sam Supervisor");

    @Inject
    EventStore eventStore;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void texts_naming_a_complainant_are_sealed_and_read_erased_once_they_are_erased() throws Exception {
        String iris = RealPeers.tokenFor("iris.investigator");
        String nora = RealPeers.tokenFor("nora.northwind");
        String caseId = caseWith(new Complainant("C1", Complainant.Kind.PERSON, "Rowena Quillfeather", null));
        String subject = caseId + "/C1";
        await().atMost(Duration.ofSeconds(10)).until(() -> knownName(subject) != null);

        String requestId = given().auth().oauth2(iris).contentType(ContentType.JSON).body(Map.of(
                        "caseId", caseId, "respondentOrganisationAlias", "northwind-cloud",
                        "items", List.of("Your correspondence with Rowena Quillfeather", "Training data inventory"),
                        "legalBasis", "UK GDPR Art. 58(1)(a)", "instructions", "Include what Ms Quillfeather was told"))
                .when().post("/requests").then().statusCode(201).extract().path("requestId");
        String r = "/requests/" + requestId;
        awaitView(nora, requestId).body("request.items[0]", equalTo("Your correspondence with Rowena Quillfeather"));
        String uploadId = given().auth().oauth2(nora).contentType("text/plain").queryParam("fileName", "letters.txt")
                .body("Letters.\n".getBytes(StandardCharsets.UTF_8)).when().post(r + "/uploads")
                .then().statusCode(201).extract().path("uploadId");
        given().auth().oauth2(nora).header("If-Match", etag(nora, requestId)).contentType(ContentType.JSON)
                .body(Map.of("uploadIds", List.of(uploadId), "description", "Our letters to Rowena",
                        "statementOfTruth", Map.of("name", "Nora Northwind", "position", "Data Protection Officer")))
                .when().post(r + "/submissions").then().statusCode(201);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(iris).when().get(r)
                .then().statusCode(200).body("request.submissions[0].description", equalTo("Our letters to Rowena")));

        List<String> stored = storedPayloads(requestId);
        assertThat(stored).hasSize(2);
        assertThat(String.join("\n", stored)).doesNotContain("Rowena").doesNotContain("Quillfeather")
                .doesNotContain("Training data inventory").contains("\"sealed\"").contains(subject);
        assertThat(events(requestId).getFirst()).isInstanceOfSatisfying(EvidenceRequestIssued.class, issued -> {
            assertThat(issued.namedSubjects()).containsExactly(subject);
            assertThat(issued.items()).containsExactly("Your correspondence with Rowena Quillfeather",
                    "Training data inventory");
        });

        eraseAndDestroy(caseId, "C1", subject, 1);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(iris).when().get(r)
                .then().statusCode(200)
                .body("request.items", everyItem(equalTo(PersonalData.ERASED)))
                .body("request.instructions", equalTo(PersonalData.ERASED))
                .body("request.submissions[0].description", equalTo(PersonalData.ERASED))
                .body("request.legalBasis", equalTo("UK GDPR Art. 58(1)(a)")));
        given().auth().oauth2(nora).when().get(r).then().statusCode(200)
                .body("request.items[0]", equalTo(PersonalData.ERASED))
                .body("subject", containsString(PersonalData.ERASED));
        assertThat(knownName(subject)).as("no clear name of theirs stays").isNull();
        try (var c = dataSource.getConnection(); var q = c.prepareStatement("SELECT document, text_subjects FROM"
                + " evidence_service.request_view WHERE request_id = ?")) {
            q.setString(1, requestId);
            try (var row = q.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).doesNotContain("Rowena").doesNotContain("Quillfeather");
            }
        }

        // the stored bytes are unchanged and still read: as erased, which is what a rebuild of the view folds
        assertThat(storedPayloads(requestId)).isEqualTo(stored);
        List<EvidenceEvent> events = events(requestId);
        EvidenceRequestIssued issued = (EvidenceRequestIssued) events.getFirst();
        assertThat(issued.items()).containsOnly(PersonalData.ERASED);
        assertThat(issued.legalBasis()).isEqualTo("UK GDPR Art. 58(1)(a)");
        assertThat(((EvidenceSubmitted) events.get(1)).description()).isEqualTo(PersonalData.ERASED);
        RequestDocument rebuilt = RequestDocument.issued(issued);
        events.stream().skip(1).forEach(rebuilt::apply);
        assertThat(rebuilt.items).containsOnly(PersonalData.ERASED);
        assertThat(rebuilt.submissions.getFirst().description()).isEqualTo(PersonalData.ERASED);
    }

    @Test
    void a_formal_notice_naming_an_erased_person_is_no_longer_given_out() throws Exception {
        String iris = RealPeers.tokenFor("iris.investigator");
        String nora = RealPeers.tokenFor("nora.northwind");
        String caseId = caseWith(new Complainant("C1", Complainant.Kind.PERSON, "Wilhelmina Ashdown", null));
        await().atMost(Duration.ofSeconds(10)).until(() -> knownName(caseId + "/C1") != null);
        String notice = FormalNoticeTest.NOTICE;
        String requestId = given().auth().oauth2(iris).contentType(ContentType.JSON)
                .body("{\"caseId\":\"" + caseId + "\",\"respondentOrganisationAlias\":\"northwind-cloud\","
                        + "\"items\":[\"Every record about Wilhelmina Ashdown\"],"
                        + "\"legalBasis\":\"UK GDPR Art. 58(1)(a)\"," + notice.substring(1))
                .when().post("/requests").then().statusCode(201).extract().path("requestId");
        awaitView(nora, requestId);
        given().auth().oauth2(nora).when().get("/requests/" + requestId + "/formal-notice").then().statusCode(200)
                .contentType("application/pdf");

        eraseAndDestroy(caseId, "C1", caseId + "/C1", 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(nora).when()
                .get("/requests/" + requestId + "/formal-notice").then().statusCode(410)
                .contentType("application/problem+json"));
        given().auth().oauth2(iris).when().get("/requests/" + requestId).then().statusCode(200)
                .body("request.items[0]", equalTo(PersonalData.ERASED))
                .body("request.formalNotice.signature", notNullValue());
    }

    @Test
    void a_text_written_before_the_erasure_but_folded_after_it_reads_erased() throws Exception {
        String iris = RealPeers.tokenFor("iris.investigator");
        String caseId = caseWith(new Complainant("C1", Complainant.Kind.PERSON, "Cornelius Fairweather", null));
        String subject = caseId + "/C1";
        // the erasure folded first, its key not yet destroyed: the request's events are on another segment
        eventStore.publish(new GenericDomainEventMessage<>("InvestigationCase", caseId, 1,
                new DataSubjectErased(caseId, "C1", subject, "UK GDPR Art. 17(1)(a)", SAM, Instant.now())));
        await().atMost(Duration.ofSeconds(10)).until(() -> erasureFolded(subject));
        String requestId = UUID.randomUUID().toString();
        eventStore.publish(new GenericDomainEventMessage<>("EvidenceRequest", requestId, 0, new EvidenceRequestIssued(
                requestId, caseId, "northwind-cloud", List.of("Letters to Cornelius Fairweather"), "UK GDPR Art. 58",
                "", Instant.now().plus(Duration.ofDays(14)), "Europe/London", new StaffMember("u-iris", "Iris"),
                Instant.now(), null, List.of(), null, List.of(subject))));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(iris).when()
                .get("/requests/" + requestId).then().statusCode(200)
                .body("request.items[0]", equalTo(PersonalData.ERASED)));
        owner().destroy(subject);
    }

    @Test
    void a_request_naming_nobody_stays_in_clear_and_another_subject_s_erasure_leaves_it_alone() throws Exception {
        String iris = RealPeers.tokenFor("iris.investigator");
        String caseId = caseWith(new Complainant("C1", Complainant.Kind.PERSON, "Percival Oakhurst", null));
        await().atMost(Duration.ofSeconds(10)).until(() -> knownName(caseId + "/C1") != null);
        String requestId = EvidenceApi.issue(iris, caseId, "{}");
        awaitView(iris, requestId);
        assertThat(storedPayloads(requestId).getFirst()).contains("Data retention policy").doesNotContain("sealed");

        eraseAndDestroy(caseId, "C1", caseId + "/C1", 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> knownName(caseId + "/C1") == null);
        given().auth().oauth2(iris).when().get("/requests/" + requestId).then().statusCode(200)
                .body("request.items[0]", equalTo("Data retention policy"))
                .body("request.instructions", equalTo("PDF please"));
    }

    @Test
    void a_text_naming_a_person_whose_key_is_destroyed_is_refused_with_409_not_500() throws Exception {
        String iris = RealPeers.tokenFor("iris.investigator");
        String caseId = caseWith();
        NamedPerson witness = new NamedPerson("P1", "Bartholomew Quince", "Former employee", null).onCase(caseId);
        eventStore.publish(new GenericDomainEventMessage<>("InvestigationCase", caseId, 1,
                new PersonNamed(caseId, witness)));
        await().atMost(Duration.ofSeconds(10)).until(() -> knownName(witness.dataSubject()) != null);
        // the key is gone before evidence-service has learnt of the erasure (case-service destroys it at once)
        owner().destroy(witness.dataSubject());

        given().auth().oauth2(iris).contentType(ContentType.JSON).body(Map.of(
                        "caseId", caseId, "respondentOrganisationAlias", "northwind-cloud",
                        "items", List.of("Bartholomew's exit interview"), "legalBasis", "UK GDPR Art. 58(1)(a)"))
                .when().post("/requests").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("erased"));
    }

    /** An open case with person complainants (none: organisations only), published as case-service would. */
    private String caseWith(Complainant... complainants) {
        String caseId = UUID.randomUUID().toString();
        List<Complainant> onCase = new ArrayList<>();
        for (Complainant complainant : complainants) {
            onCase.add(complainant.onCase(caseId));
        }
        eventStore.publish(new GenericDomainEventMessage<>("InvestigationCase", caseId, 0, new CaseOpened(caseId,
                "Complaint handling", "Fictional", "Information Commissioner's Office", List.of("UK GDPR"),
                Priority.NORMAL, Confidentiality.STANDARD,
                List.of(new Respondent("northwind-cloud", "Northwind Cloud Ltd")), onCase,
                List.of(new Allegation("A1", "UK GDPR Art. 15", "Access refused", null, null)),
                new StaffMember("u-iris", "Iris Investigator"), Instant.parse("2026-11-02T09:30:00Z"))));
        return caseId;
    }

    /** What case-service does on an erasure: records it in the case's chain, then destroys the key. */
    private void eraseAndDestroy(String caseId, String personId, String subject, long sequence) {
        eventStore.publish(new GenericDomainEventMessage<>("InvestigationCase", caseId, sequence,
                new DataSubjectErased(caseId, personId, subject, "UK GDPR Art. 17(1)(a)", SAM, Instant.now())));
        owner().destroy(subject);
    }

    /** The subject keys as the database's owner reaches them (evidence-service's own role may not destroy a key). */
    private static SubjectKeys owner() {
        var config = ConfigProvider.getConfig();
        PGSimpleDataSource owner = new PGSimpleDataSource();
        owner.setUrl(config.getValue("quarkus.datasource.jdbc.url", String.class));
        owner.setUser(config.getValue("quarkus.flyway.username", String.class));
        owner.setPassword(config.getValue("quarkus.flyway.password", String.class));
        return new JdbcSubjectKeys(owner, "event_store");
    }

    private boolean erasureFolded(String subject) throws Exception {
        try (var c = dataSource.getConnection(); var q = c.prepareStatement(
                "SELECT 1 FROM evidence_service.erased_subject WHERE subject = ?")) {
            q.setString(1, subject);
            try (var row = q.executeQuery()) {
                return row.next();
            }
        }
    }

    private String knownName(String subject) throws Exception {
        try (var c = dataSource.getConnection(); var q = c.prepareStatement(
                "SELECT name FROM evidence_service.known_case_subject WHERE subject = ?")) {
            q.setString(1, subject);
            try (var row = q.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private List<String> storedPayloads(String requestId) throws Exception {
        List<String> payloads = new ArrayList<>();
        try (var c = dataSource.getConnection(); var q = c.prepareStatement("SELECT convert_from(payload, 'UTF8')"
                + " FROM event_store.domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            q.setString(1, requestId);
            try (var rows = q.executeQuery()) {
                while (rows.next()) {
                    payloads.add(rows.getString(1));
                }
            }
        }
        return payloads;
    }

    private List<EvidenceEvent> events(String requestId) {
        List<EvidenceEvent> events = new ArrayList<>();
        eventStore.readEvents(requestId).asStream().forEach(m -> events.add((EvidenceEvent) m.getPayload()));
        return events;
    }
}
