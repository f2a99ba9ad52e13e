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
import java.util.concurrent.TimeUnit;

/**
 * The real Keycloak of the Maven Central distribution (unpacked by the infra module, found through the
 * {@code keycloak.home} system property) with the suite's realm, on free ports, in an in-memory database.
 */
public final class LocalKeycloak implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final String issuer;

    private LocalKeycloak(Process process, String issuer) {
        this.process = process;
        this.issuer = issuer;
    }

    /** Starts Keycloak and returns once the compliance realm serves its OpenID configuration. */
    public static LocalKeycloak start(Path log) {
        Path home = Path.of(System.getProperty("keycloak.home"));
        Path realm = Path.of(System.getProperty("compliance.root"), "infra", "keycloak", "compliance-realm.json");
        int port = freePort();
        try {
            Files.createDirectories(home.resolve("data/import"));
            Files.copy(realm, home.resolve("data/import/compliance-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + port, "--http-management-port=" + freePort(), "--db=dev-mem",
                    "--import-realm", "--hostname-strict=false")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            var keycloak = new LocalKeycloak(builder.start(), "http://127.0.0.1:" + port + "/realms/compliance");
            try {
                keycloak.awaitRealm(log);
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
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitRealm(Path log) {
        // generous: on a machine shared by several builds a first start has taken over four minutes
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(8));
        while (Instant.now().isBefore(giveUp)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited; see " + log);
            }
            try {
                var response = HTTP.send(HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
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
                process.waitFor(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Keycloak did not serve the realm within 8 minutes; see " + log);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
