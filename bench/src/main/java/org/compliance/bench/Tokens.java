package org.compliance.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Access tokens of the demo users (password grant of the demo-only CLI client). */
final class Tokens {

    private Tokens() {
    }

    static String password(String issuer, String username) throws Exception {
        String form = "grant_type=password&client_id=compliance-cli&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=demo";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + username + ": " + response.body());
        }
        return new ObjectMapper().readTree(response.body()).get("access_token").asText();
    }
}
