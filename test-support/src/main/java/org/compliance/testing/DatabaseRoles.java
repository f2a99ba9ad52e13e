package org.compliance.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The suite's least-privilege roles (infra/db/roles.sql) with the demo's passwords (infra/local/demo-secrets.env):
 * every test database gets them, so every test runs the services as they run in production, each as its own role.
 */
public final class DatabaseRoles {

    public static final String OWNER = "compliance_owner";
    /** The psql variables of the script and the demo secrets that give them. */
    private static final Map<String, String> PASSWORDS = Map.of(
            "owner_password", "COMPLIANCE_DB_OWNER_PASSWORD",
            "case_service_password", "CASE_SERVICE_DB_PASSWORD",
            "evidence_service_password", "EVIDENCE_SERVICE_DB_PASSWORD",
            "notification_service_password", "NOTIFICATION_SERVICE_DB_PASSWORD",
            "audit_service_password", "AUDIT_SERVICE_DB_PASSWORD");
    private static final Pattern VARIABLE = Pattern.compile(":'([a-z_]+)'");
    /** Roles belong to the whole cluster: runs of the script, from any checkout, take turns. */
    private static final long ROLES_LOCK = 0x636f6d706c69L;

    private DatabaseRoles() {
    }

    /**
     * Creates the roles if missing and grants them their rights in {@code database}; {@code admin} is a superuser's
     * connection to a database all callers share, whose advisory lock serialises concurrent runs.
     */
    static void grantIn(String database, Connection admin) throws SQLException {
        String script = script();
        try (var lock = admin.createStatement()) {
            lock.execute("SELECT pg_advisory_lock(" + ROLES_LOCK + ")");
            try (Connection connection = DriverManager.getConnection(TestDatabase.jdbcUrl(database), "postgres", "");
                 var statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                statement.execute(script);
                connection.commit();
            } finally {
                lock.execute("SELECT pg_advisory_unlock(" + ROLES_LOCK + ")");
            }
        }
    }

    /** The demo password of a role's psql variable, e.g. {@code owner_password}. */
    public static String demoPassword(String variable) {
        String secret = PASSWORDS.get(variable);
        String value = demoSecrets().get(secret);
        if (value == null) {
            throw new IllegalStateException("demo-secrets.env gives no " + secret);
        }
        return value;
    }

    /** The script with its psql variables ({@code :'name'}) replaced by the demo passwords, as SQL literals. */
    private static String script() {
        Matcher variables = VARIABLE.matcher(resource("roles.sql"));
        StringBuilder script = new StringBuilder();
        while (variables.find()) {
            String literal = "'" + demoPassword(variables.group(1)).replace("'", "''") + "'";
            variables.appendReplacement(script, Matcher.quoteReplacement(literal));
        }
        return variables.appendTail(script).toString();
    }

    private static Map<String, String> demoSecrets() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : resource("demo-secrets.env").split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1).strip());
            }
        }
        return values;
    }

    private static String resource(String name) {
        try (InputStream in = DatabaseRoles.class.getResourceAsStream("db/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test-support is packaged without db/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
