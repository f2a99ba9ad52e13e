package org.compliance.bench;

import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's session with the portal, without the browser: signs in through Keycloak's login form (the portal's
 * authorization-code flow with PKCE, as a person does) and then fetches pages with the session's cookies. The cookie
 * jar is deliberately simple: one host serves both the portal and Keycloak locally, and a browser does not separate
 * cookies by port either.
 */
final class PortalSession {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>");
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");
    private static final Pattern FEEDBACK = Pattern.compile(
            "(?s)class=\"[^\"]*(?:kc-feedback-text|pf-v5-c-alert__title|kc-error-message|input-error)[^\"]*\"[^>]*>(.*?)</");
    private static final int MAX_REDIRECTS = 10;
    private static final int MAX_LOGIN_STEPS = 3;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new ConcurrentHashMap<>();
    private final String portal;

    private PortalSession(String portal) {
        this.portal = portal;
    }

    /**
     * Signs {@code username} in (the demo password) and returns the session, ready to fetch pages. Keycloak may ask in
     * steps (with organisations on, the username first, then the password): each login form it shows is answered
     * with the fields it has, until the portal's page comes back.
     */
    static PortalSession signIn(String portal, String username) throws Exception {
        PortalSession session = new PortalSession(portal);
        HttpResponse<String> page = session.follow(session.request(portal + "/work").GET().build());
        for (int step = 0; step < MAX_LOGIN_STEPS && !page.uri().toString().startsWith(portal); step++) {
            Matcher form = LOGIN_FORM.matcher(page.body());
            if (page.statusCode() != 200 || !form.find()) {
                break;
            }
            Matcher action = ACTION.matcher(form.group());
            if (!action.find()) {
                throw new IllegalStateException("Keycloak's login form has no action");
            }
            StringBuilder fields = new StringBuilder("credentialId=");
            if (page.body().contains("name=\"username\"")) {
                fields.append("&username=").append(URLEncoder.encode(username, StandardCharsets.UTF_8));
            }
            if (page.body().contains("name=\"password\"")) {
                fields.append("&password=demo");
            }
            page = session.follow(session.request(action.group(1).replace("&amp;", "&"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(fields.toString())).build());
        }
        if (page.statusCode() != 200 || !page.uri().toString().startsWith(portal)) {
            throw new IllegalStateException(username + " was not signed in to the portal (" + page.statusCode()
                    + " at " + page.uri() + "): " + feedback(page.body()));
        }
        return session;
    }

    /** What Keycloak's page says went wrong (its alert or error message), for the failure's message. */
    private static String feedback(String page) {
        Matcher message = FEEDBACK.matcher(page);
        return message.find() ? message.group(1).replaceAll("<[^>]+>", "").strip() : "no message on the page";
    }

    /** Fetches a page of the portal; anything but a 200 is a failure of the run. */
    void page(String path) throws Exception {
        HttpResponse<String> response = http.send(request(portal + path).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
    }

    private HttpRequest.Builder request(String url) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html");
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return request;
    }

    /** Sends the request and follows redirects as a browser does (a POST answered by a redirect becomes a GET). */
    private HttpResponse<String> follow(HttpRequest first) throws IOException, InterruptedException {
        HttpRequest next = first;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpResponse<String> response = http.send(next, HttpResponse.BodyHandlers.ofString());
            keepCookies(response);
            var location = response.headers().firstValue("Location");
            if (response.statusCode() / 100 != 3 || location.isEmpty()) {
                return response;
            }
            next = request(response.uri().resolve(location.get()).toString()).GET().build();
        }
        throw new IllegalStateException("More than " + MAX_REDIRECTS + " redirects from " + first.uri());
    }

    private void keepCookies(HttpResponse<?> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            for (HttpCookie cookie : HttpCookie.parse(header)) {
                if (cookie.hasExpired() || cookie.getValue().isEmpty()) {
                    cookies.remove(cookie.getName());
                } else {
                    cookies.put(cookie.getName(), cookie.getValue());
                }
            }
        }
    }
}
