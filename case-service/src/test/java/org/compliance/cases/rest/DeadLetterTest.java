package org.compliance.cases.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.compliance.cases.rest.CaseApi.change;
import static org.compliance.cases.rest.CaseApi.openCase;
import static org.compliance.cases.rest.CaseApi.token;
import static org.compliance.cases.rest.CaseApi.viewAt;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.compliance.platform.axon.AxonRuntime;
import org.compliance.testing.RealPeers;
import org.compliance.testing.Sql;
import org.junit.jupiter.api.Test;

/**
 * A case event the views cannot store (a check constraint refuses a note's text: a real PostgreSQL failure that
 * aborts the processor's transaction) is parked with the later events of its case, while other cases go on; an
 * operator retries it after the constraint is gone, or evicts it.
 */
@QuarkusTest
@WithTestResource(RealPeers.class)
class DeadLetterTest {

    private static final String GROUP = "case-views";
    private static final String DEAD_LETTERS = "/operations/dead-letters/" + GROUP;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AxonRuntime axon;

    @Test
    void an_event_the_views_cannot_store_is_parked_with_the_later_events_of_its_case_and_retried_once_fixed()
            throws SQLException {
        String poisoned = openCase("iris.investigator", "Parked " + UUID.randomUUID());
        change("iris.investigator", "POST", "/cases/" + poisoned + "/investigation", 0, null).statusCode(200);
        viewAt("iris.investigator", poisoned, 1);
        String text = "Poisoned note " + UUID.randomUUID();
        String poison = poison(text);
        try {
            addNote(poisoned, 1, text);
            addNote(poisoned, 2, "Waits in line");
            String healthy = openCase("iris.investigator", "Healthy " + UUID.randomUUID(), WAIT);
            change("iris.investigator", "POST", "/cases/" + healthy + "/investigation", 0, null).statusCode(200);
            viewAt("iris.investigator", healthy, 1).body("status", equalTo("INVESTIGATING"));

            JsonPath sequence = awaitParked(poisoned, 2);
            assertThat(sequence.getList("events.eventType")).containsExactly("CaseNoteAdded", "CaseNoteAdded");
            assertThat(sequence.getList("events.aggregateSequenceNumber", Long.class)).containsExactly(2L, 3L);
            assertThat(sequence.getList("events.aggregateId")).containsOnly(poisoned);
            assertThat(sequence.getList("events.globalPosition", Long.class)).doesNotContainNull().isSorted();
            assertThat(sequence.getString("events[0].causeType")).isEqualTo("org.postgresql.util.PSQLException");
            assertThat(sequence.getString("events[0].causeMessage")).contains(poison);
            assertThat(sequence.getString("events[0].enqueuedAt")).isNotNull();
            assertThat(sequence.getString("events[1].causeType")).as("parked behind, not failed").isNull();
            // The view stays where it was, and nothing of the refused event was kept.
            viewAt("sam.supervisor", poisoned, 1);
            assertThat(count("SELECT count(*) FROM case_service.case_note WHERE case_id = ?", poisoned)).isZero();
            await().atMost(WAIT).untilAsserted(() -> assertThat(parkedMetric()).isEqualTo(2.0));
            given().when().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'dead-letters' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'dead-letters' }.data.parked", equalTo(2));

            given().auth().oauth2(token("iris.investigator")).when().post(DEAD_LETTERS + "/" + poisoned + "/retry")
                    .then().statusCode(403);
            // Retried while the cause is still there: it fails again and stays parked, whole and in order.
            given().auth().oauth2(token("otto.operator")).when().post(DEAD_LETTERS + "/" + poisoned + "/retry")
                    .then().statusCode(200).body("handled", equalTo(false)).body("remainingLetters", equalTo(2))
                    .body("causeMessage", containsString(poison));
            assertThat(awaitParked(poisoned, 2).getLong("events[0].retries")).isEqualTo(1);
        } finally {
            sql("ALTER TABLE case_service.case_note DROP CONSTRAINT IF EXISTS " + poison);
        }

        given().auth().oauth2(token("otto.operator")).when().post(DEAD_LETTERS + "/" + poisoned + "/retry")
                .then().statusCode(200).body("handled", equalTo(true)).body("remainingLetters", equalTo(0));

        viewAt("sam.supervisor", poisoned, 3);
        given().auth().oauth2(token("sam.supervisor")).when().get("/cases/" + poisoned + "/notes").then()
                .statusCode(200).body("text", hasItem(text)).body("text", hasItem("Waits in line"));
        assertThat(count("SELECT count(*) FROM case_service.case_note WHERE case_id = ?", poisoned)).isEqualTo(2);
        given().auth().oauth2(token("otto.operator")).when().get(DEAD_LETTERS).then().statusCode(200)
                .body("parked.sequence", not(hasItem(poisoned)));
        given().auth().oauth2(token("otto.operator")).when().post(DEAD_LETTERS + "/" + poisoned + "/retry")
                .then().statusCode(404).contentType("application/problem+json");
        await().atMost(WAIT).untilAsserted(() -> assertThat(parkedMetric()).isEqualTo(0.0));

        // A later event of the case is handled at once, no longer parked behind anything.
        addNote(poisoned, 3, "After the retry");
        viewAt("sam.supervisor", poisoned, 4);
    }

    @Test
    void an_evicted_event_is_never_handled_and_the_later_events_of_its_case_are() throws SQLException {
        String caseId = openCase("iris.investigator", "Evicted " + UUID.randomUUID());
        String text = "Evicted note " + UUID.randomUUID();
        String poison = poison(text);
        try {
            addNote(caseId, 0, text);
            awaitParked(caseId, 1);

            given().auth().oauth2(token("iris.investigator")).when().delete(DEAD_LETTERS + "/" + caseId)
                    .then().statusCode(403);
            given().auth().oauth2(token("otto.operator")).when().delete(DEAD_LETTERS + "/" + UUID.randomUUID())
                    .then().statusCode(404).contentType("application/problem+json");
            given().auth().oauth2(token("otto.operator")).when().delete("/operations/dead-letters/no-such-group/"
                    + caseId).then().statusCode(404).contentType("application/problem+json");
            given().auth().oauth2(token("otto.operator")).when().delete(DEAD_LETTERS + "/" + caseId)
                    .then().statusCode(200).body("letters", equalTo(1));
        } finally {
            sql("ALTER TABLE case_service.case_note DROP CONSTRAINT IF EXISTS " + poison);
        }
        given().auth().oauth2(token("otto.operator")).when().get(DEAD_LETTERS).then().statusCode(200)
                .body("parked.sequence", not(hasItem(caseId)));

        addNote(caseId, 1, "After the eviction");
        viewAt("sam.supervisor", caseId, 2);
        given().auth().oauth2(token("sam.supervisor")).when().get("/cases/" + caseId + "/notes").then()
                .statusCode(200).body("text", equalTo(List.of("After the eviction")));
        await().atMost(WAIT).until(() -> axon.processorLag() == 0);
        assertThat(count("SELECT count(*) FROM case_service.dead_letter_entry WHERE sequence_identifier = ?", caseId))
                .isZero();
    }

    @Test
    void only_operators_see_dead_letters_and_bad_input_is_refused() {
        given().auth().oauth2(token("iris.investigator")).when().get("/operations/dead-letters").then()
                .statusCode(403);
        given().when().get("/operations/dead-letters").then().statusCode(401);
        given().auth().oauth2(token("otto.operator")).when().get("/operations/dead-letters").then().statusCode(200)
                .body("processingGroup", equalTo(List.of(GROUP, "overdue-evidence", "data-subject-keys")));
        given().auth().oauth2(token("otto.operator")).when().get("/operations/dead-letters?sequences=0").then()
                .statusCode(anyOf(equalTo(400), equalTo(422))).contentType("application/problem+json");
        given().auth().oauth2(token("otto.operator")).when().get("/operations/dead-letters/no-such-group").then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token("otto.operator")).when().post("/operations/dead-letters/no-such-group/retry")
                .then().statusCode(404).contentType("application/problem+json");
    }

    /** A check constraint that refuses exactly this note text in the case views; answers its name. */
    private String poison(String text) throws SQLException {
        String name = "dead_letter_test_" + UUID.randomUUID().toString().replace("-", "");
        sql("ALTER TABLE case_service.case_note ADD CONSTRAINT " + name + " CHECK (text <> '" + text + "') NOT VALID");
        return name;
    }

    private static void addNote(String caseId, long version, String text) {
        change("iris.investigator", "POST", "/cases/" + caseId + "/notes", version, "{\"text\":\"" + text + "\"}")
                .statusCode(200);
    }

    /** Waits until the case's sequence holds that many letters; answers the sequence as listed. */
    private static JsonPath awaitParked(String caseId, int letters) {
        String otto = token("otto.operator");
        String sequence = "parked.find { it.sequence == '" + caseId + "' }";
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(otto).when()
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

    /** A change to the schema: the owner's (the service's own role may not). */
    private void sql(String statement) {
        Sql.execute(RealPeers.databaseOwner(), statement);
    }

    private long count(String query, String value) {
        return Sql.count(dataSource, query, value);
    }
}
