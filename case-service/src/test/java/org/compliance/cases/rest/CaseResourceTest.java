package org.compliance.cases.rest;

import static io.restassured.RestAssured.given;
import static org.compliance.cases.rest.CaseApi.caseBody;
import static org.compliance.cases.rest.CaseApi.openCase;
import static org.compliance.cases.rest.CaseApi.openCaseWith;
import static org.compliance.cases.rest.CaseApi.token;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.compliance.testing.RealPeers;
import org.junit.jupiter.api.Test;

/** Opening and reading cases, per role, with real tokens. */
@QuarkusTest
@WithTestResource(RealPeers.class)
class CaseResourceTest {

    @Test
    void an_investigator_opens_a_case_and_reads_it_with_its_version() {
        String token = token("iris.investigator");
        String caseId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(caseBody("Consent for model training", "northwind-cloud", "Northwind Cloud Ltd", "STANDARD"))
                .when().post("/cases")
                .then().statusCode(201).header("Location", containsString("/cases/")).header("ETag", "\"0\"")
                .extract().path("caseId");

        CaseApi.viewAt("iris.investigator", caseId, 0)
                .header("ETag", "\"0\"")
                .body("title", equalTo("Consent for model training"))
                .body("status", equalTo("OPENED"))
                .body("authority", equalTo(CaseApi.ICO))
                .body("priority", equalTo("HIGH"))
                .body("respondents.organisationAlias", hasItem("northwind-cloud"))
                .body("allegations.allegation.allegationId", hasItem("A1"))
                .body("leadInvestigator.name", equalTo("Iris Investigator"));
    }

    @Test
    void a_case_opens_with_the_lead_and_team_chosen_and_a_chosen_non_staff_user_is_named_by_field() {
        String withTeam = caseBody("Chosen team", "northwind-cloud", "Northwind Cloud Ltd", "STANDARD")
                .replaceFirst("\\{", "{\"leadInvestigatorId\": \"" + CaseApi.SAM_ID + "\", \"team\": [\""
                        + CaseApi.IVAN_ID + "\"], ");
        String caseId = given().auth().oauth2(token("iris.investigator")).contentType(ContentType.JSON).body(withTeam)
                .when().post("/cases")
                .then().statusCode(201).header("ETag", "\"1\"").extract().path("caseId");
        CaseApi.viewAt("sam.supervisor", caseId, 1)
                .body("leadInvestigator.userId", equalTo(CaseApi.SAM_ID))
                .body("team.userId", contains(CaseApi.IVAN_ID));

        String companyUserOnTeam = caseBody("Wrong team", "northwind-cloud", "Northwind Cloud Ltd", "STANDARD")
                .replaceFirst("\\{", "{\"team\": [\"" + CaseApi.IVAN_ID + "\", \"" + CaseApi.NORA_ID + "\"], ");
        given().auth().oauth2(token("iris.investigator")).contentType(ContentType.JSON).body(companyUserOnTeam)
                .when().post("/cases")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("team[1]"))
                .body("errors[0].pointer", equalTo("/team/1"))
                .body("errors[0].message", containsString("not regulator staff"));
        String leadAlsoOnTeam = caseBody("Lead twice", "northwind-cloud", "Northwind Cloud Ltd", "STANDARD")
                .replaceFirst("\\{", "{\"leadInvestigatorId\": \"" + CaseApi.IVAN_ID + "\", \"team\": [\""
                        + CaseApi.IVAN_ID + "\"], ");
        given().auth().oauth2(token("iris.investigator")).contentType(ContentType.JSON).body(leadAlsoOnTeam)
                .when().post("/cases")
                .then().statusCode(422).body("detail", containsString("cannot also be on its team"));
    }

    @Test
    void opening_needs_a_token_and_a_staff_role() {
        String body = caseBody("x", "northwind-cloud", "Northwind Cloud Ltd", "STANDARD");
        given().contentType(ContentType.JSON).body(body).when().post("/cases")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(token("nora.northwind")).contentType(ContentType.JSON).body(body).when().post("/cases")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token("ada.auditor")).contentType(ContentType.JSON).body(body).when().post("/cases")
                .then().statusCode(403);
        given().auth().oauth2(token("otto.operator")).contentType(ContentType.JSON).body(body).when().post("/cases")
                .then().statusCode(403);
    }

    @Test
    void bad_input_gets_problem_details_and_changes_nothing() {
        String token = token("iris.investigator");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"title\":")
                .when().post("/cases").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"title\":\"x\",\"bogus\":1}")
                .when().post("/cases").then().statusCode(400).body("detail", containsString("bogus"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"title\":[1]}")
                .when().post("/cases").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"title\":\"\"}")
                .when().post("/cases").then().statusCode(422).body("errors.field", hasItem("respondents"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(caseBody("x", "northwind-cloud", "Northwind Cloud Ltd", "STANDARD")
                        .replace(CaseApi.ICO, "Ministry of Magic"))
                .when().post("/cases").then().statusCode(422).body("detail", containsString("Unknown authority"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"title\":\"" + "x".repeat(300_000) + "\"}")
                .when().post("/cases").then().statusCode(413).contentType("application/problem+json");
        given().auth().oauth2(token).when().get("/cases/no-such-case")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token).when().get("/cases?status=NOPE").then().statusCode(400)
                .body("detail", containsString("OPENED"));
        given().auth().oauth2(token).when().get("/cases?page=500&size=100")
                .then().statusCode(422).body("detail", containsString("narrow the filters"));
    }

    @Test
    void a_company_sees_only_cases_against_it_and_only_what_respondents_are_told() {
        String northwind = openCase("iris.investigator", "Northwind: location data");
        String contoso = openCaseWith("iris.investigator",
                caseBody("Contoso: scraping", "contoso-models", "Contoso Models plc", "STANDARD"));
        String nora = token("nora.northwind");

        given().auth().oauth2(nora).when().get("/cases/" + northwind).then().statusCode(200)
                .body("yourOrganisation", equalTo("northwind-cloud"))
                .body("allegations.legalBasis", hasItem("UK GDPR Art. 6(1)"))
                .body("team", nullValue()).body("leadInvestigator", nullValue())
                .body("complainants", nullValue()).body("summary", nullValue()).body("priority", nullValue());
        given().auth().oauth2(nora).when().get("/cases/" + contoso).then().statusCode(404);
        given().auth().oauth2(nora).when().get("/cases/" + northwind + "/notes").then().statusCode(403);
        given().auth().oauth2(nora).when().get("/cases?size=100").then().statusCode(200)
                .body("items.caseId", hasItem(northwind))
                .body("items.caseId", not(hasItem(contoso)))
                .body("items.leadInvestigatorName", everyItem(nullValue()));
        given().auth().oauth2(token("colin.contoso")).when().get("/cases/" + northwind).then().statusCode(404);
    }

    @Test
    void next_steps_follow_the_status_and_the_callers_role() {
        String caseId = openCase("iris.investigator", "Next steps of an opened case");
        given().auth().oauth2(token("iris.investigator")).when().get("/cases/" + caseId + "/next-steps")
                .then().statusCode(200)
                .body("action", contains("START_INVESTIGATION", "SUSPEND", "REFER"))
                .body("leadsTo", contains("INVESTIGATING", "SUSPENDED", "REFERRED"))
                .body("method", contains("POST", "POST", "POST"))
                .body("path", contains("/cases/" + caseId + "/investigation", "/cases/" + caseId + "/suspension",
                        "/cases/" + caseId + "/referral"));
        given().auth().oauth2(token("ada.auditor")).when().get("/cases/" + caseId + "/next-steps")
                .then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(token("nora.northwind")).when().get("/cases/" + caseId + "/next-steps")
                .then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(token("colin.contoso")).when().get("/cases/" + caseId + "/next-steps")
                .then().statusCode(404);

        long version = ((Number) CaseApi.change("iris.investigator", "POST", "/cases/" + caseId + "/investigation",
                0, null).statusCode(200).extract().path("version")).longValue();
        version = ((Number) CaseApi.change("iris.investigator", "POST", "/cases/" + caseId + "/findings", version,
                "{\"findings\": \"Established\"}").statusCode(200).extract().path("version")).longValue();
        CaseApi.viewAt("iris.investigator", caseId, version);
        given().auth().oauth2(token("iris.investigator")).when().get("/cases/" + caseId + "/next-steps")
                .then().statusCode(200).body("action", contains("SUSPEND", "REFER"));
        given().auth().oauth2(token("sam.supervisor")).when().get("/cases/" + caseId + "/next-steps")
                .then().statusCode(200).body("action", contains("ISSUE_DECISION", "SUSPEND", "REFER"))
                .body("[0].method", equalTo("POST")).body("[0].path", equalTo("/cases/" + caseId + "/decision"));
    }

    @Test
    void a_restricted_case_is_seen_by_its_team_supervisors_and_auditors_only() {
        String restricted = openCaseWith("iris.investigator",
                caseBody("Restricted: whistleblower report", "northwind-cloud", "Northwind Cloud Ltd", "RESTRICTED"));
        given().auth().oauth2(token("ivan.investigator")).when().get("/cases/" + restricted).then().statusCode(404);
        given().auth().oauth2(token("ivan.investigator")).when().get("/cases?size=100").then().statusCode(200)
                .body("items.caseId", not(hasItem(restricted)));
        given().auth().oauth2(token("sam.supervisor")).when().get("/cases/" + restricted).then().statusCode(200);
        given().auth().oauth2(token("ada.auditor")).when().get("/cases/" + restricted).then().statusCode(200)
                .header("ETag", notNullValue());
        given().auth().oauth2(token("iris.investigator")).when().get("/cases/mine?size=100").then().statusCode(200)
                .body("items.caseId", hasItem(restricted));
    }

    @Test
    void the_list_filters_sorts_and_pages() {
        String marker = "Filterable " + System.nanoTime();
        String first = openCase("ivan.investigator", marker + " alpha");
        String second = openCaseWith("ivan.investigator",
                caseBody(marker + " beta", "contoso-models", "Contoso Models plc", "STANDARD"));
        String iris = token("iris.investigator");

        given().auth().oauth2(iris).queryParam("q", marker.toLowerCase()).when().get("/cases")
                .then().statusCode(200).body("items.caseId", org.hamcrest.Matchers.contains(second, first));
        given().auth().oauth2(iris).queryParam("q", marker).queryParam("sort", "TITLE").queryParam("direction", "asc")
                .when().get("/cases").then().statusCode(200)
                .body("items.caseId", org.hamcrest.Matchers.contains(first, second));
        given().auth().oauth2(iris).queryParam("q", marker).queryParam("respondent", "contoso-models")
                .when().get("/cases").then().statusCode(200).body("items.caseId", org.hamcrest.Matchers.contains(second));
        given().auth().oauth2(iris).queryParam("q", marker).queryParam("assignee", CaseApi.IVAN_ID)
                .queryParam("status", "OPENED").queryParam("priority", "HIGH").queryParam("authority", CaseApi.ICO)
                .queryParam("openedFrom", "2020-01-01T00:00:00Z")
                .when().get("/cases").then().statusCode(200).body("items.size()", equalTo(2));
        given().auth().oauth2(iris).queryParam("q", marker).queryParam("size", 1).queryParam("page", 1)
                .when().get("/cases").then().statusCode(200).body("items.caseId", org.hamcrest.Matchers.contains(first));
        given().auth().oauth2(iris).queryParam("q", marker).queryParam("openedTo", "2020-01-01T00:00:00Z")
                .when().get("/cases").then().statusCode(200).body("items.size()", equalTo(0));
        given().auth().oauth2(iris).queryParam("q", "100%_literal").when().get("/cases")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void the_openapi_document_names_roles_and_problem_answers_for_any_signed_in_user() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(401);
        given().auth().oauth2(token("nora.northwind")).accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/cases/{caseId}/decision'.post.responses.'422'.content.'application/problem+json'",
                        notNullValue())
                .body("paths.'/cases/{caseId}/decision'.post.responses.'428'", notNullValue())
                .body("paths.'/cases/{caseId}/decision'.post.security[0].bearer", hasItem("supervisor"))
                .body("paths.'/cases'.get.security[0].bearer", hasItem("company"))
                .body("paths.'/cases/{caseId}/decision'.post.operationId", equalTo("issueDecision"))
                .body("paths.'/cases/{caseId}/decision'.post.parameters.find { it.name == 'caseId' }.schema.format",
                        equalTo("uuid"))
                .body("paths.'/cases/{caseId}/decision'.post.parameters.find { it.name == 'If-Match' }.schema.pattern",
                        notNullValue())
                .body("paths.'/cases/{caseId}'.get.responses.'413'", nullValue())
                .body("paths.'/cases/{caseId}'.get.responses.'409'", nullValue())
                .body("paths.'/cases/{caseId}'.get.responses.'414'.content.'application/problem+json'", notNullValue())
                .body("paths.'/cases/{caseId}/investigation'.post.responses.'415'", notNullValue())
                .body("paths.'/cases/{caseId}/investigation'.post.responses.'409'.content.'application/problem+json'",
                        notNullValue())
                .body("paths.'/cases'.post.responses.'201'", notNullValue())
                .body("paths.'/cases'.post.responses.'415'.content.'application/problem+json'", notNullValue())
                .body("servers[0].url", equalTo("http://localhost:8081"))
                .body("components.schemas.Problem.properties.detail", notNullValue())
                .body("components.schemas.Problem.properties.errors.items.properties.pointer", notNullValue());
    }
}
