package org.compliance.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;

/**
 * The portal's main pages at 100,000 cases (the case-list bench's seed): each page fetched by signed-in sessions of
 * 16 clients, beside the same data fetched straight from the services' APIs with the same user's token, call after
 * call as the portal makes them. The difference is what the portal adds: its session, the calls' hops and rendering.
 */
public final class PortalPagesBench {

    /** A bench case led by Iris, under investigation, of standard confidentiality (see the seed). */
    static final String CASE_ID = "bench-1";

    /** One page, who looks at it, and the service calls behind it (service base URL + path and query). */
    private record PageLoad(String name, String user, String path, List<String> calls) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        int cases = Integer.parseInt(env.getOrDefault("BENCH_LIST_CASES", "100000"));
        int rounds = Integer.parseInt(env.getOrDefault("BENCH_PAGE_ROUNDS", "400"));
        int clients = Integer.parseInt(env.getOrDefault("BENCH_CLIENTS", "16"));
        String portal = env.getOrDefault("BENCH_PORTAL_URL", "http://127.0.0.1:8080");
        String caseService = env.getOrDefault("BENCH_CASE_URL", "http://127.0.0.1:8081");
        String evidence = env.getOrDefault("BENCH_EVIDENCE_URL", "http://127.0.0.1:8082");
        String issuer = env.getOrDefault("BENCH_ISSUER", "http://127.0.0.1:8180/realms/compliance");
        String jdbcUrl = env.getOrDefault("BENCH_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/compliance");
        String dbUser = env.getOrDefault("BENCH_DB_USER", "postgres");

        try (Connection db = DriverManager.getConnection(jdbcUrl, dbUser, "")) {
            CaseListBench.seed(db, cases);
            CaseListBench.awaitViews(db, cases);
            db.createStatement().execute(
                    "VACUUM ANALYZE case_service.case_view, case_service.case_party, case_service.case_search_word");
        }

        String staffPickers = caseService + "/staff?size=50";
        List<PageLoad> pages = List.of(
                new PageLoad("My work (investigator)", "iris.investigator", "/work",
                        List.of(caseService + "/cases/summary", evidence + "/me/work?dueWithinDays=7&size=10")),
                new PageLoad("My work (supervisor)", "sam.supervisor", "/work",
                        List.of(caseService + "/cases/summary", evidence + "/me/work?dueWithinDays=7&size=10")),
                new PageLoad("Case list, newest first", "iris.investigator", "/cases",
                        List.of(caseService + "/cases?page=0&size=25", caseService + "/cases/count",
                                caseService + "/me/saved-searches", staffPickers)),
                new PageLoad("Case list, search \"biometric\"", "iris.investigator", "/cases?q=biometric",
                        List.of(caseService + "/cases?q=biometric&page=0&size=25",
                                caseService + "/cases/count?q=biometric", caseService + "/me/saved-searches",
                                staffPickers)),
                new PageLoad("Case page", "iris.investigator", "/cases/" + CASE_ID,
                        List.of(caseService + "/cases/" + CASE_ID, caseService + "/cases/" + CASE_ID + "/next-steps",
                                caseService + "/cases/" + CASE_ID + "/notes",
                                evidence + "/requests?caseId=" + CASE_ID + "&size=200",
                                caseService + "/organisations?size=50", staffPickers)));

        System.out.printf("Portal pages at %,d bench cases: %d clients, %d page loads per page (after %d warm-up)%n",
                cases, clients, rounds, rounds / 4);
        System.out.printf("%-34s %9s %9s %9s   %9s %9s %9s   %s%n", "page", "portal 50", "portal 95", "portal 99",
                "API 50", "API 95", "API 99", "p95 ratio");
        for (PageLoad load : pages) {
            PortalSession[] sessions = new PortalSession[clients];
            for (int c = 0; c < clients; c++) {
                sessions[c] = PortalSession.signIn(portal, load.user());
            }
            String token = Tokens.password(issuer, load.user());
            ConcurrentRun.Operation viaPortal = (client, index) -> sessions[client].page(load.path());
            ConcurrentRun.Operation viaApi = (client, index) -> {
                for (String call : load.calls()) {
                    CaseListBench.get(call, token);
                }
            };
            ConcurrentRun.of(clients, rounds / 4, viaPortal);
            ConcurrentRun.of(clients, rounds / 4, viaApi);
            Latencies portalPages = ConcurrentRun.of(clients, rounds, viaPortal);
            Latencies apiCalls = ConcurrentRun.of(clients, rounds, viaApi);
            System.out.printf("%-34s %7.1fms %7.1fms %7.1fms   %7.1fms %7.1fms %7.1fms   %.1fx%n", load.name(),
                    portalPages.percentileMillis(50), portalPages.percentileMillis(95),
                    portalPages.percentileMillis(99), apiCalls.percentileMillis(50), apiCalls.percentileMillis(95),
                    apiCalls.percentileMillis(99), portalPages.percentileMillis(95) / apiCalls.percentileMillis(95));
            Results.record("Portal page at " + cases + " cases", load.name() + ", p95 vs its API calls",
                    portalPages.percentileMillis(95), apiCalls.percentileMillis(95), "ms", false, "p95 under 300 ms");
        }
    }
}
