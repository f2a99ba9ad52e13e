package org.compliance.evidence.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.compliance.evidence.rest.EvidenceApi.awaitView;
import static org.compliance.evidence.rest.EvidenceApi.etag;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.compliance.api.cases.Allegation;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.Confidentiality;
import org.compliance.api.cases.Priority;
import org.compliance.api.cases.Respondent;
import org.compliance.api.cases.TeamMemberAdded;
import org.compliance.api.shared.StaffMember;
import org.compliance.evidence.domain.DueMoments;
import org.compliance.testing.RealPeers;
import org.junit.jupiter.api.Test;

/**
 * "My work" in evidence-service, with real tokens: an investigator's queues hold the requests of the cases they lead
 * or are on the team of, and nothing of another team's restricted case; a supervisor's extension queue holds every
 * case's; companies get none.
 */
@QuarkusTest
@WithTestResource(RealPeers.class)
class MyWorkTest {

    private static final StaffMember IRIS = new StaffMember("a5bb72b3-b814-5a1b-a5ea-d2e4cfa36c6b", "Iris Investigator");
    private static final StaffMember IVAN = new StaffMember("9f3121db-72e6-58b6-b6ba-d05bf07f25c1", "Ivan Investigator");

    @Test
    void an_investigators_queues_hold_their_cases_requests_and_a_supervisor_sees_every_extension() throws Exception {
        String iris = RealPeers.tokenFor("iris.investigator");
        String ivan = RealPeers.tokenFor("ivan.investigator");
        String sam = RealPeers.tokenFor("sam.supervisor");
        String nora = RealPeers.tokenFor("nora.northwind");
        String irisCase = knownCase("Cookie walls on the checkout", IRIS, Confidentiality.STANDARD, null);
        String sharedCase = knownCase("Retention of voice recordings", IVAN, Confidentiality.STANDARD, IRIS);
        String restricted = knownCase("A restricted matter", IVAN, Confidentiality.RESTRICTED, null);

        JsonPath irisBefore = work(iris);
        JsonPath ivanBefore = work(ivan);
        JsonPath samBefore = work(sam);

        String dueSoon = issue(iris, irisCase, "Cookie consent records", 3);
        issue(iris, irisCase, "Vendor contracts", 20);
        String toReview = issue(ivan, sharedCase, "Recording retention schedule", 10);
        String extension = issue(ivan, sharedCase, "Deletion logs", 12);
        String othersExtension = issue(ivan, restricted, "Board minutes", 3);
        submit(nora, toReview);
        askForMoreTime(nora, extension);
        askForMoreTime(nora, othersExtension);

        JsonPath mine = work(iris);
        assertThat(count(mine, "dueSoon") - count(irisBefore, "dueSoon")).isEqualTo(1);
        assertThat(count(mine, "awaitingReview") - count(irisBefore, "awaitingReview")).isEqualTo(1);
        assertThat(count(mine, "extensionsAwaitingDecision") - count(irisBefore, "extensionsAwaitingDecision"))
                .as("the shared case's, not the restricted case of another team").isEqualTo(1);
        assertThat(mine.getList("extensionsAwaitingDecision.items.requestId")).contains(extension)
                .doesNotContain(othersExtension);
        assertThat(mine.getList("dueSoon.items.requestId")).contains(dueSoon).doesNotContain(othersExtension);
        Map<String, Object> item = mine.getMap("dueSoon.items.find { it.requestId == '" + dueSoon + "' }");
        assertThat(item).containsEntry("subject", "Cookie consent records (and 1 more)")
                .containsEntry("caseTitle", "Cookie walls on the checkout")
                .containsEntry("caseId", irisCase).containsEntry("organisationAlias", "northwind-cloud")
                .containsEntry("organisationName", "Northwind Cloud Ltd");
        assertThat(mine.getString("awaitingReview.items.find { it.requestId == '" + toReview + "' }.caseTitle"))
                .isEqualTo("Retention of voice recordings");

        List<Map<String, Object>> days = mine.getList("dueByDay");
        assertThat(days).hasSize(30);
        LocalDate today = LocalDate.ofInstant(MovableTime.now(), DueMoments.ZONE);
        assertThat(days.getFirst().get("day")).isEqualTo(today.toString());
        // the chart counts the open requests the respondent still owes: not the one awaiting review
        assertThat(dueOn(mine, today.plusDays(3)) - dueOn(irisBefore, today.plusDays(3))).isEqualTo(1);
        assertThat(dueOn(mine, today.plusDays(20)) - dueOn(irisBefore, today.plusDays(20))).isEqualTo(1);
        assertThat(dueOn(mine, today.plusDays(10)) - dueOn(irisBefore, today.plusDays(10))).isZero();
        assertThat(dueOn(mine, today.plusDays(12)) - dueOn(irisBefore, today.plusDays(12))).isEqualTo(1);

        JsonPath ivans = work(ivan);
        assertThat(count(ivans, "extensionsAwaitingDecision") - count(ivanBefore, "extensionsAwaitingDecision"))
                .as("both cases he is on").isEqualTo(2);
        assertThat(count(ivans, "dueSoon") - count(ivanBefore, "dueSoon")).as("not Iris's own case").isEqualTo(1);

        JsonPath sams = work(sam);
        assertThat(count(sams, "extensionsAwaitingDecision") - count(samBefore, "extensionsAwaitingDecision"))
                .as("a supervisor decides every case's extensions").isEqualTo(2);
        assertThat(count(sams, "dueSoon") - count(samBefore, "dueSoon")).as("Sam is on none of the cases").isZero();
    }

    @Test
    void companies_auditors_and_bounds_out_of_range_are_refused() {
        given().when().get("/me/work").then().statusCode(401);
        given().auth().oauth2(RealPeers.tokenFor("nora.northwind")).when().get("/me/work")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(RealPeers.tokenFor("ada.auditor")).when().get("/me/work").then().statusCode(403);
        String iris = RealPeers.tokenFor("iris.investigator");
        given().auth().oauth2(iris).queryParam("dueWithinDays", 0).when().get("/me/work").then().statusCode(422)
                .contentType("application/problem+json");
        given().auth().oauth2(iris).queryParam("size", "x").when().get("/me/work").then().statusCode(400);
        given().auth().oauth2(iris).queryParam("size", 51).when().get("/me/work").then().statusCode(422);
    }

    private static JsonPath work(String token) {
        return given().auth().oauth2(token).queryParam("size", 50).when().get("/me/work")
                .then().statusCode(200).body("zone", equalTo("Europe/London")).body("dueWithinDays", equalTo(7))
                .extract().jsonPath();
    }

    private static long count(JsonPath work, String list) {
        return work.getLong(list + ".count");
    }

    private static long dueOn(JsonPath work, LocalDate day) {
        List<Map<String, Object>> days = work.getList("dueByDay");
        return days.stream().filter(d -> day.toString().equals(d.get("day")))
                .mapToLong(d -> ((Number) d.get("count")).longValue()).sum();
    }

    /** A case as case-service would publish it, led by {@code lead}, with {@code member} on its team when given. */
    private static String knownCase(String title, StaffMember lead, Confidentiality confidentiality,
                                    StaffMember member) throws Exception {
        EventStore eventStore = Arc.container().instance(EventStore.class).get();
        String caseId = UUID.randomUUID().toString();
        eventStore.publish(new GenericDomainEventMessage<>("InvestigationCase", caseId, 0, new CaseOpened(caseId,
                title, "Fictional", "Information Commissioner's Office", List.of("UK GDPR"), Priority.NORMAL,
                confidentiality, List.of(new Respondent("northwind-cloud", "Northwind Cloud Ltd")), List.of(),
                List.of(new Allegation("A1", "UK GDPR Art. 5(1)(e)", "Kept too long", null, null)), lead,
                Instant.parse("2026-11-02T09:30:00Z"))));
        long version = 0;
        if (member != null) {
            eventStore.publish(new GenericDomainEventMessage<>("InvestigationCase", caseId, ++version,
                    new TeamMemberAdded(caseId, member)));
        }
        long folded = version;
        await().atMost(Duration.ofSeconds(10)).until(() -> knownVersion(caseId) == folded);
        return caseId;
    }

    private static long knownVersion(String caseId) throws Exception {
        try (var c = Arc.container().instance(AgroalDataSource.class).get().getConnection();
             var q = c.prepareStatement("SELECT version FROM evidence_service.known_case WHERE case_id = ?")) {
            q.setString(1, caseId);
            try (var row = q.executeQuery()) {
                return row.next() ? row.getLong(1) : -1;
            }
        }
    }

    private static String issue(String token, String caseId, String subject, int days) {
        String requestId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("caseId", caseId, "respondentOrganisationAlias", "northwind-cloud",
                        "items", List.of(subject, "Anything else relevant"), "legalBasis", "UK GDPR Art. 58(1)(a)",
                        "dueInDays", days, "dayCount", "CALENDAR"))
                .when().post("/requests").then().statusCode(201).extract().path("requestId");
        awaitView(token, requestId);
        return requestId;
    }

    private static void submit(String nora, String requestId) {
        Map<?, ?> upload = given().auth().oauth2(nora).contentType("text/plain").queryParam("fileName", "schedule.txt")
                .body("Recordings are kept 30 days".getBytes(StandardCharsets.UTF_8))
                .when().post("/requests/" + requestId + "/uploads").then().statusCode(201).extract().as(Map.class);
        String position = given().auth().oauth2(nora).header("If-Match", etag(nora, requestId))
                .contentType(ContentType.JSON)
                .body(Map.of("uploadIds", List.of(upload.get("uploadId")), "description", "Retention schedule",
                        "statementOfTruth", Map.of("name", "Nora Northwind", "position", "Data Protection Officer")))
                .when().post("/requests/" + requestId + "/submissions").then().statusCode(201)
                .extract().header("Consistency-Position");
        readAfter(nora, requestId, position);
    }

    private static void askForMoreTime(String nora, String requestId) {
        String position = given().auth().oauth2(nora).header("If-Match", etag(nora, requestId))
                .contentType(ContentType.JSON).body("{\"reason\":\"Our archive is offline\"}")
                .when().post("/requests/" + requestId + "/extension-request").then().statusCode(200)
                .extract().header("Consistency-Position");
        readAfter(nora, requestId, position);
    }

    /** Reads the request once its view has reached the change (decision 12): the queues read the same view. */
    private static void readAfter(String token, String requestId, String position) {
        given().auth().oauth2(token).header("Read-After", position).when().get("/requests/" + requestId)
                .then().statusCode(200);
    }
}
