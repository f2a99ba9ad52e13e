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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.compliance.portal.web.StubbedServices.Answer;
import org.compliance.portal.web.StubbedServices.Call;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Staff switch "Notify me of my own actions" on and off on the inbox page, against a stand-in for
 * notification-service: the page shows the choice as the service holds it, and a change sends the caller's other
 * choices back as they were, with the caller's token.
 */
@QuarkusTest
@TestProfile(OwnActionsTest.AgainstStubbedNotifications.class)
class OwnActionsTest {

    public static class AgainstStubbedNotifications extends ServiceCallsTest.AgainstStubbedServices {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(WithNotifications.class));
        }
    }

    /** The stand-ins, with notification-service among them. */
    public static class WithNotifications extends StubbedServices {
        @Override
        public Map<String, String> start() {
            Map<String, String> urls = new HashMap<>(super.start());
            urls.put("portal.services.notifications", urls.get("portal.services.cases"));
            return urls;
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PREFERENCES = "{\"switchedOff\":[{\"kind\":\"DEADLINE_APPROACHING\",\"channel\":"
            + "\"EMAIL\"}],\"dailyDigest\":true,\"notifyOfOwnActions\":%s,\"legalNotices\":[\"REQUEST_ISSUED\"]}";

    @TestHTTPResource("/")
    URI portal;

    @BeforeEach
    void reset() {
        StubbedServices.reset();
        StubbedServices.answer("GET", "/inbox", new Answer(200, null, "application/json",
                "{\"items\":[],\"page\":0,\"size\":50,\"unread\":0}"));
        StubbedServices.answer("GET", "/inbox/unread", new Answer(200, null, "application/json", "{\"unread\":0}"));
    }

    @Test
    void the_inbox_shows_staff_their_choice_as_the_service_holds_it() throws Exception {
        StubbedServices.answer("GET", "/me/preferences", new Answer(200, null, "application/json",
                PREFERENCES.formatted("false")));
        assertThat(inbox()).contains("Notify me of my own actions", "name=\"notify\" value=\"yes\">");

        StubbedServices.answer("GET", "/me/preferences", new Answer(200, null, "application/json",
                PREFERENCES.formatted("true")));
        assertThat(inbox()).contains("name=\"notify\" value=\"yes\" checked>");
    }

    @Test
    void switching_it_on_and_off_keeps_the_other_choices() throws Exception {
        StubbedServices.answer("GET", "/me/preferences", new Answer(200, null, "application/json",
                PREFERENCES.formatted("false")));
        StubbedServices.answer("PUT", "/me/preferences", new Answer(200, null, "application/json",
                PREFERENCES.formatted("true")));

        HttpResponse<String> on = post("notify=yes");

        assertThat(on.statusCode()).isEqualTo(303);
        assertThat(on.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .endsWith("/inbox?done=own-actions-on"));
        Call put = only("PUT", "/me/preferences");
        assertThat(put.header("Authorization")).isEqualTo("Bearer " + TestSignIn.TOKEN);
        assertThat(put.body()).isEqualTo(PREFERENCES.formatted("true"));

        StubbedServices.calls.clear();
        HttpResponse<String> off = post("");

        assertThat(off.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .endsWith("/inbox?done=own-actions-off"));
        assertThat(only("PUT", "/me/preferences").body()).isEqualTo(PREFERENCES.formatted("false"));
    }

    @Test
    void the_inbox_is_filtered_grouped_by_case_under_its_title_and_read_one_case_at_a_time() throws Exception {
        StubbedServices.answer("GET", "/me/preferences", new Answer(200, null, "application/json",
                PREFERENCES.formatted("false")));
        StubbedServices.answer("GET", "/inbox", new Answer(200, null, "application/json", """
                {"items":[
                  {"id":"11111111-1111-1111-1111-111111111111","recipientId":"u-iris","kind":"EVIDENCE_SUBMITTED",
                   "caseId":"c-1","subject":"Evidence submitted","createdAt":"2026-12-01T10:00:00Z"},
                  {"id":"22222222-2222-2222-2222-222222222222","recipientId":"u-iris","kind":"CASE_CLOSED",
                   "caseId":"c-2","subject":"Case closed","createdAt":"2026-12-01T09:00:00Z"},
                  {"id":"33333333-3333-3333-3333-333333333333","recipientId":"u-iris","kind":"EXTENSION_REQUESTED",
                   "caseId":"c-1","subject":"More time asked","createdAt":"2026-12-01T08:00:00Z",
                   "readAt":"2026-12-01T08:30:00Z"}],
                 "page":0,"size":50,"unread":2,"kinds":["CASE_CLOSED","EVIDENCE_SUBMITTED","EXTENSION_REQUESTED"]}
                """));
        StubbedServices.answer("GET", "/cases/c-1", new Answer(200, "3", "application/json",
                "{\"caseId\":\"c-1\",\"version\":3,\"title\":\"Northwind: consent\",\"status\":\"INVESTIGATING\"}"));
        StubbedServices.answer("POST", "/inbox/read-all", new Answer(200, null, "application/json",
                "{\"unread\":1}"));

        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(portal.resolve(
                        "/inbox?unread=yes&kind=EVIDENCE_SUBMITTED")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(StubbedServices.calls).anySatisfy(c -> assertThat(c.path())
                .isEqualTo("/inbox?page=0&size=50&unread=true&kind=EVIDENCE_SUBMITTED"));
        String html = page.body();
        assertThat(html).contains("<a href=\"/cases/c-1\">Northwind: consent</a>", "A case you cannot open",
                "<option value=\"EVIDENCE_SUBMITTED\" selected>Evidence submitted</option>", "Show everything",
                "name=\"caseId\" value=\"c-1\"");
        // grouped: both notices of c-1 under its title, before the group of c-2 (whose newest came between them)
        assertThat(html.indexOf("Northwind: consent")).isLessThan(html.indexOf("More time asked"));
        assertThat(html.indexOf("More time asked")).isLessThan(html.indexOf("A case you cannot open"));
        assertThat(html.indexOf("A case you cannot open")).isLessThan(html.indexOf(">Case closed</p>"));

        HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(portal.resolve("/inbox/read-all"))
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("caseId=c-1")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(303);
        assertThat(only("POST", "/inbox/read-all?caseId=c-1").header("Authorization"))
                .isEqualTo("Bearer " + TestSignIn.TOKEN);
    }

    private String inbox() throws IOException, InterruptedException {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(portal.resolve("/inbox"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return page.body();
    }

    private HttpResponse<String> post(String form) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(portal.resolve("/inbox/own-actions")).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Call only(String method, String path) {
        List<Call> matching = StubbedServices.calls.stream()
                .filter(c -> c.method().equals(method) && c.path().equals(path)).toList();
        assertThat(matching).as(method + " " + path + " among " + StubbedServices.calls).hasSize(1);
        return matching.get(0);
    }
}
