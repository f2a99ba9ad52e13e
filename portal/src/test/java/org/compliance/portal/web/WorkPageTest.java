package org.compliance.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.compliance.portal.web.StubbedServices.Answer;
import org.compliance.portal.web.StubbedServices.Call;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "My work" against stand-ins for case-service and evidence-service: staff land on it; it asks each service for the
 * signed-in user's work with their token; it shows each list with names (request subjects, case titles) linked to
 * their pages; and each chart's bars, the figures written on them and the table beside it agree with each other and
 * with the services' answers.
 */
@QuarkusTest
@TestProfile(ServiceCallsTest.AgainstStubbedServices.class)
class WorkPageTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final LocalDate TODAY = LocalDate.parse("2026-12-02");
    /** Requests due on days 0, 3 (two), 5 and 29 from today. */
    private static final List<Integer> DUE = IntStream.range(0, 30)
            .map(i -> i == 0 ? 1 : i == 3 ? 2 : i == 5 ? 1 : i == 29 ? 1 : 0).boxed().toList();

    @TestHTTPResource("/")
    URI portal;

    @BeforeEach
    void reset() {
        StubbedServices.reset();
    }

    @Test
    void staff_land_on_my_work() throws Exception {
        HttpResponse<String> home = get("/");
        assertThat(home.statusCode()).isEqualTo(303);
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/work"));
    }

    @Test
    void the_lists_show_names_linked_to_their_pages_and_the_charts_agree_with_their_tables() throws Exception {
        StubbedServices.answer("GET", "/cases/summary", new Answer(200, null, "application/json", """
                {"myCases": 6, "myCasesByStatus": [{"status": "INVESTIGATING", "count": 4},
                                                   {"status": "OPENED", "count": 2}],
                 "workload": []}"""));
        StubbedServices.answer("GET", "/me/work", new Answer(200, null, "application/json", evidenceWork()));

        HttpResponse<String> page = get("/work");

        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        Call cases = only("/cases/summary");
        Call evidence = only("/me/work?dueWithinDays=7&size=10");
        assertThat(List.of(cases, evidence)).allSatisfy(call -> {
            assertThat(call.header("Authorization")).isEqualTo("Bearer " + TestSignIn.TOKEN);
            assertThat(call.header("X-Request-Id")).isNotBlank();
        });

        assertThat(html).contains("<a href=\"/requests/r-late\">Board minutes</a>",
                "<a href=\"/cases/c-1\">Cookie walls on the checkout</a>",
                "<a href=\"/requests/r-soon\">Cookie consent records</a>",
                "<a href=\"/requests/r-review\">Recording retention schedule</a>",
                "<a href=\"/requests/r-extend\">Deletion logs</a>",
                "<a href=\"/cases/c-2\">Case c-2</a>", "The 1 soonest due of 4.")
                .doesNotContain("Nothing is overdue.", "NOT_FOUND", "Workload per investigator");
        assertThat(figures(html, "work-figure")).containsExactly("1", "4", "1", "1", "6");

        String deadlines = section(html, "deadlines");
        List<String> expected = DUE.stream().map(String::valueOf).toList();
        assertThat(barFigures(svg(deadlines))).as("each column's figure").isEqualTo(expected);
        assertThat(texts(svg(deadlines), "figure")).as("the figure written on each column").isEqualTo(expected);
        assertThat(tableFigures(deadlines)).as("the table beside the chart").isEqualTo(expected);
        assertThat(tableRowHeadings(deadlines)).first().isEqualTo("Wed 2 Dec");
        assertThat(svg(deadlines)).contains("role=\"img\"", "<title id=\"deadlines-title\">Deadlines over the next 30 "
                + "days</title>", "5 in all; the most on Sat 5 Dec, 2");
        assertThat(columnHeights(svg(deadlines))).as("columns in proportion to their figures")
                .containsExactlyElementsOf(DUE.stream().map(n -> n * 75).toList());

        String statuses = section(html, "my-cases");
        List<String> byStatus = List.of("2", "4", "0", "0", "0", "0", "0");
        assertThat(barFigures(svg(statuses))).isEqualTo(byStatus);
        assertThat(texts(svg(statuses), "figure")).isEqualTo(byStatus);
        assertThat(tableFigures(statuses)).isEqualTo(byStatus);
        assertThat(statuses).contains("<a href=\"/cases?mine=yes&amp;status=INVESTIGATING\">Investigating</a>",
                "Your 6 cases by status: opened 2, investigating 4, findings 0");
    }

    @Test
    void a_supervisor_sees_the_workload_the_service_answers() throws Exception {
        StubbedServices.answer("GET", "/cases/summary", new Answer(200, null, "application/json", """
                {"myCases": 0, "myCasesByStatus": [],
                 "workload": [{"userId": "u-ivan", "name": "Ivan Investigator", "leading": 7, "onTeam": 3},
                              {"userId": "u-iris", "name": "Iris Investigator", "leading": 0, "onTeam": 0}]}"""));
        StubbedServices.answer("GET", "/me/work", new Answer(200, null, "application/json", evidenceWork()));

        String workload = section(get("/work").body(), "workload");

        assertThat(workload).contains("<th scope=\"row\">Ivan Investigator</th><td data-label=\"Leading\">7</td>"
                        + "<td data-label=\"On the team\">3</td>",
                "<th scope=\"row\">Iris Investigator</th><td data-label=\"Leading\">0</td>")
                .doesNotContain("u-ivan");
    }

    @Test
    void a_service_that_does_not_answer_is_named() throws Exception {
        StubbedServices.answer("GET", "/cases/summary", new Answer(200, null, "application/json",
                "{\"myCases\": 0, \"myCasesByStatus\": [], \"workload\": []}"));
        StubbedServices.answer("GET", "/me/work", new Answer(503, null, "application/problem+json",
                "{\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"Try again shortly\"}"));

        HttpResponse<String> page = get("/work");

        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("Try again shortly");
    }

    private static String evidenceWork() {
        String days = IntStream.range(0, 30).mapToObj(i -> "{\"day\":\"" + TODAY.plusDays(i) + "\",\"count\":"
                + DUE.get(i) + "}").collect(Collectors.joining(","));
        return """
                {"asOf": "2026-12-02T09:00:00Z", "zone": "Europe/London", "dueWithinDays": 7,
                 "overdue": {"count": 1, "items": [%s]},
                 "dueSoon": {"count": 4, "items": [%s]},
                 "awaitingReview": {"count": 1, "items": [%s]},
                 "extensionsAwaitingDecision": {"count": 1, "items": [%s]},
                 "dueByDay": [%s]}""".formatted(
                item("r-late", "Board minutes", "c-1", "\"Cookie walls on the checkout\"", "2026-11-30T23:59:59Z", true),
                item("r-soon", "Cookie consent records", "c-1", "\"Cookie walls on the checkout\"",
                        "2026-12-05T23:59:59Z", false),
                item("r-review", "Recording retention schedule", "c-2", "null", "2026-12-20T23:59:59Z", false),
                item("r-extend", "Deletion logs", "c-1", "\"Cookie walls on the checkout\"", "2026-12-14T23:59:59Z",
                        false),
                days);
    }

    private static String item(String requestId, String subject, String caseId, String caseTitle, String dueAt,
                               boolean overdue) {
        return "{\"requestId\":\"%s\",\"subject\":\"%s\",\"caseId\":\"%s\",\"caseTitle\":%s,\"organisationAlias\":"
                .formatted(requestId, subject, caseId, caseTitle)
                + "\"northwind-cloud\",\"dueAt\":\"%s\",\"overdue\":%s}".formatted(dueAt, overdue);
    }

    private static String section(String html, String id) {
        int start = html.indexOf("aria-labelledby=\"" + id + "\"");
        assertThat(start).as("section " + id).isNotNegative();
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static String svg(String section) {
        return section.substring(section.indexOf("<svg"), section.indexOf("</svg>"));
    }

    private static List<String> barFigures(String svg) {
        return all(Pattern.compile("<g class=\"bar[^\"]*\" data-figure=\"(\\d+)\""), svg);
    }

    private static List<Integer> columnHeights(String svg) {
        return all(Pattern.compile("<rect [^>]*height=\"(\\d+)\""), svg).stream().map(Integer::valueOf).toList();
    }

    private static List<String> texts(String svg, String kind) {
        return all(Pattern.compile("<text class=\"" + kind + "\"[^>]*>([^<]*)</text>"), svg);
    }

    private static List<String> tableFigures(String section) {
        String table = section.substring(section.indexOf("<table"), section.indexOf("</table>"));
        return all(Pattern.compile("<td data-label=\"[^\"]*\" data-figure=\"(\\d+)\">(\\d+)</td>"), table);
    }

    private static List<String> tableRowHeadings(String section) {
        String table = section.substring(section.indexOf("<tbody"), section.indexOf("</table>"));
        return all(Pattern.compile("<th scope=\"row\">([^<]*)</th>"), table);
    }

    private static List<String> figures(String html, String kind) {
        return all(Pattern.compile("<span class=\"" + kind + "\">([^<]*)</span>"), html);
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            assertThat(matcher.groupCount() < 2 || matcher.group(1).equals(matcher.group(2)))
                    .as("the figure as data and as text: " + matcher.group()).isTrue();
            found.add(matcher.group(1));
        }
        return found;
    }

    private Call only(String path) {
        List<Call> matching = StubbedServices.calls.stream().filter(c -> c.path().equals(path)).toList();
        assertThat(matching).as(path + " among " + StubbedServices.calls).hasSize(1);
        return matching.getFirst();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(portal.resolve(path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
