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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Whatever fails unexpectedly, the user sees the portal's own error page with the request id (scripts get
 * problem+json), never a bare "Internal Server Error"; and every answer carries the security headers. The
 * failing pages are {@link Trouble}'s; sign-in is off in this profile, as none of these pages needs a user.
 */
@QuarkusTest
@TestProfile(FailuresTest.WithoutSignIn.class)
class FailuresTest {

    public static class WithoutSignIn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.tenant-enabled", "false",
                    "quarkus.http.auth.permission.trouble.paths", "/trouble/*",
                    "quarkus.http.auth.permission.trouble.policy", "permit");
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern SHOWN_ID = Pattern.compile("<code id=\"request-id\">([^<]+)</code>");

    @TestHTTPResource("/")
    URI portal;

    @Test
    void code_that_fails_shows_the_error_page_with_the_request_id() throws Exception {
        HttpResponse<String> answer = get("/trouble/code", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(answer.body()).contains("<h1>Something went wrong</h1>").doesNotContain("Internal Server Error");
        assertThat(shownId(answer)).isEqualTo(answer.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void a_template_that_fails_while_rendering_shows_the_error_page_too() throws Exception {
        HttpResponse<String> answer = get("/trouble/rendering", "text/html");
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).contains("<h1>Something went wrong</h1>").doesNotContain("a value failed");
        assertThat(shownId(answer)).isEqualTo(answer.headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    void scripts_get_problem_json_with_the_request_id() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(portal.resolve("/trouble/code"))
                .header("X-Requested-With", "XMLHttpRequest").build());
        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        String id = answer.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(answer.body()).contains("\"status\":500").contains("\"requestId\":\"" + id + "\"");
    }

    @Test
    void an_unknown_address_is_the_portals_own_not_found_page() throws Exception {
        HttpResponse<String> answer = get("/trouble/nothing-here", "text/html");
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("<h1>Not found</h1>");
        assertThat(shownId(answer)).isEqualTo(answer.headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    void a_sane_request_id_from_a_proxy_is_kept_and_any_other_replaced() throws Exception {
        HttpResponse<String> kept = send(HttpRequest.newBuilder(portal.resolve("/trouble/code"))
                .header("X-Request-Id", "proxy-42").build());
        assertThat(kept.headers().firstValue("X-Request-Id")).hasValue("proxy-42");
        assertThat(shownId(kept)).isEqualTo("proxy-42");
        HttpResponse<String> replaced = send(HttpRequest.newBuilder(portal.resolve("/trouble/code"))
                .header("X-Request-Id", "<script>alert(1)</script>").build());
        assertThat(replaced.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f-]{36}");
        assertThat(replaced.body()).doesNotContain("<script>alert");
    }

    @Test
    void every_answer_carries_the_security_headers() throws Exception {
        for (String path : new String[] {"/signed-out", "/trouble/code", "/portal.js", "/trouble/nothing-here"}) {
            HttpResponse<String> answer = get(path, "text/html");
            var headers = answer.headers();
            assertThat(headers.firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval"));
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
            assertThat(headers.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
        }
    }

    private static String shownId(HttpResponse<String> answer) {
        Matcher shown = SHOWN_ID.matcher(answer.body());
        assertThat(shown.find()).as("a request id on the page: " + answer.body()).isTrue();
        return shown.group(1);
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(portal.resolve(path)).header("Accept", accept).build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
