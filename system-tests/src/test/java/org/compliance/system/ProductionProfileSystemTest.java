package org.compliance.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.compliance.testing.LocalKeycloak;
import org.compliance.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The production profile refuses to run unsafely: with the repository's demo keys, or with a key missing, a
 * packaged service does not start; with keys of its own, read from a directory of secret files as a Kubernetes
 * Secret provides them, it starts and logs JSON.
 */
class ProductionProfileSystemTest {

    private static final Duration REFUSED_WITHIN = Duration.ofMinutes(3);
    private final String database = TestDatabase.recreate(TestDatabase.named("compliance_test_production"));
    private final Map<String, String> settings = Map.of("compliance.db.name", database,
            // the refusal comes before any token is verified; nothing needs to answer here
            "quarkus.oidc.auth-server-url", "http://127.0.0.1:" + LocalKeycloak.freePort() + "/realms/compliance",
            "compliance.evidence.blob-root", Path.of("target", "production", "blobs").toAbsolutePath().toString());

    @Test
    void refuses_the_demo_keys() throws IOException {
        Map<String, String> environment = new HashMap<>(DemoSecrets.environment());
        environment.put("EVIDENCE_SERVICE_DB_PASSWORD", "not-the-demo");
        environment.put("COMPLIANCE_DB_OWNER_PASSWORD", "not-the-demo-either");
        String log = refusedStart("evidence-service", environment);
        assertThat(log).contains("Refusing to start in the production profile")
                .contains("RECEIPT_PRIVATE_KEY").contains("compliance.receipts.private-key");
    }

    @Test
    void refuses_to_run_without_its_signing_key_or_database_password() throws IOException {
        Map<String, String> environment = new HashMap<>(ownKeys());
        environment.remove("RECEIPT_PRIVATE_KEY");
        assertThat(refusedStart("evidence-service", environment)).contains("compliance.receipts.private-key");
    }

    @Test
    void starts_with_keys_of_its_own_read_from_secret_files_and_logs_json() throws IOException {
        Path secrets = Files.createDirectories(Path.of("target", "production", "secrets").toAbsolutePath());
        for (Map.Entry<String, String> secret : ownKeys().entrySet()) {
            Files.writeString(secrets.resolve(secret.getKey()), secret.getValue());
        }
        try (ServiceProcess evidence = new ServiceProcess("evidence-service", LocalKeycloak.freePort(), settings,
                "prod", Map.of("SMALLRYE_CONFIG_SOURCE_FILE_LOCATIONS", secrets.toString()))) {
            evidence.start().awaitReady();
            List<String> lines = Files.readAllLines(evidence.log(), StandardCharsets.UTF_8);
            String started = lines.stream().filter(line -> line.contains("no setting holds a demo key")).reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError("no line of ProductionSafety in " + evidence.log()));
            assertThat(started).startsWith("{").contains("\"loggerName\":\"org.compliance.production.ProductionSafety\"");
        }
    }

    private String refusedStart(String service, Map<String, String> environment) throws IOException {
        Path log;
        try (ServiceProcess process = new ServiceProcess(service, LocalKeycloak.freePort(), settings, "prod",
                environment)) {
            log = process.log();
            long before = Files.exists(log) ? Files.size(log) : 0;
            process.start();
            OptionalInt exit = process.awaitEnd(REFUSED_WITHIN);
            assertThat(exit).as("%s in the production profile ends (see %s)", service, log).isPresent();
            assertThat(exit.getAsInt()).as("its exit status").isNotZero();
            byte[] all = Files.readAllBytes(log);
            return new String(all, (int) before, all.length - (int) before, StandardCharsets.UTF_8);
        }
    }

    /** Fresh Ed25519 keys and database passwords (the service's role's, the owner's): what an installation provides. */
    private static Map<String, String> ownKeys() {
        try {
            KeyPair receipts = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Base64.Encoder base64 = Base64.getEncoder();
            return Map.of("RECEIPT_PRIVATE_KEY", base64.encodeToString(receipts.getPrivate().getEncoded()),
                    "RECEIPT_PUBLIC_KEY", base64.encodeToString(receipts.getPublic().getEncoded()),
                    "EVIDENCE_SERVICE_DB_PASSWORD", "any-password-trust-auth-accepts",
                    "COMPLIANCE_DB_OWNER_PASSWORD", "another-password-trust-auth-accepts");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
