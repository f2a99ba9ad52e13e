package org.compliance.evidence.rest;

import static io.restassured.RestAssured.given;
import static org.compliance.evidence.rest.EvidenceApi.awaitView;
import static org.compliance.evidence.rest.EvidenceApi.issue;
import static org.compliance.evidence.rest.EvidenceApi.knownCase;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.function.Supplier;
import org.compliance.testing.RealPeers;
import org.compliance.testing.Refusals;
import org.junit.jupiter.api.Test;

/**
 * What a company or staff member sends to evidence-service that the suite cannot hold is refused at the door:
 * problem details naming the field, and no event stored (so no other service can trip over it later).
 */
@QuarkusTest
@WithTestResource(RealPeers.class)
class EvidenceInputTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_company_cannot_store_text_that_others_cannot_read() {
        String staff = RealPeers.tokenFor("iris.investigator");
        String company = RealPeers.tokenFor("nora.northwind");
        String requestId = issue(staff, knownCase(false), "{}");
        awaitView(staff, requestId);

        refusedUnchanged(() -> given().auth().oauth2(company).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"reason\": \"We need more time\\u0000\"}")
                .when().post("/requests/" + requestId + "/extension-request").then(), 400)
                .body("errors[0].pointer", equalTo("/reason"));
        refusedUnchanged(() -> given().auth().oauth2(company).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"reason\": \"\\u200b\"}")
                .when().post("/requests/" + requestId + "/extension-request").then(), 400);
        refusedUnchanged(() -> given().auth().oauth2(company).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"uploadIds\": [null], \"description\": \"x\", "
                        + "\"statementOfTruth\": {\"name\": \"Nora\", \"position\": \"DPO\"}}")
                .when().post("/requests/" + requestId + "/submissions").then(), 400)
                .body("errors[0].pointer", equalTo("/uploadIds/0"));
        // @SingleLine is declared in api without a validator; platform binds it (decision 10).
        refusedUnchanged(() -> given().auth().oauth2(company).contentType(ContentType.JSON)
                .body("{\"uploadIds\": [\"" + UUID.randomUUID() + "\"], \"description\": \"x\", "
                        + "\"statementOfTruth\": {\"name\": \"Nora\\nNorth\", \"position\": \"DPO\"}}")
                .when().post("/requests/" + requestId + "/submissions").then(), 422)
                .body("errors[0].pointer", equalTo("/statementOfTruth/name"));
    }

    @Test
    void instants_and_parameters_within_what_the_stores_hold() {
        String staff = RealPeers.tokenFor("iris.investigator");
        String caseId = knownCase(false);
        String body = "{\"caseId\":\"" + caseId + "\",\"respondentOrganisationAlias\":\"northwind-cloud\","
                + "\"items\":[\"Data retention policy\"],\"legalBasis\":\"UK GDPR Art. 58(1)(a)\",\"dueAt\": %s}";
        for (String dueAt : new String[]{"\"+999999-01-01T00:00:00Z\"", "\"0\"", "0", "\"\"", "\"2026-13-01T00:00:00Z\""}) {
            refusedUnchanged(() -> given().auth().oauth2(staff).contentType(ContentType.JSON)
                    .body(body.formatted(dueAt)).when().post("/requests").then(), 400)
                    .body("errors[0].pointer", equalTo("/dueAt"));
        }
        refusedUnchanged(() -> given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(body.formatted("null").replace(caseId, "not-a-case-id")).when().post("/requests").then(), 422)
                .body("errors[0].pointer", equalTo("/caseId"));
        refusedUnchanged(() -> given().auth().oauth2(staff).when().get("/requests?overdue=maybe").then(), 400)
                .body("errors[0].field", equalTo("overdue"));
        refusedUnchanged(() -> given().auth().oauth2(staff).when().get("/requests?dueWithinDays=9999999999")
                .then(), 400).body("errors[0].field", equalTo("dueWithinDays"));
        refusedUnchanged(() -> given().auth().oauth2(staff).urlEncodingEnabled(false).when().get("/requests/%00")
                .then(), 400).body("detail", containsString("U+0000"));
        given().auth().oauth2(staff).when().get("/requests?overdue=false&caseId=" + caseId).then().statusCode(200);
    }

    private ValidatableResponse refusedUnchanged(Supplier<ValidatableResponse> request, int status) {
        return Refusals.refusedUnchanged(dataSource, request, status);
    }
}
