package org.compliance.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.compliance.portal.web.StubbedServices.Answer;
import org.compliance.portal.web.StubbedServices.Call;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The case list's search against a stand-in for case-service: the words, respondent and order go to case-service as
 * typed, the page shows the count, sortable headers and the saved searches; saving, deleting and the CSV export go
 * to case-service with the user's token.
 */
@QuarkusTest
@TestProfile(ServiceCallsTest.AgainstStubbedServices.class)
class CaseListPageTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PAGE = "{\"items\":[{\"caseId\":\"c-1\",\"title\":\"Northwind: consent\","
            + "\"status\":\"OPENED\",\"authority\":\"ICO\",\"priority\":\"HIGH\",\"confidentiality\":\"STANDARD\","
            + "\"respondents\":\"Northwind Cloud Ltd\",\"leadInvestigatorName\":\"Iris Investigator\","
            + "\"legalHold\":false,\"awaitingOverdueEvidence\":false,\"openedAt\":\"2026-11-02T09:30:00Z\","
            + "\"updatedAt\":\"2026-11-02T09:30:00Z\"}],\"page\":0,\"size\":25}";
    private static final String SAVED = "[{\"searchId\":\"s-1\",\"name\":\"Northwind consent\",\"search\":"
            + "{\"q\":\"consent\",\"respondent\":\"north\",\"assignee\":\"u-iris\",\"sort\":\"TITLE\","
            + "\"direction\":\"asc\"},\"createdAt\":\"2026-11-02T09:30:00Z\"}]";

    @TestHTTPResource("/")
    URI portal;

    @BeforeEach
    void reset() {
        StubbedServices.reset();
    }

    @Test
    void the_list_sends_the_search_and_shows_the_count_the_order_and_the_saved_searches() throws Exception {
        StubbedServices.answer("GET", "/cases", new Answer(200, null, "application/json", PAGE));
        StubbedServices.answer("GET", "/cases/count", new Answer(200, null, "application/json", "{\"count\":42}"));
        StubbedServices.answer("GET", "/me/saved-searches", new Answer(200, null, "application/json", SAVED));

        HttpResponse<String> page = get("/cases?q=training+consent&respondent=north+wind&sort=TITLE&direction=asc"
                + "&mine=yes");

        assertThat(page.statusCode()).isEqualTo(200);
        Call list = only("GET", "/cases");
        assertThat(list.path()).contains("q=training+consent").contains("respondent=north+wind")
                .contains("sort=TITLE").contains("direction=asc").contains("assignee=u-iris");
        assertThat(list.header("Authorization")).isEqualTo("Bearer " + TestSignIn.TOKEN);
        assertThat(only("GET", "/cases/count").path()).contains("q=training+consent")
                .contains("respondent=north+wind").contains("assignee=u-iris").doesNotContain("sort=");
        assertThat(page.body()).contains("42 cases")
                .contains("<option value=\"TITLE\" selected>Title</option>")
                .contains("<option value=\"LEAD_INVESTIGATOR\">Lead investigator</option>")
                .contains("<th scope=\"col\" aria-sort=\"ascending\"><a href=\"/cases?q=training+consent"
                        + "&amp;respondent=north+wind&amp;mine=yes&amp;sort=TITLE&amp;direction=desc\">Title")
                .contains("<a href=\"/cases?q=training+consent&amp;respondent=north+wind&amp;mine=yes"
                        + "&amp;sort=OPENED_AT&amp;direction=desc\">Opened")
                .contains("href=\"/case-searches/export.csv?q=training+consent&amp;respondent=north+wind&amp;mine=yes"
                        + "&amp;sort=TITLE&amp;direction=asc\"")
                .contains("<a href=\"/cases?q=consent&amp;respondent=north&amp;mine=yes&amp;sort=TITLE&amp;direction=asc\">"
                        + "Northwind consent</a>")
                .contains("action=\"/case-searches/s-1/deletion\"")
                .contains("Northwind: consent");
    }

    @Test
    void saving_deleting_and_exporting_go_to_case_service_as_the_user() throws Exception {
        StubbedServices.answer("POST", "/me/saved-searches", new Answer(201, null, "application/json",
                "{\"searchId\":\"s-2\",\"name\":\"Mine\",\"search\":{},\"createdAt\":\"2026-11-02T09:30:00Z\"}"));
        StubbedServices.answer("DELETE", "/me/saved-searches/s-1", new Answer(204, null, "application/json", ""));
        StubbedServices.answer("GET", "/cases/export", new Answer(200, null, "text/csv; charset=UTF-8",
                "Case id,Title\r\nc-1,\"'=SUM(1,2)\"\r\n", Map.of("Content-Disposition",
                "attachment; filename=\"cases.csv\"")));

        HttpResponse<String> saved = post("/case-searches", Map.of("name", "Mine", "q", "consent", "status",
                "OPENED", "priority", "", "respondent", "", "mine", "yes", "sort", "TITLE", "direction", "asc"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location").orElseThrow())
                .endsWith("/cases?q=consent&status=OPENED&mine=yes&sort=TITLE&direction=asc");
        assertThat(only("POST", "/me/saved-searches").body()).isEqualTo("{\"name\":\"Mine\",\"search\":{\"q\":"
                + "\"consent\",\"status\":\"OPENED\",\"authority\":null,\"respondent\":null,\"assignee\":\"u-iris\","
                + "\"priority\":null,\"openedFrom\":null,\"openedTo\":null,\"sort\":\"TITLE\",\"direction\":\"asc\"}}");

        HttpResponse<String> deleted = post("/case-searches/s-1/deletion", Map.of());
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(only("DELETE", "/me/saved-searches/s-1").header("Authorization"))
                .isEqualTo("Bearer " + TestSignIn.TOKEN);

        HttpResponse<String> csv = get("/case-searches/export.csv?q=consent&mine=yes&sort=TITLE");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).isEqualTo("Case id,Title\r\nc-1,\"'=SUM(1,2)\"\r\n");
        assertThat(csv.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"cases.csv\"");
        assertThat(only("GET", "/cases/export").path()).isEqualTo("/cases/export?q=consent&sort=TITLE&assignee=u-iris");
    }

    @Test
    void a_refused_save_is_shown_in_case_service_s_words() throws Exception {
        StubbedServices.answer("POST", "/me/saved-searches", new Answer(409, null, "application/problem+json",
                "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"You have a saved search named \\\"Mine\\\"\"}"));

        HttpResponse<String> refused = post("/case-searches", Map.of("name", "Mine", "q", "consent"));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("You have a saved search named &quot;Mine&quot;");
    }

    private Call only(String method, String path) {
        List<Call> matching = StubbedServices.calls.stream()
                .filter(c -> c.method().equals(method) && c.path().split("\\?")[0].equals(path)).toList();
        assertThat(matching).as(method + " " + path + " among " + StubbedServices.calls).hasSize(1);
        return matching.get(0);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(portal.resolve(path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(portal.resolve(path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
