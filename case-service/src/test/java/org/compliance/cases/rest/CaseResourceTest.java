package org.compliance.cases.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import org.compliance.testing.RealPeers;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RealPeers.class)
class CaseResourceTest {

    private static final String CASE = """
            {"title":"Consent for model training",
             "respondents":[{"organisationAlias":"northwind-cloud","name":"Northwind Cloud Ltd"}],
             "allegations":[{"legalBasis":"UK GDPR Art. 6(1)","description":"Personal data used to train models"}]}""";

    @Test
    void an_investigator_opens_a_case_and_reads_it_back_from_the_read_model() {
        String token = RealPeers.tokenFor("iris.investigator");
        String caseId = given().auth().oauth2(token).contentType(ContentType.JSON).body(CASE)
                .when().post("/cases")
                .then().statusCode(201).header("Location", containsString("/cases/"))
                .extract().path("caseId");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(token).when().get("/cases/" + caseId)
                        .then().statusCode(200)
                        .body("title", equalTo("Consent for model training"))
                        .body("status", equalTo("OPENED"))
                        .body("respondents", contains("northwind-cloud"))
                        .body("leadInvestigatorName", equalTo("Iris Investigator")));
    }

    @Test
    void a_company_users_token_names_its_organisation() throws Exception {
        String payload = RealPeers.tokenFor("nora.northwind").split("\\.")[1];
        var claims = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(java.util.Base64.getUrlDecoder().decode(payload));
        org.assertj.core.api.Assertions.assertThat(claims.get("organization").toString()).contains("northwind-cloud");
        org.assertj.core.api.Assertions.assertThat(claims.get("aud").toString()).contains("case-service");
    }

    @Test
    void without_a_token_the_answer_is_401_problem() {
        given().contentType(ContentType.JSON).body(CASE)
                .when().post("/cases")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void a_company_user_may_not_open_a_case() {
        given().auth().oauth2(RealPeers.tokenFor("nora.northwind")).contentType(ContentType.JSON).body(CASE)
                .when().post("/cases")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void an_auditor_may_not_open_a_case() {
        given().auth().oauth2(RealPeers.tokenFor("ada.auditor")).contentType(ContentType.JSON).body(CASE)
                .when().post("/cases")
                .then().statusCode(403);
    }

    @Test
    void malformed_unknown_missing_and_oversized_input_get_problem_details() {
        String token = RealPeers.tokenFor("iris.investigator");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"title\":")
                .when().post("/cases").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"title\":\"x\",\"bogus\":1}")
                .when().post("/cases").then().statusCode(400).body("detail", containsString("bogus"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"title\":[1]}")
                .when().post("/cases").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"title\":\"\"}")
                .when().post("/cases").then().statusCode(422).body("errors.field", hasItem("respondents"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"title\":\"" + "x".repeat(300_000) + "\"}")
                .when().post("/cases").then().statusCode(413).contentType("application/problem+json");
        given().auth().oauth2(token).when().get("/cases/no-such-case")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
