package org.compliance.audit.rest;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * evidence-service's formal notice and evidence file downloads, played by a small HTTP server: answers the PDFs and
 * files given to it (files by {@code <requestId>/<fileId>}), 404 otherwise, and keeps the Authorization headers and
 * paths it was sent.
 */
public class EvidenceStub implements QuarkusTestResourceLifecycleManager {

    final Map<String, byte[]> notices = new ConcurrentHashMap<>();
    final Map<String, byte[]> files = new ConcurrentHashMap<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final List<String> paths = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/requests/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            paths.add(exchange.getRequestURI().getPath());
            String[] path = exchange.getRequestURI().getPath().split("/");
            byte[] pdf = path.length == 4 && path[3].equals("formal-notice") ? notices.get(path[2])
                    : path.length == 5 && path[3].equals("files") ? files.get(path[2] + "/" + path[4]) : null;
            if (pdf == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.getResponseHeaders().add("Content-Type", path[3].equals("files") ? "application/octet-stream"
                        : "application/pdf");
                exchange.sendResponseHeaders(200, pdf.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(pdf);
                }
            }
            exchange.close();
        });
        server.start();
        return Map.of("compliance.services.evidence", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(this, new TestInjector.MatchesType(EvidenceStub.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
