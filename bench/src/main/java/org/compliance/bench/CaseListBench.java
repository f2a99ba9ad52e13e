package org.compliance.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Case-list queries at {@code BENCH_LIST_CASES} cases (100,000; {@code bench/run case-list-scale}: 1,000,000 in a
 * database of their own): each query through {@code GET /cases} (an investigator's token, so the confidentiality
 * clause is part of it) beside the equivalent SQL run straight against PostgreSQL in the same run. The cases are seeded
 * once as {@code CaseOpened} (and, for a third of them, {@code InvestigationStarted}) events in the event store, folded
 * into the views by case-service itself; later runs reuse them. The seed is skewed on purpose, as real workloads are:
 * Iris leads two thirds of the cases and one company ({@link #DOMINANT_RESPONDENT}) is the respondent of 70% of them,
 * and the queries ask for both the common and the rare value of each.
 */
public final class CaseListBench {

    static final String TITLE_PREFIX = "Bench case ";
    static final String[] AUTHORITIES = {"Information Commissioner's Office", "Competition and Markets Authority",
            "Department for Science, Innovation and Technology", "AI Security Institute"};
    static final String[] PRIORITIES = {"LOW", "NORMAL", "HIGH", "URGENT"};
    static final String[] WORDS = {"consent", "retention", "profiling", "scraping", "transfer", "biometric",
            "children", "cookies", "location", "breach"};
    static final String IRIS = "a5bb72b3-b814-5a1b-a5ea-d2e4cfa36c6b";
    static final String IVAN = "9f3121db-72e6-58b6-b6ba-d05bf07f25c1";
    /** The respondent of 70% of the seed (the rest spread over 49 others). */
    static final String DOMINANT_RESPONDENT = "bench-org-00";

    /** The respondent of seeded case {@code n}: skewed, one company answering most cases. */
    static int respondentOf(long n) {
        return n % 10 < 7 ? 0 : (int) (1 + n % 49);
    }

    /**
     * One list query: its HTTP parameters, and the same filters as SQL. {@code words}: the search's words, which the
     * baseline turns into a text query with case-service's own first statement ({@link #WORDS_SQL}), then matches
     * and, with {@code order} null, ranks by (as the service does); {@code order}: the list's order otherwise.
     */
    private record Query(String name, String httpQuery, String sqlWhere, List<Object> sqlParams, List<String> words,
                         String order) {

        Query(String name, String httpQuery, String sqlWhere, List<Object> sqlParams) {
            this(name, httpQuery, sqlWhere, sqlParams, List.of(), "c.opened_at desc, c.case_id desc");
        }
    }

    /** The columns case-service reads of a listed case (never the search documents). */
    static final String COLUMNS = "c.case_id, c.version, c.title, c.summary, c.authority, c.priority,"
            + " c.priority_rank, c.confidentiality, c.status, c.lead_investigator_id, c.lead_investigator_name,"
            + " c.respondent_names, c.members, c.legal_hold, c.awaiting_overdue_evidence, c.opened_at, c.updated_at,"
            + " c.document, c.search_text, c.respondent_search_text";

    /** case-service's text query of one word (CaseQueries.words): the word, or also the known words most like it. */
    static final String WORD_SQL = "to_tsquery('english', (select string_agg(t.word, ' | ')"
            + " from (select cast(? as text) as word union (select s.word"
            + " from case_service.case_search_word s where length(?) >= 4"
            + " and not exists (select 1 from case_service.case_search_word e where e.word = ?)"
            + " and s.word % ? and similarity(s.word, ?) >= 0.35"
            + " order by similarity(s.word, ?) desc, s.word limit 3)) t))";
    static final int WORD_SQL_PARAMS = 6;
    /** case-service's compliance.cases.ranked-matches: relevance ranks the newest this many matches. */
    static final int RANKED = 1000;

    private static final String RESPONDENT_SQL = " and exists (select 1 from case_service.case_party p"
            + " where p.case_id = c.case_id and p.role = 'RESPONDENT' and (p.organisation_alias = ?"
            + " or lower(p.name) like ? escape '!'))";

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        int cases = Integer.parseInt(env.getOrDefault("BENCH_LIST_CASES", "100000"));
        int rounds = Integer.parseInt(env.getOrDefault("BENCH_LIST_ROUNDS", "200"));
        int clients = Integer.parseInt(env.getOrDefault("BENCH_CLIENTS", "16"));
        String caseService = env.getOrDefault("BENCH_CASE_URL", "http://127.0.0.1:8081");
        String issuer = env.getOrDefault("BENCH_ISSUER", "http://127.0.0.1:8180/realms/compliance");
        String jdbcUrl = env.getOrDefault("BENCH_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/compliance");
        String dbUser = env.getOrDefault("BENCH_DB_USER", "postgres");

        try (Connection db = DriverManager.getConnection(jdbcUrl, dbUser, "")) {
            seed(db, cases);
            awaitViews(db, cases);
            // What autovacuum would do shortly after a bulk load; without it the planner works from the
            // statistics of an empty table, and index-only scans visit the rows (pages not yet all-visible).
            db.createStatement().execute(
                    "VACUUM ANALYZE case_service.case_view, case_service.case_party, case_service.case_search_word");
        }

        List<Query> queries = List.of(
                new Query("newest first (no filter)", "", "", List.of()),
                new Query("status = INVESTIGATING", "status=INVESTIGATING", " and c.status = ?", List.of("INVESTIGATING")),
                new Query("respondent of 70% of cases", "respondent=" + DOMINANT_RESPONDENT, RESPONDENT_SQL,
                        List.of(DOMINANT_RESPONDENT, "%" + DOMINANT_RESPONDENT + "%")),
                new Query("respondent of 0.6% of cases", "respondent=bench-org-07", RESPONDENT_SQL,
                        List.of("bench-org-07", "%bench-org-07%")),
                new Query("a word, newest first", "q=biometric&sort=OPENED_AT", " and c.staff_search @@ cast(? as tsquery)",
                        List.of(), List.of("biometric"), "c.opened_at desc, c.case_id desc"),
                new Query("two words, best match first", "q=case+biometric", " and c.staff_search @@ cast(? as tsquery)",
                        List.of(), List.of("case", "biometric"), null),
                new Query("a typo, best match first", "q=biometrik", " and c.staff_search @@ cast(? as tsquery)",
                        List.of(), List.of("biometrik"), null),
                new Query("respondent by name", "respondent=organisation+07", " and exists (select 1 from"
                        + " case_service.case_party p where p.case_id = c.case_id and p.role = 'RESPONDENT'"
                        + " and (p.organisation_alias = ? or lower(p.name) like ? escape '!'))",
                        List.of("organisation 07", "%organisation 07%")),
                new Query("sorted by title", "sort=TITLE&direction=asc", "", List.of(), List.of(),
                        "c.title asc, c.case_id asc"),
                new Query("assignee + priority", "assignee=" + IVAN + "&priority=HIGH", " and c.priority = ? and c.members like ?",
                        List.of("HIGH", "% " + IVAN + " %")),
                new Query("lead of 2/3 of cases + priority", "assignee=" + IRIS + "&priority=HIGH",
                        " and c.priority = ? and c.members like ?", List.of("HIGH", "% " + IRIS + " %")),
                new Query("authority + opened in a month", "authority="
                        + URLEncoder.encode(AUTHORITIES[1], StandardCharsets.UTF_8)
                        + "&openedFrom=2025-06-01T00:00:00Z&openedTo=2025-07-01T00:00:00Z",
                        " and c.authority = ? and c.opened_at >= ? and c.opened_at < ?",
                        List.of(AUTHORITIES[1], Timestamp.from(Instant.parse("2025-06-01T00:00:00Z")),
                                Timestamp.from(Instant.parse("2025-07-01T00:00:00Z")))),
                new Query("page 100 of the newest", "page=100", "", List.of()));

        // Every case the store holds is listed, the other benches' too (the replay bench's fill it to a million events)
        long listed = countViews(jdbcUrl, dbUser);
        System.out.printf("Case list at %,d cases: %d clients, %d requests per query (after %d warm-up)%n",
                listed, clients, rounds, rounds / 4);
        System.out.printf("%-32s %10s %10s %12s %10s %10s%n", "query", "REST p50", "REST p99", "", "SQL p50", "SQL p99");
        for (Query query : queries) {
            // a token per query: a slow run outlasts one token's lifetime
            String token = Tokens.password(issuer, "iris.investigator");
            String url = caseService + "/cases?size=20" + (query.httpQuery().isEmpty() ? "" : "&" + query.httpQuery());
            ConcurrentRun.Operation rest = (client, index) -> get(url, token);
            int offset = query.httpQuery().startsWith("page=") ? 2000 : 0;
            List<Connection> connections = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                connections.add(DriverManager.getConnection(jdbcUrl, dbUser, ""));
            }
            String where = " where 1 = 1" + query.sqlWhere() + " and (c.confidentiality = 'STANDARD' or c.members like ?)";
            // relevance as case-service ranks (decision 30): the newest RANKED matches, best first
            String sql = query.order() == null
                    ? "select " + COLUMNS + " from (select " + COLUMNS + ", row_number() over (order by c.opened_at desc,"
                    + " c.case_id desc) as recency, ts_rank(c.staff_search, cast(? as tsquery)) as relevance"
                    + " from case_service.case_view c" + where + " order by c.opened_at desc, c.case_id desc limit "
                    + Math.max(RANKED, offset + 20) + ") c order by case when c.recency <= " + RANKED
                    + " then c.relevance end desc nulls last, c.recency limit 20 offset " + offset
                    : "select " + COLUMNS + " from case_service.case_view c" + where + " order by " + query.order()
                    + " limit 20 offset " + offset;
            ConcurrentRun.Operation direct = (client, index) -> select(connections.get(client), sql, query);
            ConcurrentRun.of(clients, rounds / 4, rest);
            ConcurrentRun.of(clients, rounds / 4, direct);
            Latencies viaRest = ConcurrentRun.of(clients, rounds, rest);
            Latencies viaSql = ConcurrentRun.of(clients, rounds, direct);
            for (Connection connection : connections) {
                connection.close();
            }
            System.out.printf("%-32s %8.2fms %8.2fms %12s %8.2fms %8.2fms%n", query.name(),
                    viaRest.percentileMillis(50), viaRest.percentileMillis(99), "",
                    viaSql.percentileMillis(50), viaSql.percentileMillis(99));
            Results.record("Case list at " + listed + " cases (" + cases + " seeded)", query.name() + ", p99 vs SQL",
                    viaRest.percentileMillis(99), viaSql.percentileMillis(99), "ms", false,
                    "p99 under 100 ms, at most 2x SQL");
        }
    }

    static void get(String url, String token) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestProperty("Authorization", "Bearer " + token);
        int status = connection.getResponseCode();
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            if (in != null) {
                in.readAllBytes();
            }
        }
        if (status != 200) {
            throw new IllegalStateException("GET " + url + " answered " + status);
        }
    }

    private static void select(Connection connection, String sql, Query query) throws SQLException {
        String textQuery = query.words().isEmpty() ? null : textQuery(connection, query.words());
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            if (textQuery != null && query.order() == null) {
                statement.setString(i++, textQuery); // the rank, in the select list
            }
            for (Object param : query.sqlParams()) {
                statement.setObject(i++, param);
            }
            if (textQuery != null) {
                statement.setString(i++, textQuery);
            }
            statement.setString(i, "% " + IRIS + " %");
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    rows.getString("document");
                }
            }
        }
    }

    /** The search's words as case-service's first statement makes them one text query. */
    private static String textQuery(Connection connection, List<String> words) throws SQLException {
        String sql = "select cast(" + String.join(" && ", java.util.Collections.nCopies(words.size(), WORD_SQL))
                + " as text)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            for (String word : words) {
                for (int p = 0; p < WORD_SQL_PARAMS; p++) {
                    statement.setString(i++, word);
                }
            }
            try (var row = statement.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    /** Appends the missing bench cases as events, in batches, exactly as case-service would store them. */
    static void seed(Connection db, int wanted) throws Exception {
        long existing;
        try (var count = db.createStatement().executeQuery("SELECT count(*) FROM event_store.domain_event_entry "
                + "WHERE aggregate_identifier ~ '^bench-[0-9]+$' AND sequence_number = 0")) {
            count.next();
            existing = count.getLong(1);
        }
        if (existing >= wanted) {
            System.out.printf("Seed: %,d bench cases already in the event store%n", existing);
            return;
        }
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        byte[] metaData = json.writeValueAsBytes(Map.of("actorSubject", "bench", "actorName", "Benchmark seed",
                "actorRoles", List.of("investigator"), "correlationId", UUID.randomUUID().toString()));
        db.setAutoCommit(false);
        Instant start = Instant.now();
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                    type, time_stamp, payload_type, payload_revision, payload, meta_data)
                VALUES (?, ?, ?, 'InvestigationCase', ?, ?, NULL, ?, ?)""")) {
            for (long n = existing; n < wanted; n++) {
                String caseId = "bench-" + n;
                Instant openedAt = Instant.parse("2024-11-01T00:00:00Z").plus(Duration.ofMinutes(n * 7 % 1_051_200));
                String word = WORDS[(int) (n % WORDS.length)];
                String lead = n % 3 == 0 ? IVAN : IRIS;
                Map<String, Object> opened = new LinkedHashMap<>();
                opened.put("caseId", caseId);
                opened.put("title", TITLE_PREFIX + n + ": " + word);
                opened.put("summary", "Synthetic case about " + word + " for the list benchmark");
                opened.put("authority", AUTHORITIES[(int) (n % AUTHORITIES.length)]);
                opened.put("legalBases", List.of("UK GDPR"));
                opened.put("priority", PRIORITIES[(int) (n / 7 % PRIORITIES.length)]);
                opened.put("confidentiality", n % 10 == 0 ? "RESTRICTED" : "STANDARD");
                int respondent = respondentOf(n);
                opened.put("respondents", List.of(Map.of("organisationAlias", "bench-org-%02d".formatted(respondent),
                        "name", "Bench Organisation %02d Ltd".formatted(respondent))));
                opened.put("complainants", List.of());
                opened.put("allegations", List.of(Map.of("allegationId", "A1", "legalBasis", "UK GDPR Art. 6(1)",
                        "description", "Synthetic allegation")));
                opened.put("leadInvestigator", Map.of("userId", lead, "name", lead.equals(IVAN) ? "Ivan Investigator"
                        : "Iris Investigator"));
                opened.put("openedAt", openedAt.toString());
                add(insert, caseId, 0, openedAt, "org.compliance.api.cases.CaseOpened", json.writeValueAsBytes(opened),
                        metaData);
                if (n % 3 == 1) {
                    add(insert, caseId, 1, openedAt.plusSeconds(3600), "org.compliance.api.cases.InvestigationStarted",
                            json.writeValueAsBytes(Map.of("caseId", caseId)), metaData);
                }
                if ((n + 1) % 5000 == 0) {
                    insert.executeBatch();
                    db.commit();
                    System.out.printf("Seed: %,d of %,d cases appended%n", n + 1, wanted);
                }
            }
            insert.executeBatch();
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
        System.out.printf("Seed: appended in %s%n", Duration.between(start, Instant.now()));
    }

    private static void add(PreparedStatement insert, String caseId, long sequence, Instant at, String type,
                            byte[] payload, byte[] metaData) throws SQLException {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setString(2, caseId);
        insert.setLong(3, sequence);
        insert.setString(4, at.toString());
        insert.setString(5, type);
        insert.setBytes(6, payload);
        insert.setBytes(7, metaData);
        insert.addBatch();
    }

    /** Waits, reporting progress, until case-service's projection has folded every bench case in. */
    static void awaitViews(Connection db, int wanted) throws Exception {
        long last = -1;
        while (true) {
            long built;
            try (var count = db.createStatement().executeQuery(
                    "SELECT count(*) FROM case_service.case_view WHERE case_id ~ '^bench-[0-9]+$'")) {
                count.next();
                built = count.getLong(1);
            }
            if (built >= wanted) {
                return;
            }
            if (built != last) {
                System.out.printf("Views: %,d of %,d bench cases folded in by case-service%n", built, wanted);
                last = built;
            }
            Thread.sleep(2000);
        }
    }

    private static long countViews(String jdbcUrl, String user) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, "");
             var count = db.createStatement().executeQuery("SELECT count(*) FROM case_service.case_view")) {
            count.next();
            return count.getLong(1);
        }
    }
}
