package org.compliance.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;

/**
 * For a service's {@code @QuarkusTest}s: a real Keycloak with the suite's realm, and a fresh PostgreSQL
 * database of the service's own for this test run.
 */
public class RealPeers implements QuarkusTestResourceLifecycleManager {

    /** One database per service module (tests run in the module's directory), recreated each run. */
    static final String DATABASE = TestDatabase.named("compliance_test_"
            + Path.of("").toAbsolutePath().getFileName().toString().replaceAll("[^a-z0-9]", "_"));
    private static volatile LocalKeycloak keycloak;

    @Override
    public Map<String, String> start() {
        TestDatabase.recreate(DATABASE);
        keycloak = LocalKeycloak.startOrShare(Path.of("target", "keycloak.log"));
        return Map.of(
                "compliance.db.name", DATABASE,
                "quarkus.oidc.auth-server-url", keycloak.issuer());
    }

    @Override
    public void stop() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    /**
     * The owner's connections to this run's database: for a test that plays the operator changing the schema or
     * tampering with the event store, which the service's own connections may not.
     */
    public static DataSource databaseOwner() {
        return TestDatabase.asOwner(DATABASE);
    }

    /** The subject (Keycloak user id) an access token was issued to. */
    public static String subjectOf(String accessToken) {
        try {
            String payload = accessToken.split("\\.")[1];
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(new String(
                    java.util.Base64.getUrlDecoder().decode(payload), java.nio.charset.StandardCharsets.UTF_8))
                    .get("sub").asText();
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("Not a readable JWT access token", e);
        }
    }

    /** An access token of a demo user of the running Keycloak. */
    public static String tokenFor(String username) {
        return keycloak.tokenFor(username);
    }
}
