package org.compliance.cases.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.compliance.cases.rest.CaseApi.openCase;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.compliance.testing.RealPeers;
import org.compliance.testing.Sql;
import org.junit.jupiter.api.Test;

/**
 * Tamper prevention beside the chain's detection (infra/db/roles.sql): case-service's own connection appends events
 * and reads them, but cannot change or remove one, nor touch the chain, nor write another service's schema, nor
 * change its own tables' definitions. Only the owner can, and the owner is who ran the migrations. The one write
 * beyond appending is a snapshot's insert and the removal of older ones (decision 24).
 */
@QuarkusTest
@WithTestResource(RealPeers.class)
class LeastPrivilegeTest {

    private static final String PERMISSION_DENIED = "42501";

    /** case-service's own connection, as its repositories, projections and Axon use it. */
    @Inject
    AgroalDataSource service;

    @Test
    void the_services_own_connection_appends_and_reads_events_but_cannot_change_one() {
        String caseId = openCase("iris.investigator", "Events that cannot be rewritten");
        long events = Sql.count(service, "SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?",
                caseId);
        assertThat(events).as("events case-service appended, read back through its own connection").isPositive();
        assertThat(Sql.count(service, "SELECT count(*) FROM event_store.event_chain WHERE aggregate_identifier = ?",
                caseId)).as("links the chain's trigger wrote, as the owner, for them").isEqualTo(events);

        assertRefused(service, "UPDATE event_store.domain_event_entry SET payload = payload WHERE aggregate_identifier = '"
                + caseId + "'");
        assertRefused(service, "DELETE FROM event_store.domain_event_entry WHERE aggregate_identifier = '" + caseId + "'");
        assertRefused(service, "TRUNCATE event_store.domain_event_entry");
        assertRefused(service, "UPDATE event_store.event_chain SET hash = sha256(hash)");
        assertRefused(service, "DELETE FROM event_store.event_chain");
        assertRefused(service, "UPDATE event_store.snapshot_event_entry SET payload = payload");
        assertRefused(service, "TRUNCATE event_store.snapshot_event_entry");
        assertRefused(service, "ALTER TABLE event_store.domain_event_entry DISABLE TRIGGER USER");
        assertRefused(service, "DROP TRIGGER event_chain_linked ON event_store.domain_event_entry");

        assertThat(Sql.count(service, "SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?",
                caseId)).as("the case's events, untouched").isEqualTo(events);
    }

    /**
     * Snapshots are a cache of case state (docs/decisions/0024-snapshots.md): the service stores a new one and removes
     * the older ones, as Axon's snapshotter does, and can do nothing else to them.
     */
    @Test
    void the_service_stores_and_replaces_snapshots_and_nothing_more() {
        String aggregate = "least-privilege-" + java.util.UUID.randomUUID();
        Sql.execute(service, "INSERT INTO event_store.snapshot_event_entry (aggregate_identifier, sequence_number, type,"
                + " event_identifier, payload, payload_type, time_stamp) VALUES ('" + aggregate + "', 0, 'Nothing', '"
                + aggregate + "', convert_to('{}', 'UTF8'), 'java.lang.Object', '2026-12-02T00:00:00Z')");
        assertRefused(service, "UPDATE event_store.snapshot_event_entry SET sequence_number = 1"
                + " WHERE aggregate_identifier = '" + aggregate + "'");
        Sql.execute(service, "DELETE FROM event_store.snapshot_event_entry WHERE aggregate_identifier = '" + aggregate + "'");
        assertThat(Sql.count(service, "SELECT count(*) FROM event_store.snapshot_event_entry WHERE aggregate_identifier = ?",
                aggregate)).isZero();
        assertRefused(service, "TRUNCATE event_store.snapshot_event_entry");
    }

    @Test
    void the_service_writes_its_own_schema_only_and_never_its_tables_definitions() {
        DataSource owner = RealPeers.databaseOwner();
        // Another service's table, as its migration (run by the owner) would create it.
        Sql.execute(owner, "CREATE TABLE IF NOT EXISTS evidence_service.someone_elses (id TEXT PRIMARY KEY)");
        assertRefused(service, "INSERT INTO evidence_service.someone_elses VALUES ('from case-service')");
        assertRefused(service, "SELECT count(*) FROM evidence_service.someone_elses");

        Sql.execute(service, "DELETE FROM case_service.case_note WHERE false");
        assertRefused(service, "CREATE TABLE case_service.unplanned (id TEXT)");
        assertRefused(service, "ALTER TABLE case_service.case_note ADD COLUMN unplanned TEXT");
        assertRefused(service, "DROP TABLE case_service.case_note");
    }

    @Test
    void the_owner_ran_every_migration_and_may_still_change_the_schema() {
        DataSource owner = RealPeers.databaseOwner();
        assertThat(Sql.count(owner, "SELECT count(*) FROM event_store.flyway_schema_history"
                + " WHERE success AND installed_by <> 'compliance_owner'")).isZero();
        assertThat(Sql.count(owner, "SELECT count(*) FROM case_service.flyway_schema_history"
                + " WHERE success AND installed_by <> 'compliance_owner'")).isZero();
        assertThat(Sql.count(owner, "SELECT count(*) FROM event_store.flyway_schema_history"
                + " WHERE success AND script LIKE '%/V4__least_privilege.sql'")).isOne();
        assertThat(Sql.count(owner, "SELECT count(*) FROM pg_tables WHERE schemaname IN ('event_store', 'case_service')"
                + " AND tableowner <> 'compliance_owner'")).isZero();

        Sql.execute(owner, "CREATE TABLE case_service.owner_may (id TEXT)");
        Sql.execute(owner, "DROP TABLE case_service.owner_may");
    }

    private static void assertRefused(DataSource dataSource, String statement) {
        assertThatThrownBy(() -> Sql.execute(dataSource, statement))
                .as(statement)
                .cause().isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as("SQLSTATE of " + statement)
                        .isEqualTo(PERMISSION_DENIED));
    }
}
