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
