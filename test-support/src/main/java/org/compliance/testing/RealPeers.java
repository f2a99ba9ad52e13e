package org.compliance.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
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
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Starts the real Keycloak of the Maven Central distribution (unpacked by the infra module) with the
 * suite's realm, and gives the service a fresh PostgreSQL database of its own for this test run.
 */
public class RealPeers implements QuarkusTestResourceLifecycleManager {

    /** One database per service module (tests run in the module's directory), recreated each run. */
    static final String DATABASE = "compliance_test_"
            + Path.of("").toAbsolutePath().getFileName().toString().replaceAll("[^a-z0-9]", "_");
    private static String issuer;
    private Process keycloak;

    @Override
    public Map<String, String> start() {
        recreateDatabase();
        int port = freePort();
        issuer = "http://127.0.0.1:" + port + "/realms/compliance";
        startKeycloak(port);
        return Map.of(
                "compliance.db.name", DATABASE,
                "quarkus.oidc.auth-server-url", issuer);
    }

    @Override
    public void stop() {
        if (keycloak != null) {
            keycloak.descendants().forEach(ProcessHandle::destroy);
            keycloak.destroy();
        }
    }

    /** An access token of a demo user, by password grant of the demo-only CLI client. */
    public static String tokenFor(String username) {
        String form = "grant_type=password&client_id=compliance-cli&username=" + URLEncoder.encode(username,
                StandardCharsets.UTF_8) + "&password=demo";
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                            .uri(URI.create(issuer + "/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + username + ": " + response.body());
            }
            return new ObjectMapper().readTree(response.body()).get("access_token").asText();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void recreateDatabase() {
        try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 is needed for the tests", e);
        }
    }

    private void startKeycloak(int port) {
        Path home = Path.of(System.getProperty("keycloak.home"));
        Path realm = Path.of(System.getProperty("compliance.root"), "infra", "keycloak", "compliance-realm.json");
        try {
            Files.createDirectories(home.resolve("data/import"));
            Files.copy(realm, home.resolve("data/import/compliance-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            Path log = Path.of("target", "keycloak.log").toAbsolutePath();
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + port, "--http-management-port=" + freePort(), "--db=dev-mem",
                    "--import-realm", "--hostname-strict=false")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            keycloak = builder.start();
            awaitRealm(log);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start Keycloak from " + home, e);
        }
    }

    private void awaitRealm(Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(giveUp)) {
            if (!keycloak.isAlive()) {
                throw new IllegalStateException("Keycloak exited; see " + log);
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                keycloak.waitFor(500, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Keycloak did not serve the realm within 4 minutes; see " + log);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
