package org.compliance.portal.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * case-service, evidence-service and audit-service as the portal sees them, for {@link ServiceCallsTest}: each answer
 * is set by the test ({@link #answer}) for a method and path, or for a method, path and exact query string when one
 * path must answer differently by its query; each call is kept ({@link #calls}). notification-service is left
 * unreachable (a port nothing listens on).
 */
public class StubbedServices implements QuarkusTestResourceLifecycleManager {

    /** A call as the service received it. */
    public record Call(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** What a service answers. */
    public record Answer(int status, String etag, String type, String body, Map<String, String> headers) {
        public Answer(int status, String etag, String type, String body) {
            this(status, etag, type, body, Map.of());
        }
    }

    static final List<Call> calls = new CopyOnWriteArrayList<>();
    private static final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private HttpServer server;

    /** {@code path} with a query ({@code /audit/cases/c-1/state?position=4}) answers that query only. */
    static void answer(String method, String path, Answer answer) {
        answers.put(method + " " + path, answer);
    }

    static void reset() {
        calls.clear();
        answers.clear();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("portal.services.cases", base, "portal.services.evidence", base,
                "portal.services.notifications", "http://127.0.0.1:1", "portal.services.audit", base);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        calls.add(new Call(method, path + (exchange.getRequestURI().getRawQuery() == null ? ""
                : "?" + exchange.getRequestURI().getRawQuery()), Map.copyOf(exchange.getRequestHeaders()), body));
        String query = exchange.getRequestURI().getRawQuery();
        Answer exact = query == null ? null : answers.get(method + " " + path + "?" + query);
        Answer answer = exact != null ? exact : answers.getOrDefault(method + " " + path, new Answer(404, null, "application/problem+json",
                "{\"title\":\"Not found\",\"status\":404,\"detail\":\"Nothing at " + path + "\"}"));
        if (answer.etag() != null) {
            exchange.getResponseHeaders().add("ETag", "\"" + answer.etag() + "\"");
        }
        answer.headers().forEach(exchange.getResponseHeaders()::add);
        exchange.getResponseHeaders().add("Content-Type", answer.type());
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
