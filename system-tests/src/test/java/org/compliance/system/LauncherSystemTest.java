package org.compliance.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.compliance.testing.LocalKeycloak;
import org.compliance.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The real {@code infra/local/up} brings back a service killed with SIGKILL at its first run, even while the
 * killed process is a zombie that still answers {@code kill -0}; the demo's checkpoints are time-stamped by its own
 * authority, whose certificate it writes for auditors, and which keeps its key when brought back. The suite runs on free ports, its own
 * database and its own run directory, so it collides neither with the other system tests nor with a suite a
 * developer has running; {@code infra/local/down} stops it at the end.
 *
 * <p>To make the zombie certain rather than a matter of how soon the machine's init reaps, the first launcher
 * runs under a keeper that makes itself the "child subreaper" of what the launcher leaves behind (Linux
 * {@code prctl(PR_SET_CHILD_SUBREAPER)}) and then never reaps: a service killed under it stays a zombie until
 * the keeper ends.
 */
class LauncherSystemTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration LAUNCH = Duration.ofMinutes(8);
    /**
     * perl is in every Debian (perl-base; syscall.ph only with the full perl, hence the numbers of prctl on the
     * usual machines); the keeper runs the launcher, then waits for its input to close, reaping nothing.
     */
    private static final String KEEPER = """
            use POSIX ();
            my $prctl = eval { require "syscall.ph"; &SYS_prctl }
                // {x86_64 => 157, aarch64 => 167}->{(POSIX::uname())[4]} // die "prctl: unknown machine";
            syscall($prctl, 36, 1, 0, 0, 0) == 0 or die "prctl(PR_SET_CHILD_SUBREAPER): $!";
            $| = 1;
            my $status = system(@ARGV);
            print "launcher exited ", $status >> 8, "\\n";
            <STDIN>;
            """;

    private final Path root = Path.of(System.getProperty("compliance.root"));
    private final Path work = Path.of("target", "launcher").toAbsolutePath();
    private final Path run = work.resolve("run");
    private final int notificationPort = LocalKeycloak.freePort();
    private final int mailApiPort = LocalKeycloak.freePort();
    private final int keycloakPort = LocalKeycloak.freePort();
    private final int auditPort = LocalKeycloak.freePort();
    private final int tsaPort = LocalKeycloak.freePort();
    private String database;

    @Test
    void one_run_of_the_launcher_brings_back_a_service_killed_with_sigkill() throws Exception {
        deleteRecursively(work);
        Files.createDirectories(work);
        Map<String, String> env = environment();
        Process keeper = keeperRunningTheLauncher(env);
        List<Long> started = new ArrayList<>();
        try {
            await().atMost(LAUNCH).pollInterval(Duration.ofSeconds(1)).until(() ->
                    !keeper.isAlive() || read("up-first.log").contains("launcher exited"));
            assertThat(read("up-first.log")).as("the first run (see %s)", work.resolve("up-first.log"))
                    .contains("The compliance suite is up.").contains("launcher exited 0");
            for (String name : List.of("keycloak", "case-service", "evidence-service", "notification-service",
                    "audit-service", "portal")) {
                started.add(recordedPid(name));
            }
            started.add(recordedPid("mail"));
            started.add(recordedPid("tsa"));
            long killed = recordedPid("notification-service");
            assertThat(ready()).isTrue();
            theDemosEmailsArrive();
            String stamped = theDemosCheckpointsAreTimeStampedByItsAuthority();
            String rootPem = Files.readString(run.resolve("tsa/authority.pem"));
            ProcessHandle.of(recordedPid("tsa")).orElseThrow().destroyForcibly();

            ProcessHandle.of(killed).orElseThrow().destroyForcibly();
            await().atMost(Duration.ofSeconds(30)).until(() -> "Z".equals(state(killed).orElse("")));
            assertThat(new ProcessBuilder("kill", "-0", String.valueOf(killed)).start().waitFor())
                    .as("a killed, unreaped process still answers kill -0").isZero();

            ProcessBuilder second = new ProcessBuilder(root.resolve("infra/local/up").toString()).redirectErrorStream(true)
                    .redirectOutput(work.resolve("up-second.log").toFile());
            second.environment().putAll(env);
            Process again = second.start();
            assertThat(again.waitFor(LAUNCH.toMinutes(), TimeUnit.MINUTES)).as("the second run ends").isTrue();
            String output = read("up-second.log");
            assertThat(again.exitValue()).as("the second run (see %s):%n%s", work.resolve("up-second.log"), output)
                    .isZero();
            assertThat(output).contains("Starting notification-service", "Starting the demo's time-stamping authority")
                    .doesNotContain("notification-service already running")
                    .contains("case-service already running", "evidence-service already running",
                            "audit-service already running", "portal already running", "Keycloak already running");
            long restarted = recordedPid("notification-service");
            started.add(restarted);
            assertThat(restarted).isNotEqualTo(killed);
            assertThat(state(restarted)).hasValueSatisfying(s -> assertThat(s).isNotIn("Z", "X"));
            assertThat(ready()).as("notification-service answers ready after one run").isTrue();
            started.add(recordedPid("tsa"));
            HttpResponse<String> published = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + tsaPort + "/certificate")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(published.body()).as("the authority brought back keeps its root")
                    .isEqualTo(rootPem).isEqualTo(Files.readString(run.resolve("tsa/authority.pem")));
            JsonNode after = verification(stamped);
            assertThat(after.path("verified").asBoolean())
                    .as("checkpoint %s verified after the authority's restart: %s", stamped, after).isTrue();
        } finally {
            ProcessBuilder down = new ProcessBuilder(root.resolve("infra/local/down").toString()).redirectErrorStream(true)
                    .redirectOutput(work.resolve("down.log").toFile());
            down.environment().putAll(env);
            Process stopping = down.start();
            boolean stopped = stopping.waitFor(3, TimeUnit.MINUTES);
            try {
                assertThat(stopped && stopping.exitValue() == 0)
                        .as("infra/local/down (see %s)", work.resolve("down.log")).isTrue();
                for (long pid : started) {
                    assertThat(state(pid)).as("pid %d after down", pid).satisfiesAnyOf(
                            s -> assertThat(s).isEmpty(), s -> assertThat(s).hasValue("Z"));
                }
            } finally {
                keeper.getOutputStream().close(); // the keeper ends; what it never reaped goes to init
                keeper.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private Process keeperRunningTheLauncher(Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("perl", "-e", KEEPER, root.resolve("infra/local/up").toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("up-first.log").toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private Map<String, String> environment() {
        database = TestDatabase.recreate(TestDatabase.named("compliance_test_launcher"));
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("COMPLIANCE_RUN_DIR", run.toString());
        env.put("COMPLIANCE_BUILD", "no");
        env.put("COMPLIANCE_DB_HOST", TestDatabase.HOST);
        env.put("COMPLIANCE_DB_PORT", String.valueOf(TestDatabase.PORT));
        env.put("COMPLIANCE_DB_NAME", database);
        env.put("COMPLIANCE_KEYCLOAK_PORT", String.valueOf(keycloakPort));
        env.put("COMPLIANCE_KEYCLOAK_MANAGEMENT_PORT", String.valueOf(LocalKeycloak.freePort()));
        env.put("COMPLIANCE_CASE_PORT", String.valueOf(LocalKeycloak.freePort()));
        env.put("COMPLIANCE_EVIDENCE_PORT", String.valueOf(LocalKeycloak.freePort()));
        env.put("COMPLIANCE_NOTIFICATION_PORT", String.valueOf(notificationPort));
        env.put("COMPLIANCE_AUDIT_PORT", String.valueOf(auditPort));
        env.put("COMPLIANCE_PORTAL_PORT", String.valueOf(LocalKeycloak.freePort()));
        env.put("COMPLIANCE_SMTP_PORT", String.valueOf(LocalKeycloak.freePort()));
        env.put("COMPLIANCE_IMAP_PORT", String.valueOf(LocalKeycloak.freePort()));
        env.put("COMPLIANCE_MAIL_API_PORT", String.valueOf(mailApiPort));
        env.put("COMPLIANCE_TSA_PORT", String.valueOf(tsaPort));
        return env;
    }

    /**
     * The demo's evidence request is a legal notice: its e-mail reaches Nora's mailbox on the demo's mail server,
     * and once it has, no e-mail of the demo is failed or dead in notification-service's outbox.
     */
    private void theDemosEmailsArrive() throws Exception {
        URI noras = URI.create("http://127.0.0.1:" + mailApiPort + "/api/user/nora@northwind.example/messages/");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(noras).build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().contains("\"subject\"");
        });
        try (Connection connection = DriverManager.getConnection(TestDatabase.jdbcUrl(database), "postgres", "");
             ResultSet failed = connection.createStatement().executeQuery("SELECT count(*) FROM "
                     + "notification_service.email_delivery WHERE status IN ('FAILED', 'DEAD', 'UNKNOWN')")) {
            failed.next();
            assertThat(failed.getLong(1)).as("e-mails of the demo that failed").isZero();
        }
    }

    /**
     * audit-service's first checkpoint (taken at its first look) carries a token of the demo's authority, which
     * verifies here against the certificate the launcher wrote and printed alone: signed under that root, over the
     * SHA-256 of the checkpoint's signed text; audit-service, trusting the same file, says the checkpoint holds.
     * Answers the checkpoint's position.
     */
    private String theDemosCheckpointsAreTimeStampedByItsAuthority() throws Exception {
        Path pem = run.resolve("tsa/authority.pem");
        assertThat(read("up-first.log")).contains("http://127.0.0.1:" + tsaPort + "/tsa", pem.toString());
        X509Certificate root;
        try (var in = Files.newInputStream(pem)) {
            root = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        JsonNode checkpoint = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> audit("/audit/checkpoints/latest"), c -> c != null && !c.path("timestamps").isEmpty());
        JsonNode stamp = checkpoint.path("timestamps").get(0);
        assertThat(stamp.path("authority").asText()).isEqualTo("http://127.0.0.1:" + tsaPort + "/tsa");

        TimeStampToken token = new TimeStampToken(new CMSSignedData(Base64.getDecoder().decode(
                stamp.path("token").asText())));
        X509CertificateHolder signer = (X509CertificateHolder) token.getCertificates().getMatches(token.getSID())
                .iterator().next();
        assertThat(signer.isSignatureValid(new JcaContentVerifierProviderBuilder().build(root.getPublicKey())))
                .as("the token's certificate is issued by the root in %s", pem).isTrue();
        token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
        String signedText = "compliance-checkpoint/2\n" + checkpoint.path("position").asLong() + "\n"
                + Instant.parse(checkpoint.path("createdAt").asText()) + "\n" + checkpoint.path("aggregates").asLong()
                + "\n" + checkpoint.path("root").asText() + "\n" + checkpoint.path("events").asLong() + "\n"
                + checkpoint.path("logRoot").asText();
        assertThat(token.getTimeStampInfo().getMessageImprintDigest()).as("what the token stamps")
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(signedText.getBytes(StandardCharsets.UTF_8)));

        String position = checkpoint.path("position").asText();
        JsonNode verification = verification(position);
        assertThat(verification.path("verified").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.path("timestamps").get(0).path("valid").asBoolean()).as(verification.toString())
                .isTrue();
        return position;
    }

    private JsonNode verification(String position) throws Exception {
        return audit("/audit/checkpoints/" + position + "/verification");
    }

    /** An answer of audit-service to the demo's auditor; null unless 200. */
    private JsonNode audit(String path) throws Exception {
        HttpResponse<String> tokens = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + keycloakPort
                        + "/realms/compliance/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&client_id=compliance-cli&username=ada.auditor&password=demo")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        String accessToken = JSON.readTree(tokens.body()).path("access_token").asText();
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + auditPort + path))
                .header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() == 200 ? JSON.readTree(answer.body()) : null;
    }

    private boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + notificationPort
                    + "/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private long recordedPid(String name) throws IOException {
        return Long.parseLong(Files.readString(run.resolve("pids").resolve(name + ".pid")).strip().split(" ")[0]);
    }

    /** The state letter in /proc/PID/stat (R, S, Z, ...); empty when there is no such process. */
    private static Optional<String> state(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return Optional.of(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[0]);
        } catch (IOException gone) {
            return Optional.empty();
        }
    }

    private String read(String log) throws IOException {
        Path file = work.resolve(log);
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
