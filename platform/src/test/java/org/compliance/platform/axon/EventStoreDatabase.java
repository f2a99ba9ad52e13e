package org.compliance.platform.axon;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;

/**
 * A fresh database on the machine's PostgreSQL (127.0.0.1:5432, trust) with the event store's migrations applied,
 * for platform tests. The services' tests get theirs from test-support, which platform cannot depend on (it depends on
 * platform); the name follows the same rule: {@code COMPLIANCE_TEST_DB_SUFFIX} appended, so that two checkouts can
 * test on one PostgreSQL at once.
 */
final class EventStoreDatabase {

    private EventStoreDatabase() {
    }

    /** Drops the database if a previous run left it, creates it and migrates the event store in it. */
    static String recreate(String base) {
        String name = (base + System.getenv().getOrDefault("COMPLIANCE_TEST_DB_SUFFIX", ""))
                .toLowerCase().replaceAll("[^a-z0-9_]", "_");
        try (Connection admin = DriverManager.getConnection(url("test"), "postgres", "");
             var statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
            // The roles the event store's migrations grant appending and snapshots to (infra/db/roles.sql makes them
            // the same way).
            for (String role : new String[] {"compliance_event_appender", "compliance_snapshot_writer",
                    "compliance_subject_eraser"}) {
                statement.execute("""
                        DO $$ BEGIN
                            CREATE ROLE %s NOLOGIN;
                        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                        END $$""".formatted(role));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 is needed for this test", e);
        }
        Flyway.configure().dataSource(url(name), "postgres", "").schemas("event_store")
                .locations("classpath:db/event-store").load().migrate();
        return name;
    }

    static String url(String database) {
        return "jdbc:postgresql://127.0.0.1:5432/" + database;
    }

    static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), "postgres", "");
    }
}
