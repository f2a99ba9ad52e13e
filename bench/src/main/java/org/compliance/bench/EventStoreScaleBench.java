package org.compliance.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.postgresql.PGConnection;

/**
 * The event store at the sizes a regulator reaches: a store of each size in {@code BENCH_SCALE_STAGES} (default
 * 100,000, 1,000,000 and 10,000,000 events) is seeded once into its own schema of its own database, through the
 * event store's own migrations (hash-chain trigger included), and kept for later runs. For each size the same
 * operations are measured: appending the next event of an existing case (single-row commits, the trigger
 * chaining it), loading a case's events as an aggregate does, a tracking processor's batch read from a random
 * position, and the size of the tables and their indexes. The smallest store is the baseline: a ratio near 1
 * says the operation does not grow with the store.
 */
public final class EventStoreScaleBench {

    private static final String PAYLOAD_TYPE = "org.compliance.api.cases.CaseNoteAdded";
    private static final HexFormat HEX = HexFormat.of();

    record Figures(long events, Latencies append, Latencies load, Latencies tracking, long tableBytes,
                   long indexBytes, long chainBytes) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        String jdbcUrl = env.getOrDefault("BENCH_SCALE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/compliance_scale");
        String user = env.getOrDefault("BENCH_DB_USER", "postgres");
        Path migrations = Path.of(env.getOrDefault("BENCH_EVENT_STORE_MIGRATIONS",
                "platform/src/main/resources/db/event-store"));
        int perCase = Integer.parseInt(env.getOrDefault("BENCH_SCALE_EVENTS_PER_CASE", "20"));
        int clients = Integer.parseInt(env.getOrDefault("BENCH_CLIENTS", "8"));
        int operations = Integer.parseInt(env.getOrDefault("BENCH_SCALE_OPERATIONS", "4000"));
        List<Long> stages = new ArrayList<>();
        for (String stage : env.getOrDefault("BENCH_SCALE_STAGES", "100000,1000000,10000000").split(",")) {
            stages.add(Long.parseLong(stage.trim()));
        }
        System.out.printf("Event store at scale: stores of %s events (%d per case), %d clients, %d operations each%n",
                stages, perCase, clients, operations);

        List<Figures> figures = new ArrayList<>();
        for (long events : stages) {
            String schema = "event_store_" + events;
            try (Connection admin = DriverManager.getConnection(jdbcUrl, user, "")) {
                seed(admin, schema, migrations, events, perCase);
                analyze(admin, schema);
            }
            figures.add(measure(jdbcUrl, user, schema, perCase, clients, operations));
        }
        report(figures);
    }

    /** Creates the schema with the event store's migrations and appends events until it holds {@code events}. */
    private static void seed(Connection admin, String schema, Path migrations, long events, int perCase)
            throws SQLException, IOException {
        try (var statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            statement.execute("SET search_path TO " + schema);
            try (ResultSet exists = statement.executeQuery(
                    "SELECT 1 FROM pg_tables WHERE schemaname = '" + schema + "' AND tablename = 'domain_event_entry'")) {
                if (!exists.next()) {
                    for (String migration : List.of("V1__create_event_store.sql", "V2__event_hash_chain.sql",
                            "V3__index_evidence_requests_by_case.sql")) {
                        statement.execute(Files.readString(migrations.resolve(migration)));
                    }
                }
            }
        }
        long present = count(admin, schema);
        if (present >= events) {
            System.out.printf("  %s: %,d events present (seeded before)%n", schema, present);
            return;
        }
        // Cases are seeded in blocks, their events interleaved within a block, as a live store interleaves them.
        // The chain is computed here, with the trigger's own function (checked against it below), and copied in beside
        // the events: the trigger's per-row work would make seeding ten million events take hours on a small machine.
        // Appends measured later go through the trigger.
        int casesPerBlock = 2_000;
        long eventsPerBlock = (long) casesPerBlock * perCase;
        long firstBlock = present / eventsPerBlock;
        long blocks = (events + eventsPerBlock - 1) / eventsPerBlock;
        byte[] payload = payload();
        byte[] metaData = ("{\"traceId\":\"" + UUID.randomUUID() + "\",\"correlationId\":\"" + UUID.randomUUID()
                + "\",\"userId\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
        String payloadHex = "\\\\x" + HEX.formatHex(payload);
        String metaHex = "\\\\x" + HEX.formatHex(metaData);
        long started = System.nanoTime();
        try (var statement = admin.createStatement()) {
            statement.execute("ALTER TABLE " + schema + ".domain_event_entry DISABLE TRIGGER event_chain_linked");
        }
        admin.setAutoCommit(false);
        var copy = admin.unwrap(PGConnection.class).getCopyAPI();
        for (long block = firstBlock; block < blocks; block++) {
            StringBuilder rows = new StringBuilder((int) eventsPerBlock * 1_900);
            StringBuilder chain = new StringBuilder((int) eventsPerBlock * 220);
            byte[][] previous = new byte[casesPerBlock][];
            Instant moment = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(block * 3_600);
            for (int sequence = 0; sequence < perCase; sequence++) {
                for (int c = 0; c < casesPerBlock; c++) {
                    String eventId = UUID.randomUUID().toString();
                    String aggregate = "scale-" + (block * casesPerBlock + c);
                    String timeStamp = moment.plusMillis((long) sequence * casesPerBlock + c).toString();
                    rows.append(eventId).append('\t').append(aggregate).append('\t').append(sequence)
                            .append("\tInvestigationCase\t").append(timeStamp).append('\t')
                            .append(PAYLOAD_TYPE).append("\t\\N\t")
                            .append(payloadHex).append('\t').append(metaHex).append('\n');
                    byte[] hash = ChainHash.of(eventId, "InvestigationCase", aggregate, sequence, timeStamp,
                            PAYLOAD_TYPE, null, payload, metaData, previous[c]);
                    chain.append(aggregate).append('\t').append(sequence).append('\t').append(eventId).append('\t')
                            .append("\\\\x").append(HEX.formatHex(hash)).append('\t')
                            .append(previous[c] == null ? "\\N" : "\\\\x" + HEX.formatHex(previous[c])).append('\n');
                    previous[c] = hash;
                }
            }
            copy.copyIn("COPY " + schema + ".domain_event_entry (event_identifier, aggregate_identifier, "
                    + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) "
                    + "FROM STDIN", (Reader) new StringReader(rows.toString()));
            copy.copyIn("COPY " + schema + ".event_chain (aggregate_identifier, sequence_number, event_identifier, "
                    + "hash, previous_hash) FROM STDIN", (Reader) new StringReader(chain.toString()));
            admin.commit();
            long done = (block + 1) * eventsPerBlock;
            double seconds = (System.nanoTime() - started) / 1e9;
            if ((block + 1) % 25 == 0 || block + 1 == blocks) {
                System.out.printf("  %s: %,d of %,d events (%,.0f per second)%n", schema, done, blocks * eventsPerBlock,
                        (done - firstBlock * eventsPerBlock) / seconds);
            }
        }
        admin.setAutoCommit(true);
        try (var statement = admin.createStatement()) {
            statement.execute("ALTER TABLE " + schema + ".domain_event_entry ENABLE TRIGGER event_chain_linked");
        }
        analyze(admin, schema);
        try (var statement = admin.createStatement()) {
            // The seeded chain must be the one the trigger and the auditors compute: a sample is checked against the
            // store's own function.
            try (ResultSet sample = statement.executeQuery("SELECT count(*) FILTER (WHERE " + schema
                    + ".event_chain_hash(e, c.previous_hash) = c.hash), count(*) FROM " + schema + ".event_chain c JOIN "
                    + schema + ".domain_event_entry e USING (aggregate_identifier, sequence_number) "
                    + "WHERE c.aggregate_identifier IN ('scale-0', 'scale-1', 'scale-" + (blocks * casesPerBlock - 1)
                    + "')")) {
                sample.next();
                if (sample.getLong(2) != 3L * perCase || sample.getLong(1) != sample.getLong(2)) {
                    throw new IllegalStateException("The seeded chain differs from the store's own hash function: "
                            + sample.getLong(1) + " of " + sample.getLong(2) + " sampled links match");
                }
            }
        }
    }

    /** A case note of the size a real one has (about 600 bytes of JSON). */
    private static byte[] payload() {
        String text = "The respondent's data protection officer confirmed by telephone that the training data set "
                + "was compiled from customer support transcripts between March and September; the transcripts "
                + "were not pseudonymised before use. Follow-up: ask for the data protection impact assessment "
                + "and the retention schedule for the transcripts.";
        return ("{\"caseId\":\"" + UUID.randomUUID() + "\",\"noteId\":\"" + UUID.randomUUID()
                + "\",\"text\":\"" + text + "\",\"author\":\"" + UUID.randomUUID()
                + "\",\"addedAt\":\"2026-11-30T10:15:00Z\",\"visibility\":\"TEAM\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static void analyze(Connection admin, String schema) throws SQLException {
        try (var statement = admin.createStatement()) {
            statement.execute("ANALYZE " + schema + ".domain_event_entry");
            statement.execute("ANALYZE " + schema + ".event_chain");
        }
    }

    private static Figures measure(String jdbcUrl, String user, String schema, int perCase, int clients,
                                   int operations) throws Exception {
        List<Connection> connections = new ArrayList<>();
        try {
            for (int c = 0; c < clients; c++) {
                Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
                connection.setAutoCommit(true);
                connections.add(connection);
            }
            byte[] payload = payload();
            long head = head(connections.get(0), schema);
            long seededCases = head / perCase;
            // A first, unmeasured pass of each operation, so that no size is measured with a colder cache than another.
            ConcurrentRun.of(clients, operations / 4, (client, i) -> load(connections.get(client), schema, seededCases));
            ConcurrentRun.of(clients, operations / 4, (client, i) -> track(connections.get(client), schema, head));
            Latencies load = ConcurrentRun.of(clients, operations,
                    (client, i) -> load(connections.get(client), schema, seededCases));
            Latencies tracking = ConcurrentRun.of(clients, operations,
                    (client, i) -> track(connections.get(client), schema, head));
            // The next event of existing cases, each case once per run: the trigger reads its previous hash.
            long firstCase = ThreadLocalRandom.current().nextLong(Math.max(1, seededCases - operations));
            Latencies append = ConcurrentRun.of(clients, operations,
                    (client, i) -> append(connections.get(client), schema, "scale-" + (firstCase + i), payload));
            // The appended events are removed again, so that every run measures the store at its nominal size.
            for (String table : List.of("event_chain", "domain_event_entry")) {
                try (PreparedStatement delete = connections.get(0).prepareStatement("DELETE FROM " + schema + "."
                        + table + " WHERE aggregate_identifier = ANY (?) AND sequence_number >= ?")) {
                    String[] appendedTo = new String[operations];
                    for (int i = 0; i < operations; i++) {
                        appendedTo[i] = "scale-" + (firstCase + i);
                    }
                    delete.setArray(1, connections.get(0).createArrayOf("varchar", appendedTo));
                    delete.setLong(2, perCase);
                    delete.executeUpdate();
                }
            }
            Connection sizes = connections.get(0);
            return new Figures(head, append, load, tracking, size(sizes, "pg_table_size", schema + ".domain_event_entry"),
                    size(sizes, "pg_indexes_size", schema + ".domain_event_entry"),
                    size(sizes, "pg_total_relation_size", schema + ".event_chain"));
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    /** What Axon's JDBC storage engine asks to source an aggregate: its events in order, from the first. */
    private static void load(Connection connection, String schema, long cases) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT global_index, event_identifier, "
                + "sequence_number, time_stamp, payload_type, payload_revision, payload, meta_data FROM " + schema
                + ".domain_event_entry WHERE aggregate_identifier = ? AND sequence_number >= ? "
                + "ORDER BY sequence_number ASC LIMIT 100")) {
            select.setString(1, "scale-" + ThreadLocalRandom.current().nextLong(cases));
            select.setLong(2, 0);
            drain(select);
        }
    }

    /** A tracking processor's batch: the next 100 events after a token's position. */
    private static void track(Connection connection, String schema, long head) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT global_index, event_identifier, "
                + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload, "
                + "meta_data FROM " + schema + ".domain_event_entry WHERE global_index > ? AND global_index <= ? "
                + "ORDER BY global_index ASC LIMIT 100")) {
            long from = ThreadLocalRandom.current().nextLong(Math.max(1, head - 100));
            select.setLong(1, from);
            select.setLong(2, from + 100);
            drain(select);
        }
    }

    private static void append(Connection connection, String schema, String aggregate, byte[] payload)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema + ".domain_event_entry "
                + "(event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, "
                + "payload_revision, payload, meta_data) SELECT ?, ?, coalesce(max(sequence_number), -1) + 1, "
                + "'InvestigationCase', ?, ?, NULL, ?, ? FROM " + schema + ".domain_event_entry "
                + "WHERE aggregate_identifier = ?")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, aggregate);
            insert.setString(3, Instant.now().toString());
            insert.setString(4, PAYLOAD_TYPE);
            insert.setBytes(5, payload);
            insert.setBytes(6, "{}".getBytes(StandardCharsets.UTF_8));
            insert.setString(7, aggregate);
            insert.executeUpdate();
        }
    }

    private static void drain(PreparedStatement select) throws SQLException {
        int rows = 0;
        try (ResultSet result = select.executeQuery()) {
            while (result.next()) {
                result.getBytes("payload");
                rows++;
            }
        }
        if (rows == 0) {
            throw new IllegalStateException("A read of the seeded store found no event");
        }
    }

    /** The number of events: the global index has no gaps in a seeded store, so its maximum counts them. */
    private static long count(Connection connection, String schema) throws SQLException {
        return head(connection, schema);
    }

    private static long head(Connection connection, String schema) throws SQLException {
        try (var statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT coalesce(max(global_index), 0) FROM " + schema
                     + ".domain_event_entry")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static long size(Connection connection, String function, String table) throws SQLException {
        try (var statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT " + function + "('" + table + "')")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void report(List<Figures> figures) {
        Figures baseline = figures.get(0);
        System.out.println();
        System.out.println("| events in store | append/s | append p99 ms | load case p50 ms | load p99 ms "
                + "| tracking batch p50 ms | tracking p99 ms | events table | its indexes | hash chain |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Figures f : figures) {
            System.out.printf("| %,d | %,.0f | %.1f | %.2f | %.2f | %.2f | %.2f | %s | %s | %s |%n", f.events(),
                    f.append().perSecond(), f.append().percentileMillis(99), f.load().percentileMillis(50),
                    f.load().percentileMillis(99), f.tracking().percentileMillis(50),
                    f.tracking().percentileMillis(99), gib(f.tableBytes()), gib(f.indexBytes()), gib(f.chainBytes()));
        }
        Figures largest = figures.get(figures.size() - 1);
        System.out.printf("%nAt %,d events against %,d: appends %.0f%%, case loads (p99) %.1fx, tracking batches (p99) "
                        + "%.1fx%n", largest.events(), baseline.events(),
                100 * largest.append().perSecond() / baseline.append().perSecond(),
                largest.load().percentileMillis(99) / baseline.load().percentileMillis(99),
                largest.tracking().percentileMillis(99) / baseline.tracking().percentileMillis(99));
    }

    private static String gib(long bytes) {
        return bytes >= 1L << 30 ? String.format("%.2f GiB", bytes / (double) (1L << 30))
                : String.format("%.0f MiB", bytes / (double) (1L << 20));
    }
}
