package org.compliance.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Keycloak of the Maven Central distribution (unpacked by the infra module) with the suite's realm, on
 * free ports: either as production runs it ({@link #startProduction}: {@code kc.sh start} on a PostgreSQL database
 * of its own, from the copy built for it, found through the {@code keycloak.production.home} system property), or
 * in development mode on an in-memory database ({@link #start}, from {@code keycloak.home}), which starts faster
 * and serves the service tests, which are not about how Keycloak runs.
 */
public final class LocalKeycloak implements AutoCloseable {

    // generous: on a machine shared by several builds a first start has taken over four minutes
    private static final Duration STARTUP = Duration.ofMinutes(8);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * Set by the test command ({@code infra/local/test}): the file where the one development-mode Keycloak of the
     * whole build is recorded (its pid and issuer), so that every service module's tests use it instead of
     * starting their own; the test command stops it at the end.
     */
    static final String SHARED_STATE = "COMPLIANCE_TEST_KEYCLOAK_STATE";

    private final Process process;
    private final String issuer;
    /** Whether closing this stops the process: false for the build's shared Keycloak, which the test command stops. */
    private final boolean owned;

    private LocalKeycloak(Process process, String issuer) {
        this(process, issuer, true);
    }

    private LocalKeycloak(Process process, String issuer, boolean owned) {
        this.process = process;
        this.issuer = issuer;
        this.owned = owned;
    }

    /**
     * The development-mode Keycloak for a service module's tests: the build's shared one when the test command
     * records one ({@value #SHARED_STATE}), started and recorded there if it is not running yet; else one of this
     * module's own, as {@link #start} does. The realm is the suite's, imported as it is in the repository; no test
     * changes it, so sharing it changes nothing a test sees.
     */
    public static LocalKeycloak startOrShare(Path log) {
        String state = System.getenv(SHARED_STATE);
        if (state == null || state.isBlank()) {
            return start(log);
        }
        Path file = Path.of(state);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE);
                 var lock = channel.lock()) {
                String[] recorded = Files.readString(file).strip().split(" ");
                if (recorded.length == 2) {
                    var process = ProcessHandle.of(Long.parseLong(recorded[0]));
                    if (process.isPresent() && process.get().isAlive() && answers(recorded[1])) {
                        return new LocalKeycloak(null, recorded[1], false);
                    }
                }
                LocalKeycloak started = start(log);
                Files.writeString(file, started.process.pid() + " " + started.issuer());
                return new LocalKeycloak(started.process, started.issuer, false);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not share the tests' Keycloak through " + file, e);
        }
    }

    private static boolean answers(String issuer) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts Keycloak in development mode and returns once the compliance realm serves its OpenID configuration. */
    public static LocalKeycloak start(Path log) {
        Path home = Path.of(System.getProperty("keycloak.home"));
        int port = freePort();
        return start(home, port, log, null, List.of("start-dev",
                "--http-port=" + port, "--http-management-port=" + freePort(), "--db=dev-mem",
                "--import-realm", "--hostname-strict=false"));
    }

    /**
     * Starts Keycloak as production runs it (infra/README.md, "Keycloak in production") on the given (empty)
     * PostgreSQL database, which the realm is imported into; returns once it reports ready on its management port
     * and the realm serves its OpenID configuration. Plain HTTP: in production TLS ends at the proxy in front.
     */
    public static LocalKeycloak startProduction(Path log, String database) {
        Path home = Path.of(System.getProperty("keycloak.production.home"));
        int port = freePort();
        int managementPort = freePort();
        return start(home, port, log, "http://127.0.0.1:" + managementPort + "/health/ready", List.of("start",
                "--optimized", "--http-enabled=true", "--http-port=" + port,
                "--http-management-port=" + managementPort, "--hostname=http://127.0.0.1:" + port,
                // one node: no cluster to form with the other Keycloaks on this machine
                "--cache=local",
                "--db-url=" + TestDatabase.jdbcUrl(database), "--db-username=postgres", "--import-realm"));
    }

    private static LocalKeycloak start(Path home, int port, Path log, String readiness, List<String> arguments) {
        Path realm = Path.of(System.getProperty("compliance.root"), "infra", "keycloak", "compliance-realm.json");
        try {
            Files.createDirectories(home.resolve("data/import"));
            Files.copy(realm, home.resolve("data/import/compliance-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            Files.createDirectories(log.toAbsolutePath().getParent());
            List<String> command = new ArrayList<>();
            command.add(home.resolve("bin/kc.sh").toString());
            command.addAll(arguments);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            var keycloak = new LocalKeycloak(builder.start(), "http://127.0.0.1:" + port + "/realms/compliance");
            try {
                Instant giveUp = Instant.now().plus(STARTUP);
                if (readiness != null) {
                    ProcessReadiness.await(keycloak.process, "Keycloak", URI.create(readiness), giveUp, log);
                }
                ProcessReadiness.await(keycloak.process, "Keycloak",
                        URI.create(keycloak.issuer + "/.well-known/openid-configuration"), giveUp, log);
            } catch (RuntimeException e) {
                keycloak.close();
                throw e;
            }
            return keycloak;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start Keycloak from " + home, e);
        }
    }

    public String issuer() {
        return issuer;
    }

    /** An access token of a demo user, by password grant of the demo-only CLI client. */
    public String tokenFor(String username) {
        String form = "grant_type=password&client_id=compliance-cli&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=demo";
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder()
                            .uri(URI.create(issuer + "/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + username + ": " + response.body());
            }
            return new ObjectMapper().readTree(response.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (!owned) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
