package org.compliance.cases.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import org.compliance.testing.RealPeers;

/** What the REST tests do again and again: open a case as someone, wait for its view, change it. */
final class CaseApi {

    static final String IVAN_ID = "9f3121db-72e6-58b6-b6ba-d05bf07f25c1";
    static final String SAM_ID = "cfb27f45-d3b2-5d6a-97cb-b73b1f2174f1";
    static final String NORA_ID = "93e6a546-01bc-5db9-ae9b-c7813c20dbeb";
    static final String ICO = "Information Commissioner's Office";

    private CaseApi() {
    }

    static String token(String user) {
        return RealPeers.tokenFor(user);
    }

    static String caseBody(String title, String respondentAlias, String respondentName, String confidentiality) {
        return """
                {"title": "%s",
                 "summary": "Customers' browsing, purchase and location data used to train language models",
                 "authority": "%s",
                 "legalBases": ["UK GDPR", "Data Protection Act 2018"],
                 "priority": "HIGH",
                 "confidentiality": "%s",
                 "respondents": [{"organisationAlias": "%s", "name": "%s"}],
                 "complainants": [{"kind": "PERSON", "name": "A. Customer"}],
                 "allegations": [
                   {"legalBasis": "UK GDPR Art. 6(1)", "description": "No lawful basis for training on customer data",
                    "conductFrom": "2025-01-01", "conductTo": "2026-06-30"},
                   {"legalBasis": "UK GDPR Art. 13", "description": "Customers were not told"}]}
                """.formatted(title, ICO, confidentiality, respondentAlias, respondentName);
    }

    /** Opens a case against Northwind Cloud as the given investigator and waits until its view can be read. */
    static String openCase(String user, String title) {
        return openCaseWith(user, caseBody(title, "northwind-cloud", "Northwind Cloud Ltd", "STANDARD"));
    }

    /** Opens a case as {@link #openCase(String, String)} does, waiting longer for its view. */
    static String openCase(String user, String title, Duration wait) {
        return openCaseWith(user, caseBody(title, "northwind-cloud", "Northwind Cloud Ltd", "STANDARD"), wait);
    }

    static String openCaseWith(String user, String body) {
        return openCaseWith(user, body, Duration.ofSeconds(10));
    }

    private static String openCaseWith(String user, String body, Duration wait) {
        String token = token(user);
        String caseId = given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/cases").then().statusCode(201).extract().path("caseId");
        await().atMost(wait).untilAsserted(() ->
                given().auth().oauth2(token).when().get("/cases/" + caseId).then().statusCode(200));
        return caseId;
    }

    /** A change with If-Match; answers the response to check. */
    static ValidatableResponse change(String user, String method, String path, long version, String body) {
        var request = given().auth().oauth2(token(user)).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"");
        if (body != null) {
            request = request.body(body);
        }
        return request.when().request(method, path).then();
    }

    /** Waits until the case's view has reached the version and answers the view's JSON path. */
    static ValidatableResponse viewAt(String user, String caseId, long version) {
        String token = token(user);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(token).when().get("/cases/" + caseId).then().statusCode(200)
                        .header("ETag", "\"" + version + "\""));
        return given().auth().oauth2(token).when().get("/cases/" + caseId).then().statusCode(200);
    }
}
