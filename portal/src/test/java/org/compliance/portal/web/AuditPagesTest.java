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
import java.util.List;
import java.util.Map;
import org.compliance.portal.web.StubbedServices.Answer;
import org.compliance.portal.web.StubbedServices.Call;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The auditor's timeline of a case against a stand-in for audit-service: events in words, people by name and role,
 * what each is about by name, what the selected event changed (the state just before it beside the state just after
 * it, both as audit-service rebuilt them), and the filters by kind, person and time passed on to audit-service.
 */
@QuarkusTest
@TestProfile(AuditPagesTest.AsAnAuditor.class)
class AuditPagesTest {

    /** Signed in as an auditor, the services played by {@link StubbedServices}. */
    public static class AsAnAuditor implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.tenant-enabled", "false",
                    "quarkus.http.auth.permission.signed-in.policy", "permit",
                    "portal.test.signed-in-token", TestSignIn.TOKEN, "portal.test.signed-in-role", "auditor");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StubbedServices.class));
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String CASE = "/audit/cases/c-1";

    @TestHTTPResource("/")
    URI portal;

    @BeforeEach
    void theCaseOnRecord() {
        StubbedServices.reset();
        StubbedServices.answer("GET", CASE + "/history", json("""
                {"caseId": "c-1", "page": 0, "size": 1000, "items": [
                  %s, %s, %s, %s, %s]}""".formatted(
                event(1, "c-1", 0, "CaseOpened", "2026-12-01T09:00:00Z", "u-iris", "Iris Investigator",
                        "[\"default-roles-compliance\", \"investigator\", \"offline_access\"]"),
                event(2, "r-1", 0, "EvidenceRequestIssued", "2026-12-01T09:30:00Z", "u-iris", "Iris Investigator",
                        "[\"investigator\"]"),
                event(3, "r-1", 1, "EvidenceRequestAcknowledged", "2026-12-01T11:00:00Z", "u-nora", "Nora Northwind",
                        "[\"company\"]"),
                event(4, "r-1", 2, "EvidenceRequestOverdue", "2026-12-02T00:00:00Z", "evidence-deadline", null, "[]"),
                event(5, "c-1", 1, "LegalHoldPlaced", "2026-12-02T09:15:00Z", "u-sam", "Sam Supervisor",
                        "[\"supervisor\"]"))));
        StubbedServices.answer("GET", CASE + "/state", json(state(5, "\"Litigation expected\"", true)));
        StubbedServices.answer("GET", CASE + "/state?position=5", json(state(5, "\"Litigation expected\"", true)));
        StubbedServices.answer("GET", CASE + "/state?position=4", json(state(4, "null", true)));
        StubbedServices.answer("GET", CASE + "/state?position=3", json(state(3, "null", false)));
        StubbedServices.answer("GET", CASE + "/state?position=2", json(state(2, "null", false)));
        StubbedServices.answer("GET", CASE + "/timeline", json("""
                {"caseId": "c-1", "title": "Cookie walls on the checkout", "openedAt": "2026-12-01T09:00:00Z",
                 "asOf": "2026-12-03T09:00:00Z",
                 "statuses": [{"status": "OPENED", "from": "2026-12-01T09:00:00Z", "until": "2026-12-01T10:00:00Z"},
                              {"status": "INVESTIGATING", "from": "2026-12-01T10:00:00Z"}],
                 "legalHolds": [{"reason": "Litigation expected", "placedAt": "2026-12-02T09:15:00Z"}],
                 "decisions": [{"kind": "REPRIMAND", "at": "2026-12-02T12:00:00Z"}],
                 "requests": [{"requestId": "r-1", "subject": "Consent records (and 1 more)",
                   "organisationAlias": "northwind-cloud", "issuedAt": "2026-12-01T09:30:00Z",
                   "dueMoments": ["2026-12-01T23:59:59Z", "2026-12-04T23:59:59Z"],
                   "overdueAt": "2026-12-02T00:00:00Z", "status": "OPEN"}]}"""));
        StubbedServices.answer("GET", CASE + "/verification", json("""
                {"intact": true, "aggregates": 2, "events": 5}"""));
        StubbedServices.answer("GET", CASE + "/access", json("""
                [{"caseId": "c-1", "what": "EXPORT", "detail": "5 events, checkpoint at 12", "userId": "u-ada",
                  "userName": "Ada Auditor", "accessedAt": "2026-12-02T16:45:00Z", "onRecord": true, "intact": false},
                 {"caseId": "c-1", "what": "HISTORY", "detail": "page 0", "userId": "u-ada",
                  "userName": "Ada Auditor", "accessedAt": "2026-12-02T10:00:00Z", "onRecord": true, "intact": true},
                 {"caseId": "c-1", "what": "CASE_PAGE", "detail": "version 4", "userId": "u-olga",
                  "userName": "Olga Oldtimer", "accessedAt": "2026-12-01T12:00:00Z", "onRecord": false,
                  "intact": false}]"""));
    }

    @Test
    void who_looked_lists_the_reads_by_name_in_uk_time_and_marks_those_not_on_the_record_or_not_intact()
            throws Exception {
        HttpResponse<String> page = get(CASE);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(StubbedServices.calls).extracting(Call::path).contains(CASE + "/access");
        String section = between(page.body(), "aria-labelledby=\"reads-heading\"", "</section>");
        assertThat(section).contains("<h2 id=\"reads-heading\">Who looked</h2>", "newest first",
                "<tr class=\"read\"><td data-label=\"When\">Wed 2 Dec 2026, 10:00:00 GMT</td>"
                        + "<td data-label=\"Who\" class=\"read-who\">Ada Auditor</td>"
                        + "<td data-label=\"What they looked at\" class=\"read-what\">History "
                        + "<span class=\"muted\">(page 0)</span></td>"
                        + "<td data-label=\"On the record\" class=\"read-standing\">On the record, chain intact</td>",
                "<tr class=\"read read-problem\"><td data-label=\"When\">Wed 2 Dec 2026, 16:45:00 GMT</td>",
                "Export of the case bundle <span class=\"muted\">(5 events, checkpoint at 12)</span>",
                "<strong>Chain broken</strong>: the reads' hash chain does not verify up to this read",
                "<td data-label=\"Who\" class=\"read-who\">Olga Oldtimer</td>",
                "Case page <span class=\"muted\">(version 4)</span>", "<strong>Not on the record</strong>")
                .doesNotContain(">HISTORY<", ">CASE_PAGE<", "u-olga");
        assertThat(section.indexOf("16:45:00")).as("newest first").isLessThan(section.indexOf("10:00:00"));
        assertThat(section.indexOf("10:00:00")).isLessThan(section.indexOf("Olga Oldtimer"));
    }

    @Test
    void events_read_in_words_by_name_and_role_about_the_case_or_request_by_name() throws Exception {
        HttpResponse<String> page = get(CASE);

        assertThat(page.statusCode()).isEqualTo(200);
        String list = between(page.body(), "<ol class=\"events\"", "</ol>");
        assertThat(list).contains("<span class=\"event-type\">Case opened</span>",
                "<span class=\"event-type\">Evidence request acknowledged</span>",
                "<span class=\"event-type\">Legal hold placed</span>",
                "<span class=\"event-who\">Iris Investigator (investigator)</span>",
                "<span class=\"event-who\">Nora Northwind (company)</span>",
                "<span class=\"event-who\">Sam Supervisor (supervisor)</span>",
                "<span class=\"event-who\">The suite (evidence-deadline)</span>",
                "<span class=\"event-about\">Cookie walls on the checkout</span>",
                "<span class=\"event-about\">Request “Consent records (and 1 more)” to northwind-cloud</span>")
                .doesNotContain("EvidenceRequestAcknowledged<", "u-nora<", "offline_access", ">r-1<");
        assertThat(page.body()).contains("<h1>Audit of Cookie walls on the checkout</h1>");
        List<Call> calls = StubbedServices.calls.stream().filter(c -> c.path().startsWith(CASE)).toList();
        assertThat(calls).allSatisfy(c -> assertThat(c.header("Authorization")).isEqualTo("Bearer " + TestSignIn.TOKEN));
        assertThat(calls).extracting(Call::path).contains(CASE + "/history?page=0&size=1000");
    }

    @Test
    void the_selected_event_shows_the_fields_it_changed_before_and_after() throws Exception {
        String latest = get(CASE).body();

        assertThat(StubbedServices.calls).extracting(Call::path)
                .contains(CASE + "/state?position=5", CASE + "/state?position=4");
        String detail = between(latest, "id=\"event-detail\"", "</article>");
        assertThat(detail).contains("<h3>Legal hold placed</h3>", "Sam Supervisor (supervisor)",
                "<tr class=\"change\"><th scope=\"row\">Case › Legal hold reason</th><td data-label=\"Before\" "
                        + "class=\"before\"></td><td data-label=\"After\" class=\"after\">Litigation expected</td></tr>");
        assertThat(rows(detail)).as("only the field the event changed; never the version or the time").hasSize(1);

        String overdue = between(get(CASE + "?position=4").body(), "id=\"event-detail\"", "</article>");
        assertThat(overdue).contains("<h3>Evidence request overdue</h3>",
                "<th scope=\"row\">Request “Consent records (and 1 more)” (northwind-cloud) › Overdue</th>"
                        + "<td data-label=\"Before\" class=\"before\">no</td><td data-label=\"After\" class=\"after\">"
                        + "yes</td>");
        assertThat(rows(overdue)).hasSize(1);
        assertThat(overdue).contains("<summary>The event as stored</summary>", "<code>EvidenceRequestOverdue</code>");
    }

    @Test
    void the_case_on_a_time_line_is_an_svg_with_the_same_facts_as_its_table() throws Exception {
        String html = get(CASE).body();

        String svg = between(html, "<svg id=\"case-timeline\"", "</svg>");
        assertThat(svg).contains("role=\"img\"", "aria-labelledby=\"case-timeline-title case-timeline-desc\"",
                "<title id=\"case-timeline-title\">The case on a time line</title>",
                "1 legal hold; 1 decision; 1 evidence request (1 fell overdue)");
        // the axis runs 550 px from the opening to the latest due moment (4 Dec, 23:59:59): the first hour is 6 px
        assertThat(svg).contains("<rect class=\"status status-opened\" x=\"190\" y=\"8\" width=\"6\"",
                "<title>Investigating</title>", "<title>Legal hold: Litigation expected</title>",
                "<line class=\"mark decision\"", "<title>Decision: Reprimand (the whole case)</title>",
                "<title>Due Tue 1 Dec 2026, 23:59:59 GMT</title>", "<title>Due moved to Fri 4 Dec 2026, 23:59:59 GMT</title>",
                "<title>Overdue from Wed 2 Dec 2026, 00:00:00 GMT</title>",
                "<g class=\"lane\" id=\"lane-request-1\">");
        assertThat(svg).doesNotContain("style=", "<script");
        assertThat(java.util.regex.Pattern.compile("<text class=\"tick\"[^>]*>([^<]*)</text>").matcher(svg).results()
                .map(m -> m.group(1)).toList()).as("a date for each UK day on the axis")
                .containsExactly("1 Dec", "2 Dec", "3 Dec", "4 Dec");
        assertThat(svg).as("a long lane label is cut; the table has it whole").contains(">Request 1: Consent records…<");
        String table = between(html, "id=\"case-timeline-facts\"", "</table>");
        assertThat(table.split("<tr class=\"fact\">")).hasSize(1 + 2 + 1 + 1 + 1 + 2 + 1);
        assertThat(table).contains("<th scope=\"row\">Status</th><td data-label=\"What\">Opened</td>"
                        + "<td data-label=\"From or at\">Tue 1 Dec 2026, 09:00:00 GMT</td>"
                        + "<td data-label=\"Until\">Tue 1 Dec 2026, 10:00:00 GMT</td>",
                "<th scope=\"row\">Request 1</th><td data-label=\"What\">Overdue</td>",
                "<td data-label=\"What\">Reprimand (the whole case)</td>");
    }

    @Test
    void the_filters_go_to_audit_service_and_stay_on_every_link() throws Exception {
        HttpResponse<String> page = get(CASE + "?type=LegalHoldPlaced&type=EvidenceRequestAcknowledged&actor=u-nora"
                + "&from=2026-12-01T10%3A00&to=2026-12-02T12%3A00%3A30");

        assertThat(page.statusCode()).isEqualTo(200);
        Call filtered = StubbedServices.calls.stream().filter(c -> c.path().startsWith(CASE + "/history?")
                && c.path().contains("actor=")).findFirst().orElseThrow();
        assertThat(filtered.path()).contains("type=LegalHoldPlaced", "type=EvidenceRequestAcknowledged",
                "actor=u-nora", "from=2026-12-01T10%3A00%3A00Z", "to=2026-12-02T12%3A00%3A30Z");
        String form = between(page.body(), "id=\"history-filters\"", "</form>");
        assertThat(form).contains("<option value=\"LegalHoldPlaced\" selected>Legal hold placed</option>",
                "<option value=\"EvidenceRequestAcknowledged\" selected>Evidence request acknowledged</option>",
                "<option value=\"CaseOpened\">Case opened</option>",
                "<option value=\"u-nora\" selected>Nora Northwind (company)</option>",
                "<option value=\"u-iris\">Iris Investigator (investigator)</option>",
                "id=\"filter-from\" name=\"from\" type=\"datetime-local\" step=\"1\" value=\"2026-12-01T10:00\"",
                "id=\"clear-filters\"");
        assertThat(between(page.body(), "<ol class=\"events\"", "</ol>")).contains("?position=3&amp;page=0"
                + "&amp;type=LegalHoldPlaced&amp;type=EvidenceRequestAcknowledged&amp;actor=u-nora"
                + "&amp;from=2026-12-01T10%3A00&amp;to=2026-12-02T12%3A00%3A30\"");
    }

    @Test
    void a_moment_that_is_not_one_is_refused_before_audit_service_is_asked_and_its_refusals_are_shown() throws Exception {
        HttpResponse<String> unreadable = get(CASE + "?from=yesterday");

        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(unreadable.body()).contains("Choose the start of the period (a date and a time, UK time).");
        assertThat(StubbedServices.calls).noneMatch(c -> c.path().contains("from="));

        StubbedServices.answer("GET", CASE + "/history?page=0&size=1000&actor=u-nora", new Answer(422, null,
                "application/problem+json", "{\"title\":\"Unprocessable\",\"status\":422,"
                + "\"detail\":\"No kind of event is called that\"}"));
        HttpResponse<String> refused = get(CASE + "?actor=u-nora");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("No kind of event is called that");
    }

    private static String event(long position, String aggregate, long sequence, String type, String time,
                                String actorId, String actorName, String roles) {
        return """
                {"position": %d, "aggregateId": "%s", "sequenceNumber": %d, "type": "%s", "time": "%s",
                 "actorId": "%s", "actorName": %s, "actorRoles": %s, "correlationId": "x-%d", "payload": {}}"""
                .formatted(position, aggregate, sequence, type, time, actorId,
                        actorName == null ? "null" : "\"" + actorName + "\"", roles, position);
    }

    /** The case and its request after the event at {@code position}; only what each event changed differs. */
    private static String state(long position, String legalHold, boolean overdue) {
        return """
                {"caseId": "c-1", "position": %d, "eventsReplayed": %d,
                 "caseFile": {"caseId": "c-1", "version": %d, "title": "Cookie walls on the checkout",
                   "authority": "ICO", "status": "INVESTIGATING", "priority": "HIGH",
                   "leadInvestigator": {"userId": "u-iris", "name": "Iris Investigator"},
                   "legalHoldReason": %s, "openedAt": "2026-12-01T09:00:00Z", "updatedAt": "2026-12-0%dT09:00:00Z"},
                 "requests": [{"requestId": "r-1", "version": %d, "caseId": "c-1",
                   "organisationAlias": "northwind-cloud", "items": ["Consent records", "Board minutes"],
                   "status": "OPEN", "dueAt": "2026-12-01T23:59:59Z", "overdue": %s,
                   "issuedBy": {"userId": "u-iris", "name": "Iris Investigator"}, "issuedAt": "2026-12-01T09:30:00Z"}]}"""
                .formatted(position, position, position, legalHold, position % 2 + 1, position, overdue);
    }

    private static Answer json(String body) {
        return new Answer(200, null, "application/json", body);
    }

    private static List<String> rows(String html) {
        return List.of(html.split("<tr class=\"change\">")).subList(1, html.split("<tr class=\"change\">").length);
    }

    private static String between(String html, String start, String end) {
        int from = html.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return html.substring(from, html.indexOf(end, from));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(portal.resolve(path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
