package org.compliance.cases.rest;

import static io.restassured.RestAssured.given;
import static org.compliance.cases.rest.CaseApi.token;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.compliance.testing.RealPeers;
import org.junit.jupiter.api.Test;

/** The regimes a decision form offers, by authority; reference data for staff and auditors only. */
@QuarkusTest
@WithTestResource(RealPeers.class)
class PenaltyRegimeResourceTest {

    @Test
    void staff_see_the_regimes_an_authority_may_use_and_its_default() {
        given().auth().oauth2(token("sam.supervisor")).queryParam("authority", "Information Commissioner's Office")
                .when().get("/penalty-regimes").then().statusCode(200)
                .body("id", contains("uk-gdpr-higher-maximum", "uk-gdpr-standard-maximum"))
                .body("[0].fixedAmount", equalTo(17500000))
                .body("[0].currency", equalTo("GBP"))
                .body("[0].defaultFor", contains("Information Commissioner's Office"))
                .body("[1].defaultFor", empty());
        given().auth().oauth2(token("iris.investigator")).queryParam("authority", "AI Security Institute")
                .when().get("/penalty-regimes").then().statusCode(200).body("$", empty());
        given().auth().oauth2(token("iris.investigator")).when().get("/penalty-regimes").then().statusCode(200)
                .body("id", hasItems("competition-act-1998-s36", "online-safety-act-2023", "eu-ai-act-art-99-5"));
    }

    @Test
    void companies_do_not_read_them() {
        given().auth().oauth2(token("nora.northwind")).when().get("/penalty-regimes").then().statusCode(403);
        given().when().get("/penalty-regimes").then().statusCode(401);
    }
}
