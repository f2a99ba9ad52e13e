package org.compliance.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.compliance.portal.web.StubbedServices.Answer;
import org.compliance.portal.web.StubbedServices.Call;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Opening and editing a case in the portal, against a stand-in for case-service: organisations and staff chosen by
 * name become the aliases and user ids case-service takes; a refusal's field errors reach the page's script with the
 * field names of the form; a name that matches no one is refused by the portal without anything being sent; the
 * script's own form posts are told where to go instead of being redirected.
 */
@QuarkusTest
@TestProfile(ServiceCallsTest.AgainstStubbedServices.class)
class CaseIntakeTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORGANISATIONS = "[{\"alias\":\"northwind-cloud\",\"name\":\"Northwind Cloud Ltd\"},"
            + "{\"alias\":\"contoso-data\",\"name\":\"Contoso Data plc\"}]";
    private static final String STAFF = "[{\"userId\":\"u-sam\",\"name\":\"Sam Supervisor\",\"roles\":[\"supervisor\"]},"
            + "{\"userId\":\"u-ivan\",\"name\":\"Ivan Investigator\",\"roles\":[\"investigator\"]}]";
    private static final String CASE = "{\"caseId\":\"c-1\",\"version\":3,\"title\":\"Northwind: consent\","
            + "\"authority\":\"ICO\",\"status\":\"INVESTIGATING\",\"respondents\":[{\"organisationAlias\":"
            + "\"northwind-cloud\",\"name\":\"Northwind Cloud Ltd\"}],\"complainants\":[],\"allegations\":[],"
            + "\"leadInvestigator\":{\"userId\":\"u-iris\",\"name\":\"Iris Investigator\"},\"team\":[],"
            + "\"legalBases\":[\"UK GDPR\"],\"openedAt\":\"2026-11-01T10:00:00Z\",\"decisions\":[]}";

    @TestHTTPResource("/")
    URI portal;

    @BeforeEach
    void directories() {
        StubbedServices.reset();
        StubbedServices.answer("GET", "/organisations", new Answer(200, null, "application/json", ORGANISATIONS));
        StubbedServices.answer("GET", "/staff", new Answer(200, null, "application/json", STAFF));
        StubbedServices.answer("GET", "/authorities", new Answer(200, null, "application/json",
                "[\"Information Commissioner's Office\"]"));
    }

    @Test
    void the_form_offers_every_field_the_api_takes_with_organisations_and_staff_by_name() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(portal.resolve("/cases/new"))
                .header("Accept", "text/html").build());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"title\"", "name=\"summary\"", "name=\"legalBases\"",
                "name=\"priority\"", "name=\"confidentiality\"", "name=\"respondents[0]\"",
                "name=\"complainants[0].kind\"", "name=\"allegations[0].legalBasis\"",
                "name=\"allegations[0].conductFrom\"", "data-field=\"leadInvestigatorId\"", "name=\"team[0]\"",
                "<option value=\"Northwind Cloud Ltd\">", "<option value=\"Sam Supervisor\">",
                "<option value=\"Information Commissioner&#39;s Office\">");
    }

    @Test
    void a_case_is_opened_with_names_turned_into_aliases_and_user_ids() throws Exception {
        StubbedServices.answer("POST", "/cases", new Answer(201, "1", "application/json", "{\"caseId\":\"c-9\"}",
                Map.of("Consistency-Position", "41")));

        HttpResponse<String> answer = post("/cases/new", intake("Northwind Cloud Ltd"), false);

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l ->
                assertThat(l).endsWith("/cases/c-9?done=opened"));
        JsonNode sent = JSON.readTree(only("POST", "/cases").body());
        assertThat(sent.path("respondents").get(0).path("organisationAlias").asText()).isEqualTo("northwind-cloud");
        assertThat(sent.path("respondents").get(1).path("name").asText()).isEqualTo("Contoso Data plc");
        assertThat(sent.path("leadInvestigatorId").asText()).isEqualTo("u-sam");
        assertThat(sent.path("team").get(0).asText()).isEqualTo("u-ivan");
        assertThat(sent.path("legalBases")).hasSize(2);
        assertThat(sent.path("allegations")).hasSize(1);
        assertThat(sent.path("allegations").get(0).path("conductFrom").asText()).isEqualTo("2025-01-01");
        assertThat(sent.path("complainants").get(0).path("kind").asText()).isEqualTo("PERSON");
        assertThat(sent.path("priority").asText()).isEqualTo("HIGH");
        assertThat(only("POST", "/cases").header("Authorization")).isEqualTo("Bearer " + TestSignIn.TOKEN);
    }

    @Test
    void the_pages_script_is_told_where_to_go_instead_of_being_redirected() throws Exception {
        StubbedServices.answer("POST", "/cases", new Answer(201, "0", "application/json", "{\"caseId\":\"c-9\"}",
                Map.of("Consistency-Position", "41")));

        HttpResponse<String> answer = post("/cases/new", intake("Northwind Cloud Ltd"), true);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/json"));
        assertThat(JSON.readTree(answer.body()).path("location").asText()).endsWith("/cases/c-9?done=opened");
        assertThat(answer.headers().allValues("Set-Cookie")).anySatisfy(c ->
                assertThat(c).startsWith("compliance-read-after=41"));
    }

    @Test
    void a_name_that_is_no_ones_is_refused_beside_its_field_and_nothing_is_sent() throws Exception {
        HttpResponse<String> answer = post("/cases/new", intake("Northwind Clod"), true);

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("respondents[0]");
        assertThat(problem.path("errors").get(0).path("message").asText()).contains("Northwind Clod");
        assertThat(StubbedServices.calls).noneMatch(c -> c.method().equals("POST"));

        HttpResponse<String> page = post("/cases/new", intake("Northwind Clod"), false);
        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.body()).contains("respondents[0]", "Northwind Clod");
    }

    @Test
    void the_services_field_errors_reach_the_script_as_it_named_them() throws Exception {
        StubbedServices.answer("POST", "/cases", new Answer(422, null, "application/problem+json",
                "{\"title\":\"Unprocessable Content\",\"status\":422,\"detail\":\"The request has invalid or missing "
                        + "fields\",\"errors\":[{\"field\":\"allegations[0].description\",\"pointer\":"
                        + "\"/allegations/0/description\",\"message\":\"must not be blank\"}]}"));

        HttpResponse<String> answer = post("/cases/new", intake("Northwind Cloud Ltd"), true);

        assertThat(answer.statusCode()).isEqualTo(422);
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("detail").asText()).contains("invalid or missing fields");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("allegations[0].description");
        assertThat(problem.path("errors").get(0).path("message").asText()).isEqualTo("must not be blank");
    }

    @Test
    void the_team_is_edited_by_name_with_the_version_the_page_showed() throws Exception {
        StubbedServices.answer("POST", "/cases/c-1/team", new Answer(200, "4", "application/json",
                "{\"caseId\":\"c-1\",\"version\":4}"));
        StubbedServices.answer("POST", "/cases/c-1/respondents/northwind-cloud/withdrawal", new Answer(409, null,
                "application/problem+json", "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"The last respondent "
                        + "cannot be withdrawn\"}"));

        HttpResponse<String> added = post("/cases/c-1/team", Map.of("version", "3", "name", "ivan investigator"),
                false);
        assertThat(added.statusCode()).isEqualTo(303);
        Call team = only("POST", "/cases/c-1/team");
        assertThat(team.header("If-Match")).isEqualTo("\"3\"");
        assertThat(JSON.readTree(team.body()).path("userId").asText()).isEqualTo("u-ivan");

        HttpResponse<String> refused = post("/cases/c-1/respondents/northwind-cloud/withdrawal",
                Map.of("version", "4", "reason", "Wrong company"), true);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(refused.body()).path("detail").asText()).contains("last respondent");
    }

    @Test
    void the_case_page_offers_the_editing_forms_with_its_version() throws Exception {
        StubbedServices.answer("GET", "/cases/c-1", new Answer(200, "3", "application/json", CASE));
        StubbedServices.answer("GET", "/cases/c-1/next-steps", new Answer(200, null, "application/json", "[]"));
        StubbedServices.answer("GET", "/cases/c-1/notes", new Answer(200, null, "application/json", "[]"));
        StubbedServices.answer("GET", "/requests", new Answer(200, null, "application/json",
                "[]"));

        HttpResponse<String> page = send(HttpRequest.newBuilder(portal.resolve("/cases/c-1"))
                .header("Accept", "text/html").build());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("action=\"/cases/c-1/respondents\"", "action=\"/cases/c-1/team\"",
                "action=\"/cases/c-1/allegations\"", "action=\"/cases/c-1/lead-investigator\"",
                "list=\"organisation-names\"", "<option value=\"Ivan Investigator\">");
    }

    @Test
    void cases_ticked_on_the_list_are_reassigned_each_at_its_version_and_refusals_are_named() throws Exception {
        StubbedServices.answer("GET", "/cases/c-1", new Answer(200, "3", "application/json", CASE));
        StubbedServices.answer("PUT", "/cases/c-1/lead-investigator", new Answer(200, "4", "application/json",
                "{\"caseId\":\"c-1\",\"version\":4}"));
        String body = "caseId=c-1&caseId=c-2&name=" + URLEncoder.encode("Sam Supervisor", StandardCharsets.UTF_8);

        HttpResponse<String> partly = send(HttpRequest.newBuilder(portal.resolve("/cases/reassignment"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Requested-With", "XMLHttpRequest")
                .header("X-Portal-Form", "inline").POST(HttpRequest.BodyPublishers.ofString(body)).build());

        assertThat(partly.statusCode()).isEqualTo(422);
        JsonNode problem = JSON.readTree(partly.body());
        assertThat(problem.path("detail").asText()).startsWith("1 of 2 cases reassigned");
        assertThat(problem.path("errors").get(0).path("message").asText()).contains("c-2");
        Call reassigned = only("PUT", "/cases/c-1/lead-investigator");
        assertThat(reassigned.header("If-Match")).isEqualTo("\"3\"");
        assertThat(JSON.readTree(reassigned.body()).path("userId").asText()).isEqualTo("u-sam");

        StubbedServices.calls.clear();
        HttpResponse<String> all = send(HttpRequest.newBuilder(portal.resolve("/cases/reassignment"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("caseId=c-1&name=Sam+Supervisor")).build());
        assertThat(all.statusCode()).isEqualTo(303);
        assertThat(all.headers().firstValue("Location")).hasValueSatisfying(l ->
                assertThat(l).endsWith("/cases?done=reassigned"));
    }

    private static Map<String, String> intake(String firstRespondent) {
        var form = new LinkedHashMap<String, String>();
        form.put("title", "Consent for model training");
        form.put("summary", "Customer data used to train models");
        form.put("authority", "Information Commissioner's Office");
        form.put("legalBases", "UK GDPR\nData Protection Act 2018");
        form.put("priority", "HIGH");
        form.put("confidentiality", "STANDARD");
        form.put("respondents[0]", firstRespondent);
        form.put("respondents[1]", "contoso data plc");
        form.put("respondents[2]", "");
        form.put("complainants[0].kind", "PERSON");
        form.put("complainants[0].name", "A. Customer");
        form.put("allegations[0].legalBasis", "UK GDPR Art. 6(1)");
        form.put("allegations[0].description", "No lawful basis");
        form.put("allegations[0].conductFrom", "2025-01-01");
        form.put("allegations[1].legalBasis", "");
        form.put("allegations[1].description", "");
        form.put("leadInvestigator", "Sam Supervisor");
        form.put("team[0]", "Ivan Investigator");
        return form;
    }

    private Call only(String method, String path) {
        List<Call> matching = StubbedServices.calls.stream()
                .filter(c -> c.method().equals(method) && c.path().equals(path)).toList();
        assertThat(matching).as(method + " " + path + " among " + StubbedServices.calls).hasSize(1);
        return matching.get(0);
    }

    @Test
    void an_investigator_is_offered_no_erasure_of_a_complainant() throws Exception {
        ComplainantErasureTest.caseAnswers("Pat Jones", "Robin Vale");

        HttpResponse<String> page = send(HttpRequest.newBuilder(portal.resolve("/cases/c-1"))
                .header("Accept", "text/html").build());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Pat Jones", "Withdraw Pat Jones")
                .doesNotContain("Personal data", "/erasure", "Erase Pat Jones", "Robin Vale");
    }

    private HttpResponse<String> post(String path, Map<String, String> form, boolean fromScript)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(portal.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (fromScript) {
            // as portal.js sends its forms: no Accept of its own (fetch's default)
            request.header("X-Portal-Form", "inline").header("X-Requested-With", "XMLHttpRequest")
                    .header("Accept", "*/*");
        } else {
            request.header("Accept", "text/html");
        }
        return send(request.build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
