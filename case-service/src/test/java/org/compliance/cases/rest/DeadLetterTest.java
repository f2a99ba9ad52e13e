package org.compliance.cases.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.compliance.cases.rest.CaseApi.caseBody;
import static org.compliance.cases.rest.CaseApi.change;
import static org.compliance.cases.rest.CaseApi.token;
import static org.compliance.cases.rest.CaseApi.viewAt;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.compliance.platform.axon.AxonRuntime;
import org.compliance.testing.RealPeers;
import org.junit.jupiter.api.Test;

/**
 * A case whose view cannot be stored (a check constraint refuses its title, a real PostgreSQL failure that aborts
 * the processor's transaction) is parked with its later events, while other cases go on; an operator retries it
 * after the constraint is gone, or evicts it.
 */
@QuarkusTest
@WithTestResource(RealPeers.class)
class DeadLetterTest {

    private static final String GROUP = "case-service";
    private static final String DEAD_LETTERS = "/operations/dead-letters/" + GROUP;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AxonRuntime axon;

    @Test
    void a_case_that_cannot_be_stored_is_parked_with_its_later_events_and_retried_once_the_cause_is_gone()
            throws SQLException {
        String title = "Poisoned " + UUID.randomUUID();
        String poison = poison(title);
        String poisoned;
        try {
            poisoned = open(title);
            change("iris.investigator", "POST", "/cases/" + poisoned + "/investigation", 0, null).statusCode(200);
            change("iris.investigator", "POST", "/cases/" + poisoned + "/notes", 1, "{\"text\":\"Waits in line\"}")
                    .statusCode(200);

            String healthy = open("Healthy " + UUID.randomUUID());
            String sam = token("sam.supervisor");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().auth().oauth2(sam).when().get("/cases/" + healthy).then().statusCode(200));
            change("iris.investigator", "POST", "/cases/" + healthy + "/investigation", 0, null).statusCode(200);
            viewAt("iris.investigator", healthy, 1).body("status", equalTo("INVESTIGATING"));

            JsonPath sequence = awaitParked(poisoned, 3);
            assertThat(sequence.getList("events.eventType")).containsExactly("CaseOpened", "InvestigationStarted",
                    "CaseNoteAdded");
            assertThat(sequence.getList("events.aggregateSequenceNumber", Long.class)).containsExactly(0L, 1L, 2L);
            assertThat(sequence.getList("events.aggregateId")).containsOnly(poisoned);
            assertThat(sequence.getList("events.globalPosition", Long.class)).isSorted().doesNotContainNull();
            assertThat(sequence.getString("events[0].causeType")).isEqualTo("org.postgresql.util.PSQLException");
            assertThat(sequence.getString("events[0].causeMessage")).contains(poison);
            assertThat(sequence.getString("events[0].enqueuedAt")).isNotNull();
            given().auth().oauth2(token("sam.supervisor")).when().get("/cases/" + poisoned).then().statusCode(404);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(parkedMetric()).isEqualTo(3.0));
            given().when().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'dead-letters' }.data.parked", equalTo(3))
                    .body("checks.find { it.name == 'dead-letters' }.status", equalTo("UP"));

            given().auth().oauth2(token("iris.investigator")).when().post(DEAD_LETTERS + "/" + poisoned + "/retry")
                    .then().statusCode(403);
            // Retried while the cause is still there: it fails again and stays parked, whole and in order.
            given().auth().oauth2(token("otto.operator")).when().post(DEAD_LETTERS + "/" + poisoned + "/retry")
                    .then().statusCode(200).body("handled", equalTo(false)).body("remainingLetters", equalTo(3))
                    .body("causeMessage", containsString(poison));
            assertThat(awaitParked(poisoned, 3).getLong("events[0].retries")).isEqualTo(1);
        } finally {
            sql("ALTER TABLE case_service.case_view DROP CONSTRAINT IF EXISTS " + poison);
        }

        given().auth().oauth2(token("otto.operator")).when().post(DEAD_LETTERS + "/" + poisoned + "/retry")
                .then().statusCode(200).body("handled", equalTo(true)).body("remainingLetters", equalTo(0));

        viewAt("sam.supervisor", poisoned, 2).body("title", equalTo(title)).body("status", equalTo("INVESTIGATING"));
        given().auth().oauth2(token("sam.supervisor")).when().get("/cases/" + poisoned + "/notes").then()
                .statusCode(200).body("text", equalTo(List.of("Waits in line")));
        assertThat(count("SELECT count(*) FROM case_service.case_note WHERE case_id = ?", poisoned)).isEqualTo(1);
        given().auth().oauth2(token("otto.operator")).when().get(DEAD_LETTERS).then().statusCode(200)
                .body("parked.sequence", not(hasItem(poisoned)));
        given().auth().oauth2(token("otto.operator")).when().post(DEAD_LETTERS + "/" + poisoned + "/retry")
                .then().statusCode(404).contentType("application/problem+json");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(parkedMetric()).isEqualTo(0.0));

        // A later event of the case is handled at once, no longer parked behind anything.
        change("iris.investigator", "POST", "/cases/" + poisoned + "/notes", 2, "{\"text\":\"After the retry\"}")
                .statusCode(200);
        viewAt("sam.supervisor", poisoned, 3);
    }

    @Test
    void an_evicted_sequence_is_dropped_and_the_case_is_never_shown() throws SQLException {
        String title = "Evicted " + UUID.randomUUID();
        String poison = poison(title);
        String poisoned;
        try {
            poisoned = open(title);
            awaitParked(poisoned, 1);

            given().auth().oauth2(token("iris.investigator")).when().delete(DEAD_LETTERS + "/" + poisoned)
                    .then().statusCode(403);
            given().auth().oauth2(token("otto.operator")).when().delete(DEAD_LETTERS + "/" + UUID.randomUUID())
                    .then().statusCode(404).contentType("application/problem+json");
            given().auth().oauth2(token("otto.operator")).when()
                    .delete("/operations/dead-letters/no.such.group/" + poisoned)
                    .then().statusCode(404).contentType("application/problem+json");
            given().auth().oauth2(token("otto.operator")).when().delete(DEAD_LETTERS + "/" + poisoned)
                    .then().statusCode(200).body("letters", equalTo(1));
        } finally {
            sql("ALTER TABLE case_service.case_view DROP CONSTRAINT IF EXISTS " + poison);
        }
        given().auth().oauth2(token("otto.operator")).when().get(DEAD_LETTERS).then().statusCode(200)
                .body("parked.sequence", not(hasItem(poisoned)));

        // The case goes on in the event store; its view, which never saw it opened, skips its later events.
        change("iris.investigator", "POST", "/cases/" + poisoned + "/investigation", 0, null).statusCode(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> axon.processorLag() == 0);
        given().auth().oauth2(token("sam.supervisor")).when().get("/cases/" + poisoned).then().statusCode(404);
        assertThat(count("SELECT count(*) FROM case_service.dead_letter_entry WHERE sequence_identifier = ?",
                poisoned)).isZero();
    }

    @Test
    void only_operators_see_dead_letters_and_bad_paging_is_refused() {
        given().auth().oauth2(token("iris.investigator")).when().get("/operations/dead-letters").then()
                .statusCode(403);
        given().when().get("/operations/dead-letters").then().statusCode(401);
        given().auth().oauth2(token("otto.operator")).when().get("/operations/dead-letters").then().statusCode(200)
                .body("processingGroup", equalTo(List.of(GROUP)));
        given().auth().oauth2(token("otto.operator")).when().get("/operations/dead-letters?sequences=0").then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token("otto.operator")).when().get("/operations/dead-letters/no.such.group").then()
                .statusCode(404).contentType("application/problem+json");
    }

    /** A check constraint that refuses exactly this title in the case view; answers its name. */
    private String poison(String title) throws SQLException {
        String name = "dead_letter_test_" + UUID.randomUUID().toString().replace("-", "");
        sql("ALTER TABLE case_service.case_view ADD CONSTRAINT " + name + " CHECK (title <> '" + title + "') NOT VALID");
        return name;
    }

    private static String open(String title) {
        return given().auth().oauth2(token("iris.investigator")).contentType(ContentType.JSON)
                .body(caseBody(title, "northwind-cloud", "Northwind Cloud Ltd", "STANDARD"))
                .when().post("/cases").then().statusCode(201).extract().path("caseId");
    }

    /** Waits until the case's sequence holds that many letters; answers the sequence as listed. */
    private static JsonPath awaitParked(String caseId, int letters) {
        String otto = token("otto.operator");
        String sequence = "parked.find { it.sequence == '" + caseId + "' }";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(otto).when()
                .get(DEAD_LETTERS).then().statusCode(200).body(sequence + ".letters", equalTo(letters)));
        return given().auth().oauth2(otto).when().get(DEAD_LETTERS).then().extract().jsonPath()
                .setRootPath(sequence);
    }

    private static double parkedMetric() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("compliance_dead_letters{")
                        && line.contains("processing_group=\"" + GROUP + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(-1);
    }

    private void sql(String statement) throws SQLException {
        try (var connection = dataSource.getConnection(); var update = connection.createStatement()) {
            update.execute(statement);
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
