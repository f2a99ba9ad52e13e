package org.compliance.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Opens cases through case-service's REST API with concurrent clients and measures events appended per
 * second and request latency; in the same run, the baseline: raw single-row INSERT commits into a table
 * created by the event store's own migration, with the same concurrency and the same row contents.
 */
public final class OpenCasesBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        int clients = Integer.parseInt(env.getOrDefault("BENCH_CLIENTS", "16"));
        int cases = Integer.parseInt(env.getOrDefault("BENCH_CASES", "3000"));
        int warmup = Integer.parseInt(env.getOrDefault("BENCH_WARMUP", "300"));
        String caseService = env.getOrDefault("BENCH_CASE_URL", "http://127.0.0.1:8081");
        String issuer = env.getOrDefault("BENCH_ISSUER", "http://127.0.0.1:8180/realms/compliance");
        String jdbcUrl = env.getOrDefault("BENCH_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/compliance");
        String dbUser = env.getOrDefault("BENCH_DB_USER", "postgres");
        Path migrations = Path.of(env.getOrDefault("BENCH_EVENT_STORE_MIGRATIONS",
                "platform/src/main/resources/db/event-store"));
        String table = Files.readString(migrations.resolve("V1__create_event_store.sql"));
        String chain = Files.readString(migrations.resolve("V2__event_hash_chain.sql"));

        System.out.printf("Opening cases: %d clients, %d cases (after %d warm-up), against %s%n",
                clients, cases, warmup, caseService);
        String token = Tokens.password(issuer, "iris.investigator");
        byte[] body = openCaseBody();
        ConcurrentRun.Operation openCase = openCase(List.of(caseService), token, body);
        ConcurrentRun.of(clients, warmup, openCase);

        Latencies api;
        Latencies baseline;
        Latencies chained;
        try (Connection admin = DriverManager.getConnection(jdbcUrl, dbUser, "")) {
            long before = countEvents(admin);
            ServiceProfile profile = ServiceProfile.start("open-cases");
            api = ConcurrentRun.of(clients, cases, openCase);
            long appended = countEvents(admin) - before;
            profile.report(cases);
            api = new Latencies(api.nanos(), api.elapsedNanos(), appended);
            System.out.printf("  appended %d events in %.2f s%n", appended, api.elapsedNanos() / 1e9);

            // warm: a first unmeasured pass of each, so neither depends on what the page cache held
            baseline(admin, jdbcUrl, dbUser, table, clients, cases);
            baseline = baseline(admin, jdbcUrl, dbUser, table, clients, cases);
            baseline(admin, jdbcUrl, dbUser, table + "\n" + chain, clients, cases);
            chained = baseline(admin, jdbcUrl, dbUser, table + "\n" + chain, clients, cases);
        }

        double ratio = api.perSecond() / baseline.perSecond();
        System.out.println();
        System.out.printf("%-52s %12s %10s %10s%n", "", "per second", "p50 ms", "p99 ms");
        print("REST: POST /cases (events appended)", api);
        print("Baseline: raw single-row INSERT commits", baseline);
        print("Baseline with the hash-chain trigger", chained);
        System.out.printf("%nRatio: %.1f%% of the baseline (goal: at least 25%%) -> %s; %.1f%% of the baseline with "
                        + "the hash chain (the chain alone costs the raw inserts %.0f%%)%n", ratio * 100,
                ratio >= 0.25 ? "MET" : "NOT MET", 100 * api.perSecond() / chained.perSecond(),
                100 * (1 - chained.perSecond() / baseline.perSecond()));
        Results.record("Opening cases through REST", "events appended per second vs raw INSERT commits",
                api.perSecond(), baseline.perSecond(), "/s", true, "at least 25%");
    }

    /** Opens one case per call; client {@code c} sends to {@code caseServices[c % n]}, so load spreads evenly. */
    static ConcurrentRun.Operation openCase(List<String> caseServices, String token, byte[] body) throws IOException {
        List<URL> urls = new ArrayList<>();
        for (String caseService : caseServices) {
            urls.add(URI.create(caseService + "/cases").toURL());
        }
        return (client, index) -> {
            // HttpURLConnection keeps connections alive per thread and costs the client little CPU, which on a
            // small machine would otherwise be taken from the services being measured.
            HttpURLConnection post = (HttpURLConnection) urls.get(client % urls.size()).openConnection();
            post.setRequestMethod("POST");
            post.setDoOutput(true);
            post.setRequestProperty("Authorization", "Bearer " + token);
            post.setRequestProperty("Content-Type", "application/json");
            post.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = post.getOutputStream()) {
                out.write(body);
            }
            int status = post.getResponseCode();
            try (InputStream in = status < 400 ? post.getInputStream() : post.getErrorStream()) {
                if (in != null) {
                    in.readAllBytes();
                }
            }
            if (status != 201) {
                throw new IllegalStateException("POST /cases answered " + status);
            }
        };
    }

    /** The body of every {@code POST /cases} of the benchmarks (also {@link NotificationLatencyBench}'s load). */
    static byte[] openCaseBody() throws java.io.IOException {
        return JSON.writeValueAsBytes(Map.of(
                "title", "Benchmark case",
                "summary", "Customers' personal data used to train language models",
                "authority", "Information Commissioner's Office",
                "legalBases", List.of("UK GDPR"),
                "respondents", List.of(Map.of("organisationAlias", "northwind-cloud", "name", "Northwind Cloud Ltd")),
                "allegations", List.of(Map.of("legalBasis", "UK GDPR Art. 6(1)",
                        "description", "Personal data used to train language models without a lawful basis"))));
    }

    private static void print(String label, Latencies run) {
        System.out.printf("%-52s %12.0f %10.2f %10.2f%n", label, run.perSecond(), run.percentileMillis(50),
                run.percentileMillis(99));
    }

    /**
     * The same rows an opened case writes, inserted one per transaction into a copy of the event table made by
     * {@code ddl} (the event store's own migrations: the table alone, or with the hash chain's trigger).
     */
    private static Latencies baseline(Connection admin, String jdbcUrl, String user, String ddl, int clients,
                                      int rows) throws Exception {
        byte[] payload;
        byte[] metaData;
        try (var statement = admin.createStatement();
             var sample = statement.executeQuery("""
                     SELECT payload, meta_data FROM event_store.domain_event_entry
                     WHERE payload_type = 'org.compliance.api.cases.CaseOpened' ORDER BY global_index DESC LIMIT 1""")) {
            if (!sample.next()) {
                throw new IllegalStateException("No CaseOpened event to copy for the baseline");
            }
            payload = sample.getBytes(1);
            metaData = sample.getBytes(2);
        }
        try (var statement = admin.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS bench_baseline CASCADE");
            statement.execute("CREATE SCHEMA bench_baseline");
            statement.execute("SET search_path TO bench_baseline");
            statement.execute(ddl);
            statement.execute("SET search_path TO DEFAULT");
        }
        List<Connection> connections = new ArrayList<>();
        try {
            for (int c = 0; c < clients; c++) {
                Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
                connection.setAutoCommit(true);
                connections.add(connection);
            }
            return ConcurrentRun.of(clients, rows, (client, index) -> insert(connections.get(client), payload, metaData));
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
            try (var statement = admin.createStatement()) {
                statement.execute("DROP SCHEMA bench_baseline CASCADE");
            }
        }
    }

    private static void insert(Connection connection, byte[] payload, byte[] metaData) throws SQLException {
        try (var insert = connection.prepareStatement("""
                INSERT INTO bench_baseline.domain_event_entry (event_identifier, aggregate_identifier,
                    sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                VALUES (?, ?, 0, 'InvestigationCase', ?, 'org.compliance.api.cases.CaseOpened', NULL, ?, ?)""")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, UUID.randomUUID().toString());
            insert.setString(3, java.time.Instant.now().toString());
            insert.setBytes(4, payload);
            insert.setBytes(5, metaData);
            insert.executeUpdate();
        }
    }

    static long countEvents(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
             var count = statement.executeQuery("SELECT count(*) FROM event_store.domain_event_entry")) {
            count.next();
            return count.getLong(1);
        }
    }
}
