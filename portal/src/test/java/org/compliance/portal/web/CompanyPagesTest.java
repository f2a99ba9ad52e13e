package org.compliance.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.compliance.portal.web.StubbedServices.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A company user's pages against stand-ins for case-service and evidence-service: where each request stands, with
 * the time left and the submission form only while evidence is due from the company (a countdown only while the
 * clock runs), in the list and on the request; the case its organisation responds to, with only what respondents
 * are told, its requests and where each stands, reachable from each request.
 */
@QuarkusTest
@TestProfile(CompanyPagesTest.AsACompanyUser.class)
class CompanyPagesTest {

    static final String CLAIMS = "{\"sub\":\"u-nora\",\"name\":\"Nora Northwind\",\"organization\":[\"northwind-cloud\"]}";
    static final String TOKEN = "e30." + Base64.getUrlEncoder().withoutPadding()
            .encodeToString(CLAIMS.getBytes(StandardCharsets.UTF_8)) + ".signature";

    public static class AsACompanyUser implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.tenant-enabled", "false",
                    "quarkus.http.auth.permission.signed-in.policy", "permit",
                    "portal.test.signed-in-token", TOKEN, "portal.test.signed-in-role", "company");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StubbedServices.class));
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SUBMITTED = "\"submissions\":[{\"submissionId\":\"s-1\",\"files\":[{\"fileId\":\"f-1\","
            + "\"fileName\":\"ropa.pdf\",\"mediaType\":\"application/pdf\",\"sizeBytes\":1000,\"sha256\":\"%s\"}],"
            + "\"description\":\"Records of processing\",\"statementOfTruth\":{\"name\":\"Nora Northwind\","
            + "\"position\":\"DPO\"},\"submittedBy\":{\"userId\":\"u-nora\",\"name\":\"Nora Northwind\","
            + "\"organisationAlias\":\"northwind-cloud\"},\"submittedAt\":\"2026-12-03T10:00:00Z\",\"late\":false}],"
            .formatted("a".repeat(64));
    private static final String CLOCK_STOPPED = "\"clockStopped\":{\"reason\":\"We owe you an answer on scope\","
            + "\"stoppedBy\":{\"userId\":\"u-iris\",\"name\":\"Iris Investigator\"},"
            + "\"stoppedAt\":\"2026-12-02T10:00:00Z\"},\"clockStops\":[{\"reason\":\"We owe you an answer on scope\","
            + "\"stoppedBy\":{\"userId\":\"u-iris\",\"name\":\"Iris Investigator\"},"
            + "\"stoppedAt\":\"2026-12-02T10:00:00Z\"}],";

    @TestHTTPResource("/")
    URI portal;

    @BeforeEach
    void reset() {
        StubbedServices.reset();
    }

    @Test
    void while_evidence_is_due_the_request_counts_down_and_takes_a_submission() throws Exception {
        answerRequest("ACKNOWLEDGED", "\"acknowledgedBy\":{\"userId\":\"u-nora\",\"name\":\"Nora Northwind\","
                + "\"organisationAlias\":\"northwind-cloud\"},\"acknowledgedAt\":\"2026-12-01T11:00:00Z\",");

        String page = page("/requests/r-1");

        assertThat(page).contains("data-standing=\"ACKNOWLEDGED\"", "Where it stands: Due, acknowledged",
                        "class=\"countdown", "id=\"submission-form\"", "action=\"/requests/r-1/extension-request\"",
                        "<a href=\"/cases/c-1\" class=\"case-link\">Northwind: consent</a>")
                .doesNotContain("action=\"/requests/r-1/acknowledgement\"", "NOT_FOUND");
        assertThat(StubbedServices.calls).allSatisfy(call -> assertThat(call.header("Authorization"))
                .isEqualTo("Bearer " + TOKEN));
    }

    @Test
    void once_submitted_nothing_is_due_until_the_regulator_asks_for_more() throws Exception {
        answerRequest("SUBMITTED_AWAITING_REVIEW", SUBMITTED + "\"awaitingReview\":true,");

        String page = page("/requests/r-1");

        assertThat(page).contains("data-standing=\"SUBMITTED_AWAITING_REVIEW\"", "Submitted, awaiting review",
                        "Evidence was submitted Thu 3 Dec 2026, 10:00:00 GMT and awaits the regulator's review",
                        "Nothing is due from you meanwhile", "Signed receipt")
                .doesNotContain("class=\"countdown", "id=\"submission-form\"", "NOT_FOUND");
    }

    @Test
    void more_evidence_asked_says_what_and_by_when_and_takes_a_submission_again() throws Exception {
        answerRequest("MORE_EVIDENCE_ASKED", SUBMITTED + "\"stillMissing\":\"The 2024 inventory, by source\",");

        String page = page("/requests/r-1");

        assertThat(page).contains("data-standing=\"MORE_EVIDENCE_ASKED\"", "The regulator asked for more evidence, "
                        + "due <span class=\"due-moment\">Tue 15 Dec 2026, 23:59:59 GMT</span>",
                        "The 2024 inventory, by source", "class=\"countdown", "id=\"submission-form\"")
                .doesNotContain("More evidence last asked for", "NOT_FOUND");
    }

    @Test
    void a_stopped_clock_shows_since_when_and_why_and_the_time_left_standing_still() throws Exception {
        answerRequest("CLOCK_STOPPED", CLOCK_STOPPED);

        String page = page("/requests/r-1");

        assertThat(page).contains("data-standing=\"CLOCK_STOPPED\"", "The clock is stopped",
                        "Since Wed 2 Dec 2026, 10:00:00 GMT", "Why: We owe you an answer on scope",
                        "Clock stopped with 11 days 13 hours left", "id=\"submission-form\"")
                .doesNotContain("class=\"countdown", "action=\"/requests/r-1/clock-restart\"", "NOT_FOUND");
    }

    @Test
    void once_accepted_the_request_is_complete_with_no_countdown_or_form() throws Exception {
        answerRequest("ACCEPTED", SUBMITTED + "\"acceptedBy\":{\"userId\":\"u-iris\",\"name\":\"Iris Investigator\"},"
                + "\"acceptedAt\":\"2026-12-04T09:00:00Z\",", "COMPLETE");

        String page = page("/requests/r-1");

        assertThat(page).contains("data-standing=\"ACCEPTED\"", "Complete: evidence accepted",
                        "The regulator accepted the evidence Fri 4 Dec 2026, 09:00:00 GMT")
                .doesNotContain("class=\"countdown", "id=\"submission-form\"",
                        "action=\"/requests/r-1/acknowledgement\"", "extension-request", "NOT_FOUND");
    }

    @Test
    void the_list_says_where_each_request_stands_and_counts_down_only_those_due() throws Exception {
        StubbedServices.answer("GET", "/requests", new Answer(200, null, "application/json", "["
                + summary("r-due", "ACKNOWLEDGED", true, null, null) + ","
                + summary("r-more", "MORE_EVIDENCE_ASKED", false, "The 2024 inventory", null) + ","
                + summary("r-stopped", "CLOCK_STOPPED", false, null, "We owe you an answer on scope") + ","
                + summary("r-submitted", "SUBMITTED_AWAITING_REVIEW", true, null, null) + ","
                + summary("r-accepted", "ACCEPTED", false, null, null) + "]"));

        String page = page("/requests");

        assertThat(row(page, "r-due")).contains("Due, acknowledged", "class=\"countdown", "Overdue", "is-overdue",
                "<a href=\"/cases/c-1\">Northwind: consent</a>");
        assertThat(row(page, "r-more")).contains("More evidence asked for", ": The 2024 inventory",
                "class=\"countdown");
        assertThat(row(page, "r-stopped")).contains("Clock stopped", "since Wed 2 Dec 2026, 10:00:00 GMT",
                "We owe you an answer on scope", "standing still").doesNotContain("class=\"countdown");
        assertThat(row(page, "r-submitted")).contains("Submitted, awaiting review")
                .doesNotContain("class=\"countdown", "Overdue", "is-overdue");
        assertThat(row(page, "r-accepted")).contains("Complete: evidence accepted").doesNotContain("class=\"countdown");
        assertThat(page).contains("<th scope=\"col\">Where it stands</th>", "<th scope=\"col\">Case</th>")
                .doesNotContain("<th scope=\"col\">Organisation</th>", "NOT_FOUND");
    }

    @Test
    void the_case_page_shows_what_respondents_are_told_and_where_the_company_s_requests_stand() throws Exception {
        StubbedServices.answer("GET", "/cases/c-1", new Answer(200, "5", "application/json", """
                {"caseId": "c-1", "title": "Northwind: consent", "authority": "ICO", "status": "DECISION_ISSUED",
                 "legalBases": ["UK GDPR"], "yourOrganisation": "northwind-cloud",
                 "allegations": [{"allegationId": "a-1", "legalBasis": "UK GDPR Art. 6(1)",
                                  "description": "Consent assumed", "conductFrom": null, "conductTo": null}],
                 "decision": {"kind": "REPRIMAND", "reasons": "Consent must be given, not assumed",
                              "enforcementNotice": null, "monetaryPenalty": null,
                              "issuedAt": "2026-11-30T10:00:00Z", "addressee": "Northwind Cloud Ltd"},
                 "closingReason": null, "referredTo": null, "referralReason": null,
                 "openedAt": "2026-10-01T09:00:00Z", "version": 5}
                """));
        StubbedServices.answer("GET", "/cases/c-1/next-steps", new Answer(200, null, "application/json", "[]"));
        StubbedServices.answer("GET", "/requests", new Answer(200, null, "application/json", "["
                + summary("r-submitted", "SUBMITTED_AWAITING_REVIEW", false, null, null) + "]"));

        String page = page("/cases/c-1");

        assertThat(page).contains("<h1>Northwind: consent</h1>", "ICO", "northwind-cloud (your organisation)",
                        "UK GDPR Art. 6(1)", "Consent assumed", "Reprimand", "addressed to Northwind Cloud Ltd",
                        "Consent must be given, not assumed", "<a href=\"/cases\">Your cases</a>",
                        "Evidence requests to your organisation", "<a href=\"/requests/r-submitted\">",
                        "Submitted, awaiting review")
                .doesNotContain("Internal reasoning", "<h2>Notes</h2>", "<h2>Respondents</h2>", "Next steps",
                        "<th scope=\"col\">Organisation</th>", "class=\"countdown", "NOT_FOUND");
        assertThat(StubbedServices.calls).extracting(StubbedServices.Call::path)
                .contains("/cases/c-1").anyMatch(path -> path.startsWith("/requests?caseId=c-1"))
                .noneMatch(path -> path.contains("/notes"));
    }

    private static void answerRequest(String standing, String more) {
        answerRequest(standing, more, "OPEN");
    }

    private static void answerRequest(String standing, String more, String status) {
        StubbedServices.answer("GET", "/requests/r-1", new Answer(200, "7", "application/json", ("{\"request\":{"
                + "\"requestId\":\"r-1\",\"version\":7,\"caseId\":\"c-1\",\"organisationAlias\":\"northwind-cloud\","
                + "\"items\":[\"Consent records\"],\"legalBasis\":\"UK GDPR\",\"status\":\"%s\","
                + "\"dueAt\":\"2026-12-15T23:59:59Z\",\"zone\":\"Europe/London\",\"overdue\":false,%s"
                + "\"issuedBy\":{\"userId\":\"u-iris\",\"name\":\"Iris Investigator\"},"
                + "\"issuedAt\":\"2026-12-01T10:00:00Z\"},\"secondsLeft\":1000000,\"timeLeft\":\"PT277H\","
                + "\"subject\":\"Consent records\",\"caseTitle\":\"Northwind: consent\","
                + "\"organisationName\":\"Northwind Cloud Ltd\",\"standing\":\"%s\"}").formatted(status, more,
                standing)));
    }

    private static String summary(String requestId, String standing, boolean overdue, String stillMissing,
                                  String clockStopReason) {
        boolean stopped = clockStopReason != null;
        return ("{\"requestId\":\"%s\",\"caseId\":\"c-1\",\"organisationAlias\":\"northwind-cloud\","
                + "\"status\":\"%s\",\"dueAt\":\"2026-12-15T23:59:59Z\",\"overdue\":%s,\"secondsLeft\":1000000,"
                + "\"timeLeft\":\"PT277H\",\"issuedAt\":\"2026-12-01T10:00:00Z\",\"clockStoppedAt\":%s,"
                + "\"subject\":\"Consent records\",\"caseTitle\":\"Northwind: consent\","
                + "\"organisationName\":\"Northwind Cloud Ltd\",\"standing\":\"%s\",\"stillMissing\":%s,"
                + "\"clockStopReason\":%s}").formatted(requestId, "ACCEPTED".equals(standing) ? "COMPLETE" : "OPEN",
                overdue, stopped ? "\"2026-12-02T10:00:00Z\"" : "null", standing,
                stillMissing == null ? "null" : "\"" + stillMissing + "\"",
                stopped ? "\"" + clockStopReason + "\"" : "null");
    }

    /** The list's row of one request. */
    private static String row(String page, String requestId) {
        int start = page.indexOf("data-request=\"" + requestId + "\"");
        assertThat(start).as("a row for " + requestId).isPositive();
        return page.substring(page.lastIndexOf("<tr", start), page.indexOf("</tr>", start));
    }

    private String page(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(portal.resolve(path))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer.body();
    }
}
