package org.compliance.audit.query;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.compliance.audit.chain.ChainLink;
import org.compliance.audit.chain.StoredEvent;

/** Reads the shared event store and its hash chain, read-only, straight from PostgreSQL. */
@ApplicationScoped
public class EventStoreReader {

    private static final String COLUMNS = "global_index, event_identifier, type, aggregate_identifier, "
            + "sequence_number, time_stamp, payload_type, payload_revision, payload, meta_data";

    private final AgroalDataSource dataSource;

    public EventStoreReader(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The case's own aggregate and those of its evidence requests, as the events name them. Whether the case has events
     * is asked, not which: a DISTINCT over a long case's rows was half the time of rebuilding its state.
     */
    public Set<String> aggregatesOfCase(String caseId) throws SQLException {
        Set<String> aggregates = new LinkedHashSet<>();
        try (var connection = dataSource.getConnection(); var select = connection.prepareStatement("""
                SELECT CAST(? AS text) WHERE EXISTS (SELECT FROM event_store.event_chain WHERE aggregate_identifier = ?)
                    OR EXISTS (SELECT FROM event_store.domain_event_entry WHERE aggregate_identifier = ?)
                UNION
                SELECT aggregate_identifier FROM event_store.domain_event_entry
                WHERE payload_type = 'org.compliance.api.evidence.EvidenceRequestIssued'
                  AND convert_from(payload, 'UTF8')::jsonb ->> 'caseId' = ?""")) {
            for (int parameter = 1; parameter <= 4; parameter++) {
                select.setString(parameter, caseId);
            }
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    aggregates.add(rows.getString(1));
                }
            }
        }
        return aggregates;
    }

    public List<StoredEvent> events(String aggregateId) throws SQLException {
        try (var connection = dataSource.getConnection(); var select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM event_store.domain_event_entry WHERE aggregate_identifier = ? "
                        + "ORDER BY sequence_number")) {
            select.setString(1, aggregateId);
            List<StoredEvent> events = new ArrayList<>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(event(rows));
                }
            }
            return events;
        }
    }

    public List<ChainLink> links(String aggregateId) throws SQLException {
        try (var connection = dataSource.getConnection(); var select = connection.prepareStatement("""
                SELECT aggregate_identifier, sequence_number, event_identifier, hash, previous_hash
                FROM event_store.event_chain WHERE aggregate_identifier = ? ORDER BY sequence_number""")) {
            select.setString(1, aggregateId);
            List<ChainLink> links = new ArrayList<>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    links.add(new ChainLink(rows.getString(1), rows.getLong(2), rows.getString(3), rows.getBytes(4),
                            rows.getBytes(5)));
                }
            }
            return links;
        }
    }

    /** Every aggregate with events or chain links, in a stable order, one at a time. */
    public void eachAggregate(Consumer<String> visit) throws SQLException {
        try (var connection = dataSource.getConnection(); var select = connection.prepareStatement("""
                SELECT aggregate_identifier FROM event_store.event_chain
                UNION SELECT aggregate_identifier FROM event_store.domain_event_entry ORDER BY 1""")) {
            select.setFetchSize(1000);
            connection.setAutoCommit(false);
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    visit.accept(rows.getString(1));
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    /** The events of these aggregates in commit order (global index), filtered, one page. */
    public List<StoredEvent> history(Set<String> aggregates, HistoryFilter filter, int page, int size)
            throws SQLException {
        try (var connection = dataSource.getConnection(); var select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM event_store.domain_event_entry WHERE aggregate_identifier = ANY (?) "
                        + "AND (?::text IS NULL OR time_stamp::timestamptz >= ?::timestamptz) "
                        + "AND (?::text IS NULL OR time_stamp::timestamptz < ?::timestamptz) "
                        + "AND (cardinality(?::varchar[]) = 0 OR payload_type = ANY (?::varchar[])) "
                        + "AND (?::text IS NULL OR convert_from(meta_data, 'UTF8')::jsonb ->> 'actorSubject' = ?) "
                        + "ORDER BY global_index LIMIT ? OFFSET ?")) {
            select.setArray(1, connection.createArrayOf("varchar", aggregates.toArray()));
            String from = filter.from() == null ? null : filter.from().toString();
            String to = filter.to() == null ? null : filter.to().toString();
            select.setString(2, from);
            select.setString(3, from);
            select.setString(4, to);
            select.setString(5, to);
            var types = connection.createArrayOf("varchar", filter.types().toArray());
            select.setArray(6, types);
            select.setArray(7, types);
            select.setString(8, filter.actor());
            select.setString(9, filter.actor());
            select.setInt(10, size);
            select.setLong(11, (long) page * size);
            List<StoredEvent> events = new ArrayList<>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(event(rows));
                }
            }
            return events;
        }
    }

    /** An aggregate's latest chain link at a global position: one leaf of a checkpoint. */
    public record Head(String aggregateId, long sequenceNumber, byte[] hash) {
    }

    /**
     * The latest chain link, among the events up to {@code position}, of these aggregates (every aggregate when
     * null), by aggregate id.
     */
    public List<Head> headsAt(long position, Set<String> aggregates) throws SQLException {
        try (var connection = dataSource.getConnection(); var select = connection.prepareStatement("""
                SELECT DISTINCT ON (c.aggregate_identifier) c.aggregate_identifier, c.sequence_number, c.hash
                FROM event_store.event_chain c
                JOIN event_store.domain_event_entry e ON e.event_identifier = c.event_identifier
                WHERE e.global_index <= ? AND (?::varchar[] IS NULL OR c.aggregate_identifier = ANY (?))
                ORDER BY c.aggregate_identifier, c.sequence_number DESC""")) {
            var scope = aggregates == null ? null : connection.createArrayOf("varchar", aggregates.toArray());
            select.setLong(1, position);
            select.setArray(2, scope);
            select.setArray(3, scope);
            List<Head> heads = new ArrayList<>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    heads.add(new Head(rows.getString(1), rows.getLong(2), rows.getBytes(3)));
                }
            }
            return heads;
        }
    }

    /**
     * Every event's chain link up to {@code position}, in the order of the global index: the leaves of the store as an
     * append-only log ({@link org.compliance.audit.chain.LogTree}), read in pages so that a store of millions of events
     * is never held at once.
     */
    public void logLeaves(long position, java.util.function.Consumer<byte[]> leaf) throws SQLException {
        long after = -1;
        while (true) {
            int read = 0;
            try (var connection = dataSource.getConnection(); var select = connection.prepareStatement("""
                    SELECT e.global_index, c.aggregate_identifier, c.sequence_number, c.hash
                    FROM event_store.domain_event_entry e
                    JOIN event_store.event_chain c ON c.event_identifier = e.event_identifier
                    WHERE e.global_index > ? AND e.global_index <= ?
                    ORDER BY e.global_index LIMIT 10000""")) {
                select.setLong(1, after);
                select.setLong(2, position);
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        after = rows.getLong(1);
                        leaf.accept(org.compliance.audit.chain.MerkleTree.leaf(rows.getString(2), rows.getLong(3),
                                rows.getBytes(4)));
                        read++;
                    }
                }
            }
            if (read < 10000) {
                return;
            }
        }
    }

    /** The highest global position among events stored before {@code before} (later ones may still have gaps). */
    public long settledPosition(java.time.Instant before) throws SQLException {
        try (var connection = dataSource.getConnection(); var select = connection.prepareStatement(
                "SELECT coalesce(max(global_index), 0) FROM event_store.domain_event_entry "
                        + "WHERE time_stamp::timestamptz < ?::timestamptz")) {
            select.setString(1, before.toString());
            try (var rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static StoredEvent event(ResultSet rows) throws SQLException {
        return new StoredEvent(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                rows.getLong(5), rows.getString(6), rows.getString(7), rows.getString(8), rows.getBytes(9),
                rows.getBytes(10));
    }
}
