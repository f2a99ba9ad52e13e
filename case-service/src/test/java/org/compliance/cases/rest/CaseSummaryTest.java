package org.compliance.cases.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.compliance.cases.rest.CaseApi.caseBody;
import static org.compliance.cases.rest.CaseApi.change;
import static org.compliance.cases.rest.CaseApi.openCase;
import static org.compliance.cases.rest.CaseApi.openCaseWith;
import static org.compliance.cases.rest.CaseApi.token;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.compliance.testing.RealPeers;
import org.junit.jupiter.api.Test;

/** The case summary behind "My work": whose cases are counted for whom, with real tokens and the real views. */
@QuarkusTest
@WithTestResource(RealPeers.class)
class CaseSummaryTest {

    private static final String IRIS_ID = "a5bb72b3-b814-5a1b-a5ea-d2e4cfa36c6b";

    @Test
    void an_investigator_counts_the_cases_they_lead_or_are_on_and_a_supervisor_sees_everyones_load() {
        JsonPath irisBefore = work("iris.investigator");
        JsonPath ivanBefore = work("ivan.investigator");
        JsonPath samBefore = work("sam.supervisor");

        openCase("iris.investigator", "Iris leads this one");
        String shared = openCase("iris.investigator", "Iris leads, Ivan is on the team");
        change("iris.investigator", "POST", "/cases/" + shared + "/team", 0,
                "{\"userId\":\"" + CaseApi.IVAN_ID + "\"}").statusCode(200);
        CaseApi.viewAt("iris.investigator", shared, 1);
        // another team's restricted case: Iris may not see it, so it is nowhere in her counts
        openCaseWith("ivan.investigator", caseBody("Ivan's restricted case", "northwind-cloud",
                "Northwind Cloud Ltd", "RESTRICTED"));

        JsonPath iris = work("iris.investigator");
        assertThat(opened(iris) - opened(irisBefore)).isEqualTo(2);
        assertThat(iris.getLong("myCases") - irisBefore.getLong("myCases")).isEqualTo(2);
        assertThat(iris.getList("myCasesByStatus.count", Long.class).stream().mapToLong(Long::longValue).sum())
                .isEqualTo(iris.getLong("myCases"));
        assertThat(iris.getList("workload")).as("only supervisors see the workload").isEmpty();

        JsonPath ivan = work("ivan.investigator");
        assertThat(opened(ivan) - opened(ivanBefore)).as("the restricted case he leads and the one he is on")
                .isEqualTo(2);

        JsonPath sam = work("sam.supervisor");
        assertThat(load(sam, IRIS_ID, "leading") - load(samBefore, IRIS_ID, "leading")).isEqualTo(2);
        assertThat(load(sam, IRIS_ID, "onTeam") - load(samBefore, IRIS_ID, "onTeam")).isZero();
        assertThat(load(sam, CaseApi.IVAN_ID, "leading") - load(samBefore, CaseApi.IVAN_ID, "leading")).isEqualTo(1);
        assertThat(load(sam, CaseApi.IVAN_ID, "onTeam") - load(samBefore, CaseApi.IVAN_ID, "onTeam")).isEqualTo(1);
        assertThat(sam.getString("workload.find { it.userId == '" + IRIS_ID + "' }.name"))
                .isEqualTo("Iris Investigator");
        assertThat(sam.getList("workload.userId")).as("every investigator, by name from the directory")
                .contains(IRIS_ID, CaseApi.IVAN_ID);
    }

    @Test
    void companies_auditors_and_strangers_get_no_work() {
        given().when().get("/cases/summary").then().statusCode(401);
        given().auth().oauth2(token("nora.northwind")).when().get("/cases/summary")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token("ada.auditor")).when().get("/cases/summary").then().statusCode(403);
        given().auth().oauth2(token("otto.operator")).when().get("/cases/summary").then().statusCode(403);
    }

    private static JsonPath work(String user) {
        return given().auth().oauth2(token(user)).when().get("/cases/summary")
                .then().statusCode(200).extract().jsonPath();
    }

    private static long opened(JsonPath work) {
        List<Map<String, Object>> counts = work.getList("myCasesByStatus");
        return counts.stream().filter(c -> "OPENED".equals(c.get("status")))
                .mapToLong(c -> ((Number) c.get("count")).longValue()).sum();
    }

    private static long load(JsonPath work, String userId, String field) {
        List<Map<String, Object>> loads = work.getList("workload");
        return loads.stream().filter(l -> userId.equals(l.get("userId")))
                .mapToLong(l -> ((Number) l.get(field)).longValue()).sum();
    }
}
