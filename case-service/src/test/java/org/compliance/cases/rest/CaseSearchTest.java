package org.compliance.cases.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.compliance.cases.rest.CaseApi.ICO;
import static org.compliance.cases.rest.CaseApi.openCaseWith;
import static org.compliance.cases.rest.CaseApi.token;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.compliance.api.cases.CaseSort;
import org.compliance.testing.RealPeers;
import org.junit.jupiter.api.Test;

/** Searching the case list: words in any order, ranked, typos; respondents by name; sorting; count; CSV; saved searches. */
@QuarkusTest
@WithTestResource(RealPeers.class)
class CaseSearchTest {

    private static final Random RANDOM = new Random();

    /** A word no other case holds, nor anything like it: letters only, so that it is one word to every parser. */
    private static String marker() {
        var word = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return word.toString();
    }

    private static String body(String title, String summary, String allegation, String respondents,
                               String complainant, String priority) {
        return """
                {"title": "%s", "summary": "%s", "authority": "%s", "legalBases": ["UK GDPR"], "priority": "%s",
                 "confidentiality": "STANDARD", "respondents": [%s],
                 "complainants": [{"kind": "PERSON", "name": "%s"}],
                 "allegations": [{"legalBasis": "UK GDPR Art. 5(1)(e)", "description": "%s"}]}
                """.formatted(title, summary, ICO, priority, respondents, complainant, allegation);
    }

    private static final String NORTHWIND = "{\"organisationAlias\": \"northwind-cloud\", \"name\": \"Northwind Cloud Ltd\"}";
    private static final String CONTOSO = "{\"organisationAlias\": \"contoso-models\", \"name\": \"Contoso Models plc\"}";

    private static String open(String title, String summary, String allegation, String respondents, String complainant) {
        return openCaseWith("iris.investigator", body(title, summary, allegation, respondents, complainant, "HIGH"));
    }

    private static List<String> found(String user, String q) {
        return given().auth().oauth2(token(user)).queryParam("q", q).queryParam("size", 100).when().get("/cases")
                .then().statusCode(200).extract().path("items.caseId");
    }

    @Test
    void words_are_found_in_any_order_in_title_summary_allegations_and_parties_names() {
        String m = marker();
        String caseId = open(m + " Consent for model training", "Browsing data kept for years",
                "Recordings retained beyond their purpose", NORTHWIND, "Agatha Whistleblower");

        assertThat(found("iris.investigator", "training consent " + m)).containsExactly(caseId);
        assertThat(found("iris.investigator", "years browsing " + m)).containsExactly(caseId);
        assertThat(found("iris.investigator", m + " recordings retained")).containsExactly(caseId);
        assertThat(found("iris.investigator", "whistleblower " + m + " northwind")).containsExactly(caseId);
        // English word forms alike: "trained" finds "training", "retain" finds "retained".
        assertThat(found("iris.investigator", "trained retain " + m)).containsExactly(caseId);
        // Every word must be found somewhere.
        assertThat(found("iris.investigator", m + " consent penguins")).isEmpty();
    }

    @Test
    void a_word_no_case_holds_is_taken_for_a_typo_and_finds_the_words_most_like_it() {
        String m = marker();
        String caseId = open(m + " Biometric scanning at the gates", "Faces matched without notice",
                "Special category data without a condition", NORTHWIND, "A. Visitor");
        String typo = m.substring(0, 5) + m.substring(6);

        assertThat(found("iris.investigator", typo)).containsExactly(caseId);
        assertThat(found("iris.investigator", typo + " biometrik")).containsExactly(caseId);
        assertThat(found("iris.investigator", m + " scannig")).containsExactly(caseId);
    }

    @Test
    void the_best_match_comes_first() {
        String m = marker();
        String inAllegation = open("Retention of call recordings", "Calls kept for years", m + " recordings kept",
                NORTHWIND, "A. Caller");
        String inSummary = open("Retention of chat logs", "Chats about " + m + " kept for years", "Logs kept",
                NORTHWIND, "A. Chatter");
        String inTitle = open("Retention of " + m + " archives", "Archives kept for years", "Archives kept",
                NORTHWIND, "A. Archivist");

        assertThat(found("iris.investigator", m)).containsExactly(inTitle, inSummary, inAllegation);
        given().auth().oauth2(token("iris.investigator")).queryParam("q", m).queryParam("sort", "OPENED_AT")
                .when().get("/cases").then().statusCode(200)
                .body("items.caseId", contains(inTitle, inSummary, inAllegation));
        given().auth().oauth2(token("iris.investigator")).queryParam("q", m).queryParam("direction", "asc")
                .when().get("/cases").then().statusCode(200)
                .body("items.caseId", contains(inAllegation, inSummary, inTitle));
    }

    @Test
    void notes_are_searched_for_staff_never_for_a_company() {
        String m = marker();
        String caseId = open("Location data sold to brokers " + m, "Customers tracked across sites",
                "Sold without consent", NORTHWIND + ", " + CONTOSO, "A. Customer");
        String note = marker();
        CaseApi.change("iris.investigator", "POST", "/cases/" + caseId + "/notes", 0,
                "{\"text\":\"Informant " + note + " says the brokers paid monthly\"}").statusCode(200);
        CaseApi.viewAt("iris.investigator", caseId, 1);

        assertThat(found("iris.investigator", note)).containsExactly(caseId);
        assertThat(found("sam.supervisor", "informant " + note)).containsExactly(caseId);
        assertThat(found("ada.auditor", note)).containsExactly(caseId);
        // The company reads this case, and finds it by what its view shows: the title and the allegations ...
        assertThat(found("nora.northwind", m)).containsExactly(caseId);
        assertThat(found("nora.northwind", m + " sold consent")).containsExactly(caseId);
        // ... never by the notes, the summary or another respondent's name, which it is not shown.
        assertThat(found("nora.northwind", note)).isEmpty();
        assertThat(found("nora.northwind", "informant " + m)).isEmpty();
        assertThat(found("nora.northwind", "customers tracked " + m)).isEmpty();
        assertThat(found("nora.northwind", "contoso " + m)).isEmpty();
        given().auth().oauth2(token("nora.northwind")).queryParam("q", note).when().get("/cases/count")
                .then().statusCode(200).body("count", equalTo(0));
        given().auth().oauth2(token("nora.northwind")).queryParam("q", m).queryParam("respondent", "contoso")
                .when().get("/cases").then().statusCode(200).body("items", empty());
        given().auth().oauth2(token("nora.northwind")).queryParam("q", m).queryParam("respondent", "northwind")
                .when().get("/cases").then().statusCode(200).body("items.caseId", contains(caseId));
        given().auth().oauth2(token("colin.contoso")).queryParam("q", m).when().get("/cases").then().statusCode(200)
                .body("items.caseId", contains(caseId));
    }

    @Test
    void a_rebuild_of_the_views_finds_the_same_cases_by_the_same_words() {
        String m = marker();
        String caseId = open(m + " Rebuilt search", "Cookies set before consent", "Trackers loaded unprompted",
                NORTHWIND, "A. Visitor");
        String note = marker();
        CaseApi.change("iris.investigator", "POST", "/cases/" + caseId + "/notes", 0,
                "{\"text\":\"Asked " + note + " for the banner logs\"}").statusCode(200);
        CaseApi.viewAt("iris.investigator", caseId, 1);
        String typo = m.substring(0, 4) + m.substring(5);

        String otto = token("otto.operator");
        long rebuild = given().auth().oauth2(otto).when().post("/operations/read-models/rebuild").then()
                .statusCode(202).extract().jsonPath().getLong("rebuilds.find { it.processingGroup == 'case-views' }.id");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(otto)
                .when().get("/operations/read-models").then().statusCode(200)
                .body("rebuilds.find { it.id == " + rebuild + " }.state", equalTo("DONE")));

        assertThat(found("iris.investigator", note)).containsExactly(caseId);
        assertThat(found("iris.investigator", typo + " trackers")).containsExactly(caseId);
        assertThat(found("iris.investigator", "cookies " + m + " visitor")).containsExactly(caseId);
        assertThat(found("nora.northwind", m + " trackers")).containsExactly(caseId);
        assertThat(found("nora.northwind", note)).isEmpty();
    }

    @Test
    void a_respondent_is_found_by_any_part_of_its_name_or_its_alias() {
        String m = marker();
        String contoso = open(m + " Scraping of public profiles", "Profiles scraped", "Scraped without notice",
                CONTOSO, "A. Member");
        String northwind = open(m + " Profiles kept", "Profiles kept", "Kept without notice", NORTHWIND, "A. Member");
        String iris = token("iris.investigator");

        for (String respondent : List.of("ontoso mod", "CONTOSO", "contoso-models")) {
            given().auth().oauth2(iris).queryParam("q", m).queryParam("respondent", respondent).when().get("/cases")
                    .then().statusCode(200).body("items.caseId", contains(contoso));
        }
        given().auth().oauth2(iris).queryParam("q", m).queryParam("respondent", "cloud ltd").when().get("/cases")
                .then().statusCode(200).body("items.caseId", contains(northwind));
        given().auth().oauth2(iris).queryParam("q", m).queryParam("respondent", "100%_").when().get("/cases")
                .then().statusCode(200).body("items", empty());
    }

    @Test
    void the_list_sorts_by_each_of_its_columns_either_way_the_case_id_breaking_ties() {
        String m = marker();
        String low = openCaseWith("iris.investigator", body(m + " alpha", "First", "First", NORTHWIND, "A", "LOW"));
        String urgent = openCaseWith("ivan.investigator", body(m + " gamma", "Second", "Second", CONTOSO, "B",
                "URGENT"));
        String normal = openCaseWith("iris.investigator", body(m + " beta", "Third", "Third",
                NORTHWIND + ", " + CONTOSO, "C", "NORMAL"));
        String iris = token("iris.investigator");

        for (CaseSort sort : CaseSort.values()) {
            List<String> ascending = given().auth().oauth2(iris).queryParam("q", m).queryParam("sort", sort)
                    .queryParam("direction", "asc").when().get("/cases").then().statusCode(200)
                    .extract().path("items.caseId");
            List<String> descending = new ArrayList<>(given().auth().oauth2(iris).queryParam("q", m)
                    .queryParam("sort", sort).queryParam("direction", "desc").when().get("/cases").then()
                    .statusCode(200).extract().<List<String>>path("items.caseId"));
            Collections.reverse(descending);
            assertThat(ascending).as(sort.name()).containsExactlyInAnyOrder(low, urgent, normal)
                    .containsExactlyElementsOf(descending);
        }
        given().auth().oauth2(iris).queryParam("q", m).queryParam("sort", "TITLE").queryParam("direction", "asc")
                .when().get("/cases").then().body("items.caseId", contains(low, normal, urgent));
        given().auth().oauth2(iris).queryParam("q", m).queryParam("sort", "PRIORITY")
                .when().get("/cases").then().body("items.caseId", contains(urgent, normal, low));
        given().auth().oauth2(iris).queryParam("q", m).queryParam("sort", "OPENED_AT")
                .when().get("/cases").then().body("items.caseId", contains(normal, urgent, low));
        given().auth().oauth2(iris).queryParam("q", m).queryParam("sort", "LEAD_INVESTIGATOR").queryParam("direction",
                "asc").when().get("/cases").then().body("items.caseId[2]", equalTo(urgent));
        given().auth().oauth2(iris).queryParam("q", m).queryParam("sort", "RESPONDENTS").queryParam("direction", "asc")
                .when().get("/cases").then().body("items.respondents", contains("Contoso Models plc",
                        "Northwind Cloud Ltd", "Northwind Cloud Ltd, Contoso Models plc"));
    }

    @Test
    void the_count_is_of_what_the_list_finds_for_the_caller() {
        String m = marker();
        open(m + " one", "One", "One", NORTHWIND, "A");
        open(m + " two", "Two", "Two", CONTOSO, "B");
        openCaseWith("iris.investigator", body(m + " three", "Three", "Three", CONTOSO, "C", "LOW")
                .replace("STANDARD", "RESTRICTED"));

        given().auth().oauth2(token("iris.investigator")).queryParam("q", m).when().get("/cases/count")
                .then().statusCode(200).body("count", equalTo(3));
        given().auth().oauth2(token("ivan.investigator")).queryParam("q", m).when().get("/cases/count")
                .then().statusCode(200).body("count", equalTo(2));
        given().auth().oauth2(token("iris.investigator")).queryParam("q", m).queryParam("priority", "LOW")
                .when().get("/cases/count").then().statusCode(200).body("count", equalTo(1));
        given().auth().oauth2(token("nora.northwind")).queryParam("q", m).when().get("/cases/count")
                .then().statusCode(200).body("count", equalTo(1));
        given().auth().oauth2(token("otto.operator")).queryParam("q", m).when().get("/cases/count")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void the_list_is_exported_as_csv_with_cells_escaped_and_no_formula_run() {
        String m = marker();
        String title = "=HYPERLINK(\\\"http://evil.example\\\", \\\"Click\\\") " + m;
        String caseId = openCaseWith("iris.investigator", body(title, "Summary", "Allegation",
                "{\"organisationAlias\": \"northwind-cloud\", \"name\": \"Northwind, \\\"the cloud\\\" Ltd\"}", "A",
                "HIGH"));

        String csv = given().auth().oauth2(token("iris.investigator")).queryParam("q", m).when().get("/cases/export")
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("cases.csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo("Case id,Title,Status,Authority,Priority,Confidentiality,Respondents,"
                + "Lead investigator,Legal hold,Awaiting overdue evidence,Opened at,Updated at");
        assertThat(lines[1]).startsWith(caseId + ",\"'=HYPERLINK(\"\"http://evil.example\"\", \"\"Click\"\") " + m
                + "\",OPENED,Information Commissioner's Office,HIGH,STANDARD,\"Northwind, \"\"the cloud\"\" Ltd\","
                + "Iris Investigator,no,no,");

        String company = given().auth().oauth2(token("nora.northwind")).queryParam("q", m).when().get("/cases/export")
                .then().statusCode(200).extract().asString();
        assertThat(company.split("\r\n")).hasSize(2);
        assertThat(company).startsWith("Case id,Title,Status,Authority,Opened at\r\n" + caseId + ",\"'=HYPERLINK(")
                .doesNotContain("Iris Investigator");
        assertThat(given().auth().oauth2(token("colin.contoso")).queryParam("q", m).when().get("/cases/export")
                .then().statusCode(200).extract().asString()).isEqualTo("Case id,Title,Status,Authority,Opened at\r\n");
    }

    @Test
    void each_person_keeps_their_own_saved_searches() {
        String name = "Contoso scraping " + marker();
        String saved = given().auth().oauth2(token("iris.investigator")).contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\", \"search\": {\"q\": \"scraping profiles\", \"respondent\": \"contoso\","
                        + " \"status\": \"OPENED\", \"sort\": \"TITLE\", \"direction\": \"asc\"}}")
                .when().post("/me/saved-searches").then().statusCode(201)
                .header("Location", containsString("/me/saved-searches/"))
                .body("name", equalTo(name)).body("search.q", equalTo("scraping profiles"))
                .extract().path("searchId");

        given().auth().oauth2(token("iris.investigator")).when().get("/me/saved-searches").then().statusCode(200)
                .body("find { it.searchId == '" + saved + "' }.search.sort", equalTo("TITLE"))
                .body("find { it.searchId == '" + saved + "' }.search.respondent", equalTo("contoso"));
        given().auth().oauth2(token("iris.investigator")).contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\", \"search\": {}}").when().post("/me/saved-searches")
                .then().statusCode(409).contentType("application/problem+json");

        for (String other : List.of("ivan.investigator", "nora.northwind", "sam.supervisor")) {
            given().auth().oauth2(token(other)).when().get("/me/saved-searches").then().statusCode(200)
                    .body("searchId", not(hasItem(saved)));
            given().auth().oauth2(token(other)).when().get("/me/saved-searches/" + saved).then().statusCode(404)
                    .contentType("application/problem+json");
            given().auth().oauth2(token(other)).when().delete("/me/saved-searches/" + saved).then().statusCode(404);
        }
        // Another person may use the same name for a search of their own.
        given().auth().oauth2(token("nora.northwind")).contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\", \"search\": {\"q\": \"consent\"}}").when().post("/me/saved-searches")
                .then().statusCode(201);

        given().auth().oauth2(token("iris.investigator")).when().delete("/me/saved-searches/" + saved)
                .then().statusCode(204);
        given().auth().oauth2(token("iris.investigator")).when().get("/me/saved-searches/" + saved)
                .then().statusCode(404);
        given().auth().oauth2(token("otto.operator")).when().get("/me/saved-searches").then().statusCode(403);
    }

    @Test
    void bad_search_parameters_and_saved_searches_are_refused_with_problem_details() {
        String iris = token("iris.investigator");
        given().auth().oauth2(iris).queryParam("sort", "NOPE").when().get("/cases").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("RELEVANCE"));
        given().auth().oauth2(iris).queryParam("sort", "NOPE").when().get("/cases/export").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(iris).queryParam("openedFrom", "yesterday").when().get("/cases/count").then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(iris).queryParam("direction", "sideways").when().get("/cases").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem(containsString("direction")));
        given().auth().oauth2(iris).queryParam("q", "a b c d e f g h i j k").when().get("/cases").then()
                .statusCode(422).contentType("application/problem+json").body("detail", containsString("10 words"));
        given().auth().oauth2(iris).queryParam("q", "x".repeat(201)).when().get("/cases").then().statusCode(422)
                .contentType("application/problem+json");
        given().auth().oauth2(iris).queryParam("respondent", "line\nbreak").when().get("/cases").then()
                .statusCode(400).contentType("application/problem+json");
        // Words only: nothing typed reaches the text-search parser as an operator.
        given().auth().oauth2(iris).queryParam("q", "consent & !(| ) <-> :*").when().get("/cases").then()
                .statusCode(200);
        given().auth().oauth2(iris).queryParam("q", "the and of").when().get("/cases/count").then()
                .statusCode(200).body("count", equalTo(0));

        given().auth().oauth2(iris).contentType(ContentType.JSON).body("{\"name\": \"x\"}").when()
                .post("/me/saved-searches").then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(iris).contentType(ContentType.JSON).body("{\"name\": \"x\", \"search\": {\"sort\": \"NOPE\"}}")
                .when().post("/me/saved-searches").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(iris).contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"search\": {\"direction\": \"up\"}}").when().post("/me/saved-searches")
                .then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(iris).contentType(ContentType.JSON).body("{\"name\": \"\", \"search\": {}}").when()
                .post("/me/saved-searches").then().statusCode(422).body("errors.field", hasItem(startsWith("name")));
    }
}
