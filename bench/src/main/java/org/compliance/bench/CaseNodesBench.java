package org.compliance.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;

/**
 * How far a second case-service instance helps: the same load of {@code POST /cases} (clients, cases) first
 * against one instance, then spread over two instances on the same database, each after a warm-up. Events
 * appended per second are counted in the event store, as {@link OpenCasesBench} does.
 */
public final class CaseNodesBench {

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        int clients = Integer.parseInt(env.getOrDefault("BENCH_CLIENTS", "16"));
        int cases = Integer.parseInt(env.getOrDefault("BENCH_CASES", "3000"));
        int warmup = Integer.parseInt(env.getOrDefault("BENCH_WARMUP", "300"));
        String first = env.getOrDefault("BENCH_CASE_URL", "http://127.0.0.1:8081");
        String second = env.getOrDefault("BENCH_SECOND_CASE_URL", "http://127.0.0.1:8091");
        String issuer = env.getOrDefault("BENCH_ISSUER", "http://127.0.0.1:8180/realms/compliance");
        String jdbcUrl = env.getOrDefault("BENCH_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/compliance");
        String dbUser = env.getOrDefault("BENCH_DB_USER", "postgres");

        System.out.printf("Opening cases on one and on two case-service instances: %d clients, %d cases each "
                + "(after %d warm-up)%n", clients, cases, warmup);
        String token = Tokens.password(issuer, "iris.investigator");
        byte[] body = OpenCasesBench.openCaseBody();
        Latencies one;
        Latencies two;
        try (Connection admin = DriverManager.getConnection(jdbcUrl, dbUser, "")) {
            one = run(admin, OpenCasesBench.openCase(List.of(first), token, body), clients, cases, warmup);
            two = run(admin, OpenCasesBench.openCase(List.of(first, second), token, body), clients, cases, warmup);
        }
        System.out.println();
        System.out.println("| instances | events appended/s | p50 ms | p99 ms |");
        System.out.println("|---:|---:|---:|---:|");
        System.out.printf("| 1 | %.0f | %.1f | %.1f |%n", one.perSecond(), one.percentileMillis(50), one.percentileMillis(99));
        System.out.printf("| 2 | %.0f | %.1f | %.1f |%n", two.perSecond(), two.percentileMillis(50), two.percentileMillis(99));
        System.out.printf("%nTwo instances: %.2fx the events per second of one, on %d cores%n",
                two.perSecond() / one.perSecond(), Runtime.getRuntime().availableProcessors());
    }

    private static Latencies run(Connection admin, ConcurrentRun.Operation openCase, int clients, int cases, int warmup)
            throws Exception {
        ConcurrentRun.of(clients, warmup, openCase);
        long before = OpenCasesBench.countEvents(admin);
        Latencies run = ConcurrentRun.of(clients, cases, openCase);
        return new Latencies(run.nanos(), run.elapsedNanos(), OpenCasesBench.countEvents(admin) - before);
    }
}
