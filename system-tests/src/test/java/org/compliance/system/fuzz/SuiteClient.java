package org.compliance.system.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Function;

/** Plain, well-formed calls for building the fixture and checking the suite afterwards. */
final class SuiteClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    private final Function<String, String> tokens;

    SuiteClient(Function<String, String> tokens) {
        this.tokens = tokens;
    }

    HttpResponse<String> get(String user, String url) {
        return send(user, HttpRequest.newBuilder(URI.create(url)).GET());
    }

    JsonNode getJson(String user, String url) {
        HttpResponse<String> response = get(user, url);
        assertThat(response.statusCode()).as("GET " + url + ": " + response.body()).isEqualTo(200);
        return read(response.body());
    }

    HttpResponse<String> send(String user, String method, String url, String contentType, String body,
                              String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(user, builder);
    }

    JsonNode postJson(String user, String url, Object body, int expected) {
        HttpResponse<String> response = send(user, "POST", url, "application/json", write(body));
        assertThat(response.statusCode()).as("POST " + url + ": " + response.body()).isEqualTo(expected);
        return read(response.body());
    }

    private HttpResponse<String> send(String user, HttpRequest.Builder builder) {
        try {
            return HTTP.send(builder.header("Authorization", "Bearer " + tokens.apply(user)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String json) {
        try {
            return json.isEmpty() ? JSON.nullNode() : JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + json, e);
        }
    }
}
