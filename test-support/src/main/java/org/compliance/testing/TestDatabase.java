package org.compliance.testing;

import java.sql.DriverManager;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Fresh databases on the machine's PostgreSQL (127.0.0.1:5432, trust), one per test run and purpose, with the suite's
 * least-privilege roles ({@link DatabaseRoles}).
 */
public final class TestDatabase {

    public static final String HOST = "127.0.0.1";
    public static final int PORT = 5432;

    private TestDatabase() {
    }

    /**
     * The database name for a purpose, with the suffix of {@code COMPLIANCE_TEST_DB_SUFFIX} when set, so that two
     * checkouts can run their tests on one PostgreSQL at the same time.
     */
    public static String named(String base) {
        String suffix = System.getenv().getOrDefault("COMPLIANCE_TEST_DB_SUFFIX", "");
        return (base + suffix).toLowerCase().replaceAll("[^a-z0-9_]", "_");
    }

    /** Drops the database if a previous run left it, and creates it empty but for the roles' schemas and grants. */
    public static String recreate(String name) {
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (var connection = DriverManager.getConnection(jdbcUrl("test"), "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
            DatabaseRoles.grantIn(name, connection);
            return name;
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL at " + HOST + ":" + PORT + " is needed for the tests", e);
        }
    }

    /**
     * The owner's connections to a database: what an operator holding the owner's credentials can do (change the
     * schema, or tamper with stored events), which the services' own roles cannot.
     */
    public static DataSource asOwner(String database) {
        PGSimpleDataSource owner = new PGSimpleDataSource();
        owner.setUrl(jdbcUrl(database));
        owner.setUser(DatabaseRoles.OWNER);
        owner.setPassword(DatabaseRoles.demoPassword("owner_password"));
        return owner;
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }
}
