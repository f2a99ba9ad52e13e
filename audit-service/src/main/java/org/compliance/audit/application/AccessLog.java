package org.compliance.audit.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.compliance.api.audit.CaseContentRead;
import org.compliance.api.audit.views.Access;
import org.compliance.audit.chain.ChainCheck;
import org.compliance.audit.chain.ChainLink;
import org.compliance.audit.chain.StoredEvent;
import org.compliance.audit.query.EventStoreReader;
import org.compliance.platform.axon.StoredInstants;
import org.compliance.platform.identity.Caller;
import org.compliance.platform.reads.ReadsOnRecord;

/**
 * Who looked at what. A look at a case's content is put on the record as an event of the case's reads
 * ({@link ReadsOnRecord}), chained and checkpointed like every event, and "who looked" reads them back and checks their
 * chain: an edited or deleted read shows. Looks at no one case (the whole store's verification) and those kept before
 * reads were on the record stay rows of {@code audit_service.access_record}, shown as not on the record.
 */
@ApplicationScoped
public class AccessLog {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final ReadsOnRecord reads;
    private final EventStoreReader store;

    public AccessLog(AgroalDataSource dataSource, Clock clock, ReadsOnRecord reads, EventStoreReader store) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.reads = reads;
        this.store = store;
    }

    public void record(String caseId, String what, String detail, Caller reader) throws SQLException {
        if (caseId != null) {
            reads.record(caseId, what, detail, reader);
            return;
        }
        try (var connection = dataSource.getConnection(); var insert = connection.prepareStatement("""
                INSERT INTO audit_service.access_record (id, case_id, what, detail, user_id, user_name, accessed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, null);
            insert.setString(3, what);
            insert.setString(4, detail);
            insert.setString(5, reader.subject());
            insert.setString(6, reader.name());
            insert.setTimestamp(7, Timestamp.from(clock.instant()));
            insert.executeUpdate();
        }
    }

    /** The case's reads, newest first: those on the record, each marked whether their chain holds up to it. */
    public List<Access> ofCase(String caseId) throws SQLException {
        List<Access> found = all(caseId, 500);
        found.sort(Comparator.comparing(Access::accessedAt).reversed());
        return found.size() > 500 ? found.subList(0, 500) : found;
    }

    /** Every read of the case so far, oldest first, marked as {@link #ofCase} marks them (for the bundle's report). */
    public List<Access> allOfCase(String caseId) throws SQLException {
        List<Access> found = all(caseId, Integer.MAX_VALUE);
        found.sort(Comparator.comparing(Access::accessedAt));
        return found;
    }

    private List<Access> all(String caseId, int keptAtMost) throws SQLException {
        String aggregate = ReadsOnRecord.readsOf(caseId);
        List<StoredEvent> events = store.events(aggregate);
        List<ChainLink> links = store.links(aggregate);
        Optional<ChainCheck.Problem> problem = ChainCheck.of(aggregate, events, links);
        long brokenFrom = problem.map(ChainCheck.Problem::sequenceNumber).orElse(Long.MAX_VALUE);
        List<Access> found = new ArrayList<>();
        for (StoredEvent event : events) {
            found.add(access(caseId, event, event.sequenceNumber() < brokenFrom));
        }
        found.addAll(kept(caseId, keptAtMost));
        return found;
    }

    private static Access access(String caseId, StoredEvent event, boolean intact) {
        try {
            CaseContentRead read = JSON.readValue(event.payload(), CaseContentRead.class);
            return new Access(caseId, read.what(), read.detail(), read.userId(), read.userName(), read.readAt(), true,
                    intact);
        } catch (IOException e) {
            return new Access(caseId, "UNREADABLE", "event " + event.eventId() + " of the reads is not a read: "
                    + e.getMessage(), null, null, StoredInstants.parse(event.timeStamp()), true, false);
        }
    }

    /** Looks kept as plain rows, before reads were put on the record. */
    private List<Access> kept(String caseId, int atMost) throws SQLException {
        try (var connection = dataSource.getConnection(); var select = connection.prepareStatement("""
                SELECT case_id, what, detail, user_id, user_name, accessed_at FROM audit_service.access_record
                WHERE case_id = ? ORDER BY accessed_at DESC LIMIT ?""")) {
            select.setString(1, caseId);
            select.setInt(2, atMost);
            List<Access> found = new ArrayList<>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new Access(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getTimestamp(6).toInstant(), false, false));
                }
            }
            return found;
        }
    }
}
