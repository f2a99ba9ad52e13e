package org.compliance.notifications.peers;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server in the test JVM that receives webhook calls and answers with a status the test sets. */
public final class WebhookReceiver implements AutoCloseable {

    /** One call as it arrived: the headers that matter (Standard Webhooks' and the type) and the raw body. */
    public record Call(String deliveryId, String timestamp, String signature, String type, String body) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(204);

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            calls.add(new Call(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"), headers.getFirst("Compliance-Event-Type"), body));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        server.start();
    }

    /** Its URL on 127.0.0.1, the host the tests' configuration allows on loopback. */
    public String url() {
        return urlVia("127.0.0.1");
    }

    /** Its URL written with another host that reaches it, e.g. {@code localhost}. */
    public String urlVia(String host) {
        return "http://" + host + ":" + port() + "/hooks";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void answerWith(int status) {
        answer.set(status);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> callsOfType(String type) {
        return calls.stream().filter(c -> type.equals(c.type())).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
