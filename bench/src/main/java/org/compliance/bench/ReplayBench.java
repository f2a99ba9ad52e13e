package org.compliance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Replay, two ways, each beside a raw ordered scan of the same rows in the same run:
 * <ol>
 * <li>the state of one case with {@code BENCH_REPLAY_EVENTS} (10,000) events, rebuilt by audit-service from
 * the event store ({@code GET /audit/cases/{id}/state}), against {@code SELECT payload ... ORDER BY
 * sequence_number} of that case; goal: under 200 ms;</li>
 * <li>case-service's read models rebuilt from the whole store ({@code POST /operations/read-models/rebuild}),
 * with at least {@code BENCH_REBUILD_EVENTS} (1,000,000) events in it, against a warm scan of every row in
 * global order (the best of {@code BENCH_SCAN_ROUNDS}, 3, scans after an unmeasured one); goal: at least 20% of the
 * scan's rate.</li>
 * </ol>
 * Seeded events are appended once with SQL (the store's trigger chains them) and reused by later runs.
 * {@code BENCH_REPLAY_PARTS} (default {@code case,rebuild}) runs one of them only: {@code bench/run case-list-scale}
 * rebuilds the read models of its own store of 1,000,000 cases this way.
 */
public final class ReplayBench {

    /**
     * HTTP/1.1, as every client of the services speaks it (the portal, the other benches, a browser behind the TLS
     * ingress). The JDK client's default, HTTP/2 over cleartext, answered some 45 ms later per request from our Vert.x
     * services on this machine (curl: 47 ms over HTTP/1.1, 96 ms with HTTP/2 prior knowledge, for the same state).
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        int caseEvents = Integer.parseInt(env.getOrDefault("BENCH_REPLAY_EVENTS", "10000"));
        long storeEvents = Long.parseLong(env.getOrDefault("BENCH_REBUILD_EVENTS", "1000000"));
        String caseService = env.getOrDefault("BENCH_CASE_URL", "http://127.0.0.1:8081");
        String auditService = env.getOrDefault("BENCH_AUDIT_URL", "http://127.0.0.1:8084");
        String issuer = env.getOrDefault("BENCH_ISSUER", "http://127.0.0.1:8180/realms/compliance");
        String jdbcUrl = env.getOrDefault("BENCH_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/compliance");
        String dbUser = env.getOrDefault("BENCH_DB_USER", "postgres");

        List<String> parts = List.of(env.getOrDefault("BENCH_REPLAY_PARTS", "case,rebuild").split(","));
        try (Connection db = DriverManager.getConnection(jdbcUrl, dbUser, "")) {
            if (parts.contains("case")) {
                String caseId = "bench-replay-" + caseEvents;
                seedCase(db, caseId, caseEvents);
                caseReplay(db, caseId, auditService, Tokens.password(issuer, "ada.auditor"));
                System.out.println();
            }
            if (parts.contains("rebuild")) {
                seedStore(db, storeEvents);
                rebuild(db, caseService, issuer);
            }
        }
    }

    private static void caseReplay(Connection db, String caseId, String auditService, String token) throws Exception {
        String url = auditService + "/audit/cases/" + caseId + "/state";
        for (int i = 0; i < 3; i++) {
            get(url, token); // warm-up
            scanCase(db, caseId);
        }
        int rounds = 10;
        long api = Long.MAX_VALUE;
        long scan = Long.MAX_VALUE;
        long replayed = 0;
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            replayed = JSON.readTree(get(url, token)).path("eventsReplayed").asLong();
            api = Math.min(api, System.nanoTime() - start);
            start = System.nanoTime();
            scanCase(db, caseId);
            scan = Math.min(scan, System.nanoTime() - start);
        }
        System.out.printf("Case state from %,d events (best of %d)%n", replayed, rounds);
        System.out.printf("  %-48s %8.1f ms  %,12.0f events/s%n", "REST: GET /audit/cases/{id}/state", api / 1e6,
                replayed / (api / 1e9));
        System.out.printf("  %-48s %8.1f ms  %,12.0f events/s%n", "Baseline: ordered scan of the case's rows",
                scan / 1e6, replayed / (scan / 1e9));
        System.out.printf("  Ratio: %.0f%%; goal: the case in under 50 ms (%s)%n", 100.0 * scan / api,
                api < 50_000_000L ? "met" : "NOT met");
        Results.record("Case state through audit-service", "a " + replayed + "-event case vs scanning its rows",
                api / 1e6, scan / 1e6, "ms", false, "under 50 ms");
    }

    private static void rebuild(Connection db, String caseService, String issuer) throws Exception {
        String token = Tokens.password(issuer, "otto.operator");
        Instant tokenTaken = Instant.now();
        long events = count(db);
        // A warm scan: the first one reads the table into the caches unmeasured, as the rebuild's own reads find it
        // after the scans; the best of the next ones is the baseline.
        int rounds = Integer.parseInt(System.getenv().getOrDefault("BENCH_SCAN_ROUNDS", "3"));
        long scanned = scanStore(db);
        long bestScan = Long.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            long scanStart = System.nanoTime();
            scanned = scanStore(db);
            bestScan = Math.min(bestScan, System.nanoTime() - scanStart);
        }
        double scanRate = scanned / (bestScan / 1e9);

        String status = caseService + "/operations/read-models";
        long start = System.nanoTime();
        HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(URI.create(status + "/rebuild"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("rebuild answered " + started.statusCode() + ": " + started.body());
        }
        long head = headPosition(db);
        Instant nextReport = Instant.now().plusSeconds(15);
        while (true) {
            if (Instant.now().isAfter(tokenTaken.plusSeconds(60))) {
                token = Tokens.password(issuer, "otto.operator"); // a rebuild outlasts a token
                tokenTaken = Instant.now();
            }
            JsonNode state = JSON.readTree(get(status, token));
            long position = 0;
            String projections = state.path("projections").toString();
            for (JsonNode segment : state.path("segments")) {
                // Only the projections replay; the policy's segments stand at the head all along.
                if (projections.contains("\"" + segment.path("processingGroup").asText() + "\"")) {
                    position = Math.max(position, segment.path("position").asLong());
                }
            }
            if (!state.path("replaying").asBoolean() && position >= head) {
                break;
            }
            if (Instant.now().isAfter(nextReport)) {
                System.out.printf("  rebuilding: at position %,d of %,d%n", position, head);
                nextReport = Instant.now().plusSeconds(15);
            }
            Thread.sleep(200); // polls the processor's status until the replay is done
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Read models rebuilt from %,d events%n", events);
        System.out.printf("  %-48s %8.1f s   %,12.0f events/s%n", "case-service rebuild (POST .../rebuild)", seconds,
                events / seconds);
        System.out.printf("  %-48s %8.1f s   %,12.0f events/s%n", "Baseline: warm ordered scan of every row",
                scanned / scanRate, scanRate);
        System.out.printf("  Ratio: %.1f%% (goal: at least 20%%)%n", 100 * (events / seconds) / scanRate);
        Results.record("Read-model rebuild", "case-service events/s vs warm ordered raw scan, " + events + " events",
                events / seconds, scanRate, "events/s", true, "at least 20%");
    }

    private static void seedCase(Connection db, String caseId, int events) throws Exception {
        long existing = countOf(db, caseId);
        if (existing >= events) {
            return;
        }
        System.out.printf("Seeding case %s with %,d events%n", caseId, events);
        db.setAutoCommit(false);
        try (PreparedStatement insert = insert(db)) {
            Instant at = Instant.parse("2026-01-01T09:00:00Z");
            if (existing == 0) {
                Map<String, Object> opened = new LinkedHashMap<>();
                opened.put("caseId", caseId);
                opened.put("title", "Replay benchmark case");
                opened.put("summary", "A case with a long history");
                opened.put("authority", "Information Commissioner's Office");
                opened.put("legalBases", List.of("UK GDPR"));
                opened.put("priority", "NORMAL");
                opened.put("confidentiality", "STANDARD");
                opened.put("respondents", List.of(Map.of("organisationAlias", "northwind-cloud",
                        "name", "Northwind Cloud Ltd")));
                opened.put("complainants", List.of());
                opened.put("allegations", List.of(Map.of("allegationId", "A1", "legalBasis", "UK GDPR Art. 6(1)",
                        "description", "Synthetic allegation")));
                opened.put("leadInvestigator", Map.of("userId", "bench", "name", "Benchmark"));
                opened.put("openedAt", at.toString());
                add(insert, caseId, 0, at, "org.compliance.api.cases.CaseOpened", opened);
                existing = 1;
            }
            for (long n = existing; n < events; n++) {
                Instant when = at.plusSeconds(n * 60);
                add(insert, caseId, n, when, "org.compliance.api.cases.CaseNoteAdded", Map.of("caseId", caseId,
                        "noteId", "note-" + n, "text", "Note " + n + " of a long investigation",
                        "author", Map.of("userId", "bench", "name", "Benchmark"), "addedAt", when.toString()));
                if (n % 5000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
    }

    /** Adds opened cases of a few events each until the store holds {@code wanted} events. */
    private static void seedStore(Connection db, long wanted) throws Exception {
        long have = count(db);
        if (have >= wanted) {
            System.out.printf("Store: %,d events already%n", have);
            return;
        }
        System.out.printf("Seeding the store from %,d to %,d events%n", have, wanted);
        db.setAutoCommit(false);
        Instant at = Instant.parse("2025-06-01T09:00:00Z");
        try (PreparedStatement insert = insert(db)) {
            long batch = 0;
            for (long n = have; n < wanted; n += 2) {
                String caseId = "bench-rebuild-" + UUID.randomUUID();
                Instant when = at.plusSeconds(n);
                Map<String, Object> opened = new LinkedHashMap<>();
                opened.put("caseId", caseId);
                opened.put("title", "Rebuild benchmark case " + n);
                opened.put("summary", "Synthetic");
                opened.put("authority", "Information Commissioner's Office");
                opened.put("legalBases", List.of("UK GDPR"));
                opened.put("priority", "LOW");
                opened.put("confidentiality", "STANDARD");
                opened.put("respondents", List.of(Map.of("organisationAlias", "bench-org", "name", "Bench Ltd")));
                opened.put("complainants", List.of());
                opened.put("allegations", List.of(Map.of("allegationId", "A1", "legalBasis", "UK GDPR",
                        "description", "Synthetic")));
                opened.put("leadInvestigator", Map.of("userId", "bench", "name", "Benchmark"));
                opened.put("openedAt", when.toString());
                add(insert, caseId, 0, when, "org.compliance.api.cases.CaseOpened", opened);
                add(insert, caseId, 1, when.plusSeconds(1), "org.compliance.api.cases.InvestigationStarted",
                        Map.of("caseId", caseId));
                if (++batch % 5000 == 0) {
                    insert.executeBatch();
                    db.commit();
                    System.out.printf("  seeded %,d of %,d events%n", n + 2, wanted);
                }
            }
            insert.executeBatch();
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
    }

    private static PreparedStatement insert(Connection db) throws Exception {
        return db.prepareStatement("""
                INSERT INTO event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                    type, time_stamp, payload_type, payload_revision, payload, meta_data)
                VALUES (?, ?, ?, 'InvestigationCase', ?, ?, NULL, ?, ?)""");
    }

    private static void add(PreparedStatement insert, String caseId, long sequence, Instant at, String type,
                            Map<String, Object> payload) throws Exception {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setString(2, caseId);
        insert.setLong(3, sequence);
        insert.setString(4, at.toString());
        insert.setString(5, type);
        insert.setBytes(6, JSON.writeValueAsBytes(payload));
        insert.setBytes(7, JSON.writeValueAsBytes(Map.of("actorSubject", "bench", "actorName", "Benchmark seed")));
        insert.addBatch();
    }

    private static void scanCase(Connection db, String caseId) throws Exception {
        try (var select = db.prepareStatement("SELECT payload FROM event_store.domain_event_entry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            select.setString(1, caseId);
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    rows.getBytes(1);
                }
            }
        }
    }

    private static long scanStore(Connection db) throws Exception {
        db.setAutoCommit(false);
        try (var select = db.prepareStatement("SELECT global_index, payload, meta_data FROM "
                + "event_store.domain_event_entry ORDER BY global_index")) {
            select.setFetchSize(1000);
            long rows = 0;
            try (var result = select.executeQuery()) {
                while (result.next()) {
                    result.getBytes(2);
                    result.getBytes(3);
                    rows++;
                }
            }
            return rows;
        } finally {
            db.rollback();
            db.setAutoCommit(true);
        }
    }

    private static long count(Connection db) throws Exception {
        try (var rows = db.createStatement().executeQuery("SELECT count(*) FROM event_store.domain_event_entry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long headPosition(Connection db) throws Exception {
        try (var rows = db.createStatement().executeQuery(
                "SELECT coalesce(max(global_index), 0) FROM event_store.domain_event_entry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long countOf(Connection db, String caseId) throws Exception {
        try (var select = db.prepareStatement(
                "SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?")) {
            select.setString(1, caseId);
            try (var rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String get(String url, String token) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
