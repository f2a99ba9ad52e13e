package org.compliance.system.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.compliance.testing.LocalKeycloak;
import org.compliance.testing.TestDatabase;

/**
 * Sends generated requests one at a time and judges each answer by the contract every service owes: never a 5xx,
 * only documented status codes, problem details on every 4xx, and a refused request changes nothing, neither the
 * event store nor the state the services keep outside it.
 */
final class Exchanges implements AutoCloseable {

    /** What a service may answer with in a problem: a clear answer, not an echo of a huge input. */
    static final int MAX_PROBLEM_BYTES = 64 * 1024;

    /**
     * State kept outside the event store that requests change directly: uploads, audit access records, webhook
     * endpoints, notification preferences and read marks. Nothing but requests writes these, so any change while
     * a refused request ran is that request's doing.
     */
    private static final String OUTSIDE_STATE = """
            SELECT (SELECT count(*) FROM evidence_service.upload)
                || '/' || (SELECT count(*) FROM audit_service.access_record)
                || '/' || (SELECT count(*) FROM notification_service.inbox_notification WHERE read_at IS NOT NULL)
                || '/' || (SELECT coalesce(md5(string_agg(id || ':' || active, ',' ORDER BY id)), '')
                           FROM notification_service.webhook_subscription)
                || '/' || (SELECT coalesce(md5(string_agg(user_id || kind || channel || enabled, ',' ORDER BY user_id, kind, channel)), '')
                           FROM notification_service.channel_preference)
                || '/' || (SELECT coalesce(md5(string_agg(user_id || daily_digest, ',' ORDER BY user_id)), '')
                           FROM notification_service.digest_preference)
            """;

    /** @param version what {@code %v} in the request's headers stood for when it was sent */
    record Verdict(FuzzRequest request, String version, RawHttp.Answer answer, List<String> problems) {

        boolean failed() {
            return !problems.isEmpty();
        }

        String report() {
            StringBuilder out = new StringBuilder().append(String.join("; ", problems)).append("\n  request: ")
                    .append(request).append(version == null ? "" : "\n    (%v was " + version + ")")
                    .append("\n  answer: ");
            if (!answer.answered()) {
                return out.append(answer.failure()).toString();
            }
            out.append(answer.status()).append(' ').append(answer.header("content-type") == null ? "(no Content-Type)"
                    : answer.header("content-type")).append(", ").append(answer.bodyLength()).append(" bytes");
            String text = answer.text();
            if (!text.isEmpty()) {
                out.append("\n    ").append(FuzzRequest.visible(text.length() > 600 ? text.substring(0, 600) + "…" : text));
            }
            return out.toString();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalKeycloak keycloak;
    private final Connection database;
    private final Map<String, Map.Entry<String, Instant>> tokens = new HashMap<>();
    private final Set<String> timeTriggered;
    private final VersionLookup versions;
    private int sent;

    interface VersionLookup {
        String currentVersion(FuzzRequest request, String token);
    }

    Exchanges(LocalKeycloak keycloak, String database, Set<String> timeTriggered, VersionLookup versions) {
        this.keycloak = keycloak;
        this.timeTriggered = timeTriggered;
        this.versions = versions;
        try {
            this.database = DriverManager.getConnection(TestDatabase.jdbcUrl(database), "postgres", "");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh enough token of a demo user (tokens live five minutes; a run may be longer). */
    String token(String user) {
        var cached = tokens.get(user);
        if (cached == null || cached.getValue().isBefore(Instant.now().minus(Duration.ofMinutes(3)))) {
            cached = Map.entry(keycloak.tokenFor(user), Instant.now());
            tokens.put(user, cached);
        }
        return cached.getKey();
    }

    int sent() {
        return sent;
    }

    Verdict exchange(FuzzRequest request) {
        String requestId = "fuzz-" + (++sent) + "-" + Long.toHexString(System.nanoTime());
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        String token = request.user() == null ? null : token(request.user());
        if (token != null) {
            headers.add(Map.entry("Authorization", "Bearer " + token));
        }
        String version = request.needsVersion() ? versions.currentVersion(request, token(request.user() != null
                ? request.user() : "sam.supervisor")) : null;
        request.headers().forEach(h -> headers.add(Map.entry(h.getKey(),
                version == null ? h.getValue() : h.getValue().replace(FuzzRequest.CURRENT_VERSION, version))));
        headers.add(Map.entry("X-Request-Id", requestId));
        headers.add(Map.entry("Accept", "*/*"));

        long lastEvent = lastEvent();
        String outside = outsideState();
        RawHttp.Answer answer = RawHttp.send(request.operation().port(), request.operation().method(), request.target(),
                headers, request.body());
        List<String> problems = new ArrayList<>();
        if (!answer.answered()) {
            problems.add(answer.failure());
        } else {
            int status = answer.status();
            if (status >= 500) {
                problems.add("server error " + status);
            } else if (!request.operation().documents(status)) {
                problems.add(status + " is not among the documented answers " + request.operation().statuses());
            }
            if (request.malformedTarget()) {
                if (status != 400) {
                    problems.add(status + " for a request target that is not valid URI syntax (400 expected)");
                }
            } else if (status >= 400 && status < 500 && !request.operation().method().equals("HEAD")) {
                // an answer to HEAD has no content (RFC 9110, 9.3.2), so no problem document to check
                problems.addAll(problemDetails(answer));
            }
            if (status < 400 && request.mustRefuse() != null) {
                problems.add("accepted (" + status + ") although " + request.mustRefuse());
            }
        }
        if (!answer.answered() || answer.status() >= 400) {
            problems.addAll(changesBy(requestId, lastEvent));
            if (!outside.equals(outsideState())) {
                problems.add("refused, yet the state outside the event store changed (uploads, access records, "
                        + "webhooks, preferences or read marks)");
            }
        }
        return new Verdict(request, version, answer, problems);
    }

    private static List<String> problemDetails(RawHttp.Answer answer) {
        List<String> problems = new ArrayList<>();
        String type = answer.header("content-type");
        if (type == null || !type.startsWith("application/problem+json")) {
            problems.add(answer.status() + " without an application/problem+json body");
            return problems;
        }
        if (answer.bodyLength() > MAX_PROBLEM_BYTES) {
            problems.add("a problem answer of " + answer.bodyLength() + " bytes");
            return problems;
        }
        try {
            JsonNode problem = JSON.readTree(answer.body());
            if (problem == null || problem.path("status").asInt() != answer.status()) {
                problems.add("the problem's status is " + (problem == null ? "missing" : problem.path("status"))
                        + ", not " + answer.status());
            }
        } catch (java.io.IOException e) {
            problems.add("the problem body is not JSON");
        }
        return problems;
    }

    /** Events appended by a refused request: those it caused itself, and any with no cause at all. */
    private List<String> changesBy(String requestId, long lastEvent) {
        List<String> problems = new ArrayList<>();
        try (var query = database.prepareStatement("SELECT global_index, payload_type, meta_data "
                + "FROM event_store.domain_event_entry WHERE global_index > ? ORDER BY global_index")) {
            query.setLong(1, lastEvent);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    String type = rows.getString(2);
                    byte[] metadata = rows.getBytes(3);
                    String cause = metadata == null ? null : readRequestId(metadata);
                    String simpleType = type.substring(type.lastIndexOf('.') + 1);
                    if (requestId.equals(cause)) {
                        problems.add("refused, yet it appended " + simpleType + " (global index " + rows.getLong(1) + ")");
                    } else if (cause == null && !timeTriggered.contains(simpleType)) {
                        problems.add("refused, and meanwhile " + simpleType + " was appended with no request id "
                                + "(global index " + rows.getLong(1) + ")");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return problems;
    }

    private static String readRequestId(byte[] metadata) {
        try {
            JsonNode node = JSON.readTree(metadata);
            return node.hasNonNull("requestId") ? node.get("requestId").asText() : null;
        } catch (java.io.IOException e) {
            return "(unreadable metadata)";
        }
    }

    long lastEvent() {
        try (var query = database.prepareStatement("SELECT coalesce(max(global_index), 0) FROM event_store.domain_event_entry");
             var rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String outsideState() {
        try (var query = database.prepareStatement(OUTSIDE_STATE); var rows = query.executeQuery()) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            database.close();
        } catch (SQLException e) {
            // closing anyway
        }
    }
}
