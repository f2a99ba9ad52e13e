package org.compliance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Notification latency: from an event's commit to its notification being visible in the inbox, under the
 * append load of {@link OpenCasesBench} (the same {@code POST /cases}, the same clients). Beside it, in the
 * same run and over the same events, a raw JDBC poller of the event table at the processor's poll interval.
 *
 * <p>Every moment is taken in this JVM ({@code System.nanoTime}), never from a service's clock. The commit of
 * each {@code CaseOpened} is estimated as the earlier of: the 201 arriving (the event commits before
 * case-service answers), and the event row first returned by a <em>commit watcher</em> querying the event
 * table every {@code BENCH_WATCH_MS} (10 ms). PostgreSQL's commit timestamps would be exact but are off on
 * the local server ({@code track_commit_timestamp}). Then, on their own connections:
 * <ul>
 *   <li>the inbox through {@code LISTEN inbox_notification}: notification-service's trigger NOTIFYs every
 *       inbox row, and PostgreSQL delivers it when the row's transaction commits, i.e. when it becomes
 *       visible to any inbox query; no polling granularity;</li>
 *   <li>the inbox by query every {@code BENCH_WATCH_MS}, the same granularity as the commit watcher, so that
 *       the two sampling delays cancel on average (a cross-check of the first);</li>
 *   <li>the raw poller: {@code SELECT ... FROM event_store.domain_event_entry WHERE global_index > ?} every
 *       {@code BENCH_POLL_MS}.</li>
 * </ul>
 * Both event-table pollers are gap-aware as Axon's token is: an index skipped over (a concurrent
 * transaction that had its index but had not committed yet) is asked for again until it appears.
 */
public final class NotificationLatencyBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CASE_OPENED = "org.compliance.api.cases.CaseOpened";
    private static final long GAP_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

    /** A case whose 201 has arrived, for the inbox watcher to look for. */
    private record Opened(String caseId, long sentWallMillis) {
    }

    /** One phase (warm-up or measured): per case, when it was sent, when its 201 arrived, and its id. */
    private record Phase(long[] sentNanos, long[] createdNanos, String[] caseIds) {
        Phase(int cases) {
            this(new long[cases], new long[cases], new String[cases]);
        }
    }

    /** When each observer first saw each case (by case id), and how many queries it made. */
    private record Sightings(Map<String, Long> at, AtomicLong queries) {
        Sightings() {
            this(new ConcurrentHashMap<>(), new AtomicLong());
        }
    }

    private final Sightings commits = new Sightings();
    private final Sightings listened = new Sightings();
    private final Sightings watched = new Sightings();
    private final Sightings rawPolled = new Sightings();
    private final ConcurrentLinkedQueue<Opened> toWatch = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;
    private volatile String observerFailure;

    public static void main(String[] args) throws Exception {
        new NotificationLatencyBench().run(System.getenv());
    }

    private void run(Map<String, String> env) throws Exception {
        int clients = Integer.parseInt(env.getOrDefault("BENCH_CLIENTS", "16"));
        int cases = Integer.parseInt(env.getOrDefault("BENCH_LATENCY_CASES", "2000"));
        int warmup = Integer.parseInt(env.getOrDefault("BENCH_LATENCY_WARMUP", "200"));
        // The default of compliance.axon.poll-interval (platform AxonSettings), which the local suite runs with.
        long pollMillis = Long.parseLong(env.getOrDefault("BENCH_POLL_MS", "100"));
        long watchMillis = Long.parseLong(env.getOrDefault("BENCH_WATCH_MS", "10"));
        long drainSeconds = Long.parseLong(env.getOrDefault("BENCH_LATENCY_DRAIN_S", "120"));
        String caseService = env.getOrDefault("BENCH_CASE_URL", "http://127.0.0.1:8081");
        String notificationService = env.getOrDefault("BENCH_NOTIFICATION_URL", "http://127.0.0.1:8083");
        String issuer = env.getOrDefault("BENCH_ISSUER", "http://127.0.0.1:8180/realms/compliance");
        String jdbcUrl = env.getOrDefault("BENCH_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/compliance");
        String dbUser = env.getOrDefault("BENCH_DB_USER", "postgres");

        System.out.printf("Notification latency: %d clients, %d cases (after %d warm-up), against %s;%n"
                        + "  raw poller every %d ms (the processor's poll interval); commit and inbox watchers every "
                        + "%d ms%n", clients, cases, warmup, caseService, pollMillis, watchMillis);
        String token = Tokens.password(issuer, "iris.investigator");
        String recipient = subjectOf(token);
        // Iris opens the cases and so leads them herself: staff are not told of their own actions unless they
        // choose to be, and the notice measured here is that one
        notifyOfOwnActions(notificationService, token);
        byte[] body = OpenCasesBench.openCaseBody();
        URL openCaseUrl = URI.create(caseService + "/cases").toURL();

        try (Connection connection = DriverManager.getConnection(jdbcUrl, dbUser, "");
             var statement = connection.createStatement();
             var setting = statement.executeQuery("SHOW track_commit_timestamp")) {
            setting.next();
            System.out.printf("  track_commit_timestamp = %s: commit = the earlier of the 201 and the commit "
                    + "watcher's first sight%n", setting.getString(1));
        }

        List<Thread> observers = List.of(
                observer("commit-watcher", () -> pollEvents(jdbcUrl, dbUser, watchMillis, commits)),
                observer("raw-poller", () -> pollEvents(jdbcUrl, dbUser, pollMillis, rawPolled)),
                observer("inbox-listener", () -> listen(jdbcUrl, dbUser)),
                observer("inbox-watcher", () -> watchInbox(jdbcUrl, dbUser, recipient, watchMillis)));
        observers.forEach(Thread::start);
        try {
            Thread.sleep(500); // the LISTEN and the pollers' starting positions are in place
            Phase warm = new Phase(warmup);
            ConcurrentRun.of(clients, warmup, opener(openCaseUrl, token, body, warm));
            int warmMissing = awaitSeen(warm, drainSeconds);
            System.out.printf("  warm-up: %d cases, %s%n", warmup,
                    warmMissing == 0 ? "all notified before the measured run" : warmMissing + " NOT SEEN");

            long queriesBefore = rawPolled.queries().get();
            Phase measured = new Phase(cases);
            Latencies requests = ConcurrentRun.of(clients, cases, opener(openCaseUrl, token, body, measured));
            int missing = awaitSeen(measured, drainSeconds);
            report(measured, requests, missing, pollMillis, watchMillis, rawPolled.queries().get() - queriesBefore);
        } finally {
            running = false;
            for (Thread observer : observers) {
                observer.join(5000);
            }
        }
        if (observerFailure != null) {
            throw new IllegalStateException("An observer failed: " + observerFailure);
        }
    }

    private static void notifyOfOwnActions(String notificationService, String token) throws Exception {
        byte[] body = "{\"switchedOff\":[],\"dailyDigest\":false,\"notifyOfOwnActions\":true}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpURLConnection put = (HttpURLConnection) URI.create(notificationService + "/me/preferences").toURL()
                .openConnection();
        put.setRequestMethod("PUT");
        put.setDoOutput(true);
        put.setRequestProperty("Authorization", "Bearer " + token);
        put.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = put.getOutputStream()) {
            out.write(body);
        }
        int status = put.getResponseCode();
        if (status != 200) {
            throw new IllegalStateException("PUT /me/preferences answered " + status);
        }
    }

    private ConcurrentRun.Operation opener(URL url, String token, byte[] body, Phase phase) {
        return (client, index) -> {
            HttpURLConnection post = (HttpURLConnection) url.openConnection();
            post.setRequestMethod("POST");
            post.setDoOutput(true);
            post.setRequestProperty("Authorization", "Bearer " + token);
            post.setRequestProperty("Content-Type", "application/json");
            post.setFixedLengthStreamingMode(body.length);
            long sentWall = System.currentTimeMillis();
            phase.sentNanos()[index] = System.nanoTime();
            try (OutputStream out = post.getOutputStream()) {
                out.write(body);
            }
            int status = post.getResponseCode();
            long created = System.nanoTime();
            String location = post.getHeaderField("Location");
            try (InputStream in = status < 400 ? post.getInputStream() : post.getErrorStream()) {
                if (in != null) {
                    in.readAllBytes();
                }
            }
            if (status != 201 || location == null) {
                throw new IllegalStateException("POST /cases answered " + status);
            }
            String caseId = location.substring(location.lastIndexOf('/') + 1);
            phase.createdNanos()[index] = created;
            phase.caseIds()[index] = caseId;
            toWatch.add(new Opened(caseId, sentWall));
        };
    }

    /** Waits until every case of the phase was seen by every observer; answers how many were not. */
    private int awaitSeen(Phase phase, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Sightings> all = List.of(commits, listened, watched, rawPolled);
        while (true) {
            int missing = 0;
            for (String caseId : phase.caseIds()) {
                if (all.stream().anyMatch(observer -> !observer.at().containsKey(caseId))) {
                    missing++;
                }
            }
            if (missing == 0 || System.nanoTime() > deadline || observerFailure != null) {
                return missing;
            }
            Thread.sleep(50);
        }
    }

    private void report(Phase phase, Latencies requests, int missing, long pollMillis, long watchMillis,
                        long rawPolls) {
        int n = phase.caseIds().length;
        double seconds = requests.elapsedNanos() / 1e9;
        System.out.printf("  opened %d cases in %.2f s (%.0f per second); POST /cases p50 %.1f ms, p99 %.1f ms%n",
                n, seconds, n / seconds, requests.percentileMillis(50), requests.percentileMillis(99));
        // The commit moment: the earlier of the 201 and the commit watcher's first sight of the event row.
        long[] committed = new long[n];
        long[] answerAfterSight = new long[n];
        int byWatcher = 0;
        for (int i = 0; i < n; i++) {
            Long sighted = commits.at().get(phase.caseIds()[i]);
            committed[i] = sighted == null ? phase.createdNanos()[i] : Math.min(sighted, phase.createdNanos()[i]);
            answerAfterSight[i] = sighted == null ? 0 : phase.createdNanos()[i] - sighted;
            if (sighted != null && sighted < phase.createdNanos()[i]) {
                byWatcher++;
            }
        }
        Latencies answer = new Latencies(answerAfterSight, 0, n);
        System.out.printf("  the commit watcher saw %d of %d events before their 201 arrived; 201 minus its sight: "
                        + "p50 %.1f ms, p99 %.1f ms%n", byWatcher, n, answer.percentileMillis(50),
                answer.percentileMillis(99));
        long lastCommitted = Arrays.stream(committed).max().orElse(0);
        long lastNotified = Arrays.stream(phase.caseIds()).map(listened.at()::get).filter(t -> t != null)
                .mapToLong(Long::longValue).max().orElse(lastCommitted);
        System.out.printf("  last notification %.0f ms after the last commit; raw poller: %d polls%n",
                (lastNotified - lastCommitted) / 1e6, rawPolls);
        if (missing > 0) {
            System.out.printf("  %d cases NOT SEEN by every observer (latencies below are of those seen)%n", missing);
        }

        Latencies notification = latencies(phase, committed, listened, 0, n);
        Latencies inboxQuery = latencies(phase, committed, watched, 0, n);
        Latencies raw = latencies(phase, committed, rawPolled, 0, n);
        System.out.println();
        System.out.printf("%-50s %9s %9s %9s %9s %9s%n", "from commit to first seen", "seen", "negative",
                "p50 ms", "p99 ms", "max ms");
        print("Notification: inbox row committed (LISTEN)", notification, n);
        print("Notification: inbox row by query every " + watchMillis + " ms", inboxQuery, n);
        print("Raw JDBC poller of the event table, every " + pollMillis + " ms", raw, n);

        System.out.println();
        System.out.println("p50 / p99 ms by quarter of the measured run (cases in order of commit):");
        for (int q = 0; q < 4; q++) {
            Latencies quarter = latencies(phase, committed, listened, q * n / 4, (q + 1) * n / 4);
            Latencies rawQuarter = latencies(phase, committed, rawPolled, q * n / 4, (q + 1) * n / 4);
            System.out.printf("  Q%d: notification %6.1f / %6.1f, raw poller %6.1f / %6.1f%n", q + 1,
                    quarter.percentileMillis(50), quarter.percentileMillis(99),
                    rawQuarter.percentileMillis(50), rawQuarter.percentileMillis(99));
        }

        double p99 = notification.percentileMillis(99);
        double ratio = p99 / raw.percentileMillis(99);
        boolean complete = missing == 0;
        System.out.printf("%nNotification p99 %.0f ms (goal: under 1000 ms) -> %s%n", p99,
                complete && p99 < 1000 ? "MET" : "NOT MET");
        System.out.printf("Ratio of p99s, notification / raw poller: %.2f (goal: at most 2) -> %s%n", ratio,
                complete && ratio <= 2 ? "MET" : "NOT MET");
        Results.record("Notification latency under load", "p99 commit to inbox vs raw JDBC poller", p99,
                raw.percentileMillis(99), "ms", false, "at most 2x and under 250 ms");
    }

    private static void print(String label, Latencies run, int cases) {
        long negative = run.operations() == 0 ? 0 : Arrays.stream(run.nanos()).filter(nanos -> nanos < 0).count();
        System.out.printf("%-50s %9s %9d %9.1f %9.1f %9.1f%n", label, run.operations() + "/" + cases, negative,
                run.percentileMillis(50), run.percentileMillis(99), run.percentileMillis(100));
    }

    /** First sighting minus commit, for the cases [from, to) in order of their commit, of those seen. */
    private static Latencies latencies(Phase phase, long[] committed, Sightings seen, int from, int to) {
        Integer[] order = new Integer[committed.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Long.compare(committed[a], committed[b]));
        long[] nanos = new long[to - from];
        int count = 0;
        for (int k = from; k < to; k++) {
            int i = order[k];
            Long at = seen.at().get(phase.caseIds()[i]);
            if (at != null) {
                nanos[count++] = at - committed[i];
            }
        }
        return new Latencies(count == 0 ? new long[] {0} : Arrays.copyOf(nanos, count), 0, count);
    }

    // --- Observers ---------------------------------------------------------------------------------------

    private interface Body {
        void run() throws Exception;
    }

    private Thread observer(String name, Body body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (Exception e) {
                observerFailure = name + ": " + e;
                e.printStackTrace();
            }
        }, name);
        thread.setDaemon(true);
        return thread;
    }

    /** notification-service NOTIFYs each inbox row from a trigger; PostgreSQL delivers it on commit. */
    private void listen(String jdbcUrl, String user) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "")) {
            try (var statement = connection.createStatement()) {
                statement.execute("LISTEN inbox_notification");
            }
            PGConnection pg = connection.unwrap(PGConnection.class);
            while (running) {
                PGNotification[] notifications = pg.getNotifications(200);
                long now = System.nanoTime();
                if (notifications == null) {
                    continue;
                }
                for (PGNotification notification : notifications) {
                    JsonNode notice = JSON.readTree(notification.getParameter());
                    if ("CASE_ASSIGNED".equals(notice.path("kind").asText())) {
                        listened.at().putIfAbsent(notice.path("caseId").asText(), now);
                    }
                }
            }
        }
    }

    /**
     * Looks for the inbox rows of the cases whose 201 has arrived, every {@code intervalMillis}, through the
     * inbox's own index (recipient, created_at): created_at is the event's time, never before the request
     * was sent (one machine, one clock; a second of margin).
     */
    private void watchInbox(String jdbcUrl, String user, String recipient, long intervalMillis) throws Exception {
        Map<String, Long> pending = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
             var query = connection.prepareStatement("""
                     SELECT case_id FROM notification_service.inbox_notification
                     WHERE recipient_id = ? AND created_at >= ? AND kind = 'CASE_ASSIGNED' AND case_id = ANY (?)""")) {
            long next = System.nanoTime();
            while (running) {
                for (Opened opened; (opened = toWatch.poll()) != null; ) {
                    pending.put(opened.caseId(), opened.sentWallMillis());
                }
                if (!pending.isEmpty()) {
                    long since = pending.values().stream().mapToLong(Long::longValue).min().orElseThrow() - 1000;
                    query.setString(1, recipient);
                    query.setObject(2, Instant.ofEpochMilli(since).atOffset(ZoneOffset.UTC));
                    query.setArray(3, connection.createArrayOf("varchar", pending.keySet().toArray()));
                    try (var rows = query.executeQuery()) {
                        long now = System.nanoTime();
                        while (rows.next()) {
                            String caseId = rows.getString(1);
                            watched.at().putIfAbsent(caseId, now);
                            pending.remove(caseId);
                        }
                    }
                    watched.queries().incrementAndGet();
                }
                next = sleepUntil(next + TimeUnit.MILLISECONDS.toNanos(intervalMillis));
            }
        }
    }

    /**
     * A poller of the event table: the rows after the highest index seen, every {@code intervalMillis}, plus
     * the indexes it skipped (gaps: a concurrent insert that had its index but had not committed yet). The two are
     * asked apart: as one {@code global_index > ? OR global_index = ANY (?)}, PostgreSQL walked the primary key from
     * the first event and filtered (1.4 s a poll at 600,000 events, which made the commit reference and this baseline a
     * second late in a run of 2026-12-03).
     */
    private void pollEvents(String jdbcUrl, String user, long intervalMillis, Sightings seen) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
             var query = connection.prepareStatement("""
                     SELECT * FROM (
                         (SELECT global_index, event_identifier, aggregate_identifier, payload_type
                          FROM event_store.domain_event_entry
                          WHERE global_index > ? ORDER BY global_index LIMIT 1000)
                         UNION ALL
                         (SELECT global_index, event_identifier, aggregate_identifier, payload_type
                          FROM event_store.domain_event_entry WHERE global_index = ANY (?))) polled
                     ORDER BY global_index LIMIT 1000""")) {
            long cursor;
            try (var statement = connection.createStatement();
                 var max = statement.executeQuery("SELECT coalesce(max(global_index), 0) FROM event_store.domain_event_entry")) {
                max.next();
                cursor = max.getLong(1);
            }
            TreeMap<Long, Long> gaps = new TreeMap<>(); // index -> when it was first skipped
            long next = System.nanoTime();
            while (running) {
                query.setLong(1, cursor);
                query.setArray(2, connection.createArrayOf("int8", gaps.keySet().toArray()));
                int rowCount = 0;
                try (var rows = query.executeQuery()) {
                    long now = System.nanoTime();
                    while (rows.next()) {
                        rowCount++;
                        long index = rows.getLong(1);
                        if (index > cursor) {
                            for (long skipped = cursor + 1; skipped < index; skipped++) {
                                gaps.put(skipped, now);
                            }
                            cursor = index;
                        } else {
                            gaps.remove(index);
                        }
                        if (CASE_OPENED.equals(rows.getString(4))) {
                            seen.at().putIfAbsent(rows.getString(3), now);
                        }
                    }
                    for (Iterator<Long> skippedAt = gaps.values().iterator(); skippedAt.hasNext(); ) {
                        if (now - skippedAt.next() > GAP_TIMEOUT_NANOS) {
                            skippedAt.remove(); // a rolled-back insert: that index never commits
                        }
                    }
                }
                seen.queries().incrementAndGet();
                if (rowCount < 1000) {
                    next = sleepUntil(next + TimeUnit.MILLISECONDS.toNanos(intervalMillis));
                } else {
                    next = System.nanoTime(); // a full page: the rest is already there
                }
            }
        }
    }

    /** Sleeps until the given nanoTime (at once if it has passed); answers the time the next tick counts from. */
    private static long sleepUntil(long due) {
        long now;
        while ((now = System.nanoTime()) < due) {
            LockSupport.parkNanos(due - now);
        }
        return Math.max(due, now); // a late tick is not followed by a burst of catch-up polls
    }

    private static String subjectOf(String jwt) throws Exception {
        String payload = jwt.split("\\.")[1];
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8))
                .get("sub").asText();
    }
}
