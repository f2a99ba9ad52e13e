package org.compliance.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.compliance.portal.web.StubbedServices.Answer;
import org.compliance.portal.web.StubbedServices.Call;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A supervisor erases a complainant who is a person from the case page, against a stand-in for case-service: the
 * form is offered for the person and not for the organisation; sent (as the page's script sends it) with the version
 * the page showed and the reason, it goes on to the case page where the name reads "[erased]", whether case-service
 * answered 200 or 202; refused under legal hold, its refusal is shown in case-service's words, not as a failure.
 */
@QuarkusTest
@TestProfile(ComplainantErasureTest.AsASupervisor.class)
class ComplainantErasureTest {

    /** Signed in as a supervisor, the services played by {@link StubbedServices}. */
    public static class AsASupervisor implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.tenant-enabled", "false",
                    "quarkus.http.auth.permission.signed-in.policy", "permit",
                    "portal.test.signed-in-token", TestSignIn.TOKEN, "portal.test.signed-in-role", "supervisor");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StubbedServices.class));
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Case c-1 at version 7 with a person (p-1, named by the first argument) and an organisation (o-1) complaining,
     * and a person (p-2, named by the second) withdrawn.
     */
    static final String CASE = """
            {"caseId": "c-1", "version": 7, "title": "Northwind: consent", "authority": "ICO",
             "status": "INVESTIGATING", "legalBases": ["UK GDPR"], "summary": "%1$s says the boxes were pre-ticked",
             "respondents": [{"organisationAlias": "northwind-cloud", "name": "Northwind Cloud Ltd"}],
             "complainants": [{"complainantId": "p-1", "kind": "PERSON", "name": "%1$s", "dataSubject": "c-1/p-1"},
                              {"complainantId": "o-1", "kind": "ORGANISATION", "name": "Which? Ltd",
                               "organisationAlias": "which"}],
             "withdrawnComplainants": [{"complainantId": "p-2", "kind": "PERSON", "name": "%2$s",
                                        "dataSubject": "c-1/p-2"}],
             "allegations": [], "team": [], "decisions": [],
             "leadInvestigator": {"userId": "u-iris", "name": "Iris Investigator"},
             "openedAt": "2026-11-01T10:00:00Z", "updatedAt": "2026-11-30T12:00:00Z"}
            """;

    @TestHTTPResource("/")
    URI portal;

    @BeforeEach
    void theCasePagesReads() {
        StubbedServices.reset();
        caseAnswers("Pat Jones", "Robin Vale");
    }

    /**
     * Every read the case page makes, the case itself with its person complainant called {@code name} and its
     * withdrawn one {@code withdrawn}.
     */
    static void caseAnswers(String name, String withdrawn) {
        StubbedServices.answer("GET", "/cases/c-1", new Answer(200, "7", "application/json",
                CASE.formatted(name, withdrawn)));
        StubbedServices.answer("GET", "/cases/c-1/next-steps", new Answer(200, null, "application/json", "[]"));
        StubbedServices.answer("GET", "/cases/c-1/notes", new Answer(200, null, "application/json", "[]"));
        StubbedServices.answer("GET", "/requests", new Answer(200, null, "application/json", "[]"));
        StubbedServices.answer("GET", "/organisations", new Answer(200, null, "application/json", "[]"));
        StubbedServices.answer("GET", "/staff", new Answer(200, null, "application/json", "[]"));
    }

    @Test
    void a_supervisor_is_offered_erasure_for_the_person_and_not_for_the_organisation() throws Exception {
        HttpResponse<String> page = get("/cases/c-1");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Personal data", "action=\"/cases/c-1/complainants/p-1/erasure\"",
                        "Erase Pat Jones", "read “[erased]” for good")
                .doesNotContain("/complainants/o-1/erasure", "Erase Which? Ltd");
    }

    @Test
    void erasing_sends_the_version_and_the_reason_and_the_case_page_then_reads_erased() throws Exception {
        // 202: recorded, the key destroyed shortly after; a success like 200
        StubbedServices.answer("POST", "/cases/c-1/complainants/p-1/erasure", new Answer(202, "8",
                "application/json", "{\"caseId\":\"c-1\",\"version\":8}", Map.of("Consistency-Position", "52")));

        HttpResponse<String> answer = postInline("/cases/c-1/complainants/p-1/erasure",
                "version=7&reason=UK+GDPR+Art.+17%281%29%28a%29");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("location").asText()).endsWith("/cases/c-1?done=erased");
        Call erasure = only("POST", "/cases/c-1/complainants/p-1/erasure");
        assertThat(erasure.header("If-Match")).isEqualTo("\"7\"");
        assertThat(JSON.readTree(erasure.body()).path("reason").asText()).isEqualTo("UK GDPR Art. 17(1)(a)");
        assertThat(answer.headers().allValues("Set-Cookie")).anySatisfy(c ->
                assertThat(c).startsWith("compliance-read-after=52"));

        caseAnswers("[erased]", "Robin Vale");
        HttpResponse<String> page = get("/cases/c-1?done=erased");
        assertThat(page.body()).contains("[erased] <span class=\"muted\">complainant</span> <span class=\"muted\">erased</span>",
                        "[erased] says the boxes were pre-ticked", "read “[erased]” from now on",
                        "Withdraw the erased complainant")
                .doesNotContain("Pat Jones", "/complainants/p-1/erasure");
        assertThat(CasePageTest.labels(page.body())).noneMatch(label -> label.contains("[erased]"));
    }

    @Test
    void a_withdrawn_person_complainant_is_listed_for_erasure_and_erased_there() throws Exception {
        HttpResponse<String> page = get("/cases/c-1");
        assertThat(page.body()).contains("Robin Vale <span class=\"muted\">complainant, withdrawn</span>",
                        "action=\"/cases/c-1/complainants/p-2/erasure\"", "Erase Robin Vale")
                .doesNotContain("Withdraw Robin Vale", "/complainants/p-2/withdrawal");

        StubbedServices.answer("POST", "/cases/c-1/complainants/p-2/erasure", new Answer(200, "8",
                "application/json", "{\"caseId\":\"c-1\",\"version\":8}"));
        HttpResponse<String> answer = postInline("/cases/c-1/complainants/p-2/erasure", "version=7&reason=Art.+17");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(only("POST", "/cases/c-1/complainants/p-2/erasure").body()).path("reason").asText())
                .isEqualTo("Art. 17");

        caseAnswers("Pat Jones", "[erased]");
        HttpResponse<String> after = get("/cases/c-1?done=erased");
        assertThat(after.body()).contains(
                        "[erased] <span class=\"muted\">complainant, withdrawn</span> <span class=\"muted\">erased</span>")
                .doesNotContain("Robin Vale", "/complainants/p-2/erasure");
        assertThat(CasePageTest.labels(after.body())).noneMatch(label -> label.contains("[erased]"));
    }

    @Test
    void under_legal_hold_the_refusal_is_shown_in_case_services_words() throws Exception {
        StubbedServices.answer("POST", "/cases/c-1/complainants/p-1/erasure", new Answer(409, null,
                "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
                        + "\"detail\":\"The case is under legal hold (Litigation pending): nothing of it may be erased "
                        + "until the hold is lifted\"}"));

        HttpResponse<String> fromScript = postInline("/cases/c-1/complainants/p-1/erasure",
                "version=7&reason=Art.+17");
        assertThat(fromScript.statusCode()).isEqualTo(409);
        assertThat(fromScript.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(fromScript.body());
        assertThat(problem.path("detail").asText()).contains("under legal hold", "until the hold is lifted");

        HttpResponse<String> page = send(HttpRequest.newBuilder(
                        portal.resolve("/cases/c-1/complainants/p-1/erasure")).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("version=7&reason=Art.+17")).build());
        assertThat(page.statusCode()).isEqualTo(409);
        assertThat(page.body()).contains("nothing of it may be erased until the hold is lifted");
    }

    private Call only(String method, String path) {
        List<Call> matching = StubbedServices.calls.stream()
                .filter(c -> c.method().equals(method) && c.path().equals(path)).toList();
        assertThat(matching).as(method + " " + path + " among " + StubbedServices.calls).hasSize(1);
        return matching.get(0);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(portal.resolve(path)).header("Accept", "text/html").build());
    }

    /** As portal.js sends a form: no Accept of its own, and the headers that ask for problems as JSON. */
    private HttpResponse<String> postInline(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(portal.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Portal-Form", "inline")
                .header("X-Requested-With", "XMLHttpRequest").header("Accept", "*/*")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
