package org.compliance.cases.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.compliance.api.cases.CaseDocument;
import org.compliance.api.cases.CaseNoteAdded;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.Complainant;
import org.compliance.api.cases.Respondent;
import org.compliance.platform.axon.EventSerialization;
import org.compliance.platform.axon.Projection;
import org.jboss.logging.Logger;

/**
 * Keeps the case views ({@code case_view}, {@code case_party}, {@code case_note}) from
 * the events of {@code InvestigationCase} aggregates, in the processor's transaction. Each view row
 * remembers the sequence number of the last event folded in, so an event delivered again (a redelivery,
 * or a replay without a reset) changes nothing. A reset empties the views; the replay then rebuilds them.
 */
@ApplicationScoped
@Unremovable
@ProcessingGroup("case-views")
@Projection
public class CaseViewProjection {

    static final String AGGREGATE_TYPE = "InvestigationCase";
    private static final Logger LOG = Logger.getLogger(CaseViewProjection.class);

    private final AgroalDataSource dataSource;
    private final ObjectMapper json = EventSerialization.storageObjectMapper();

    public CaseViewProjection(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message) throws SQLException, JsonProcessingException {
        if (!AGGREGATE_TYPE.equals(message.getType())) {
            return;
        }
        String caseId = message.getAggregateIdentifier();
        long sequence = message.getSequenceNumber();
        try (Connection connection = dataSource.getConnection()) {
            CaseDocument document = load(connection, caseId);
            if (event instanceof CaseOpened opened) {
                if (document != null) {
                    return;
                }
                document = CaseDocument.opened(opened);
            } else {
                if (document == null) {
                    LOG.warnf("Event %s #%d of case %s arrived before the case was opened; skipped",
                            event.getClass().getSimpleName(), sequence, caseId);
                    return;
                }
                if (sequence <= document.version || !document.apply(event)) {
                    return;
                }
                if (event instanceof CaseNoteAdded note) {
                    insertNote(connection, note);
                }
            }
            document.version = sequence;
            document.updatedAt = message.getTimestamp();
            store(connection, document);
        }
    }

    @ResetHandler
    void reset() throws SQLException {
        LOG.info("Case views emptied for a rebuild from the event store");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE case_service.case_view, case_service.case_party, case_service.case_note");
        }
    }

    private CaseDocument load(Connection connection, String caseId) throws SQLException, JsonProcessingException {
        try (var select = connection.prepareStatement(
                "SELECT document FROM case_service.case_view WHERE case_id = ? FOR UPDATE")) {
            select.setString(1, caseId);
            try (var row = select.executeQuery()) {
                return row.next() ? json.readValue(row.getString(1), CaseDocument.class) : null;
            }
        }
    }

    private void store(Connection connection, CaseDocument d) throws SQLException, JsonProcessingException {
        try (var upsert = connection.prepareStatement("""
                INSERT INTO case_service.case_view (case_id, version, title, summary, authority, priority, priority_rank,
                    confidentiality, status, lead_investigator_id, lead_investigator_name, respondent_names, members, legal_hold,
                    awaiting_overdue_evidence, opened_at, updated_at, document)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (case_id) DO UPDATE SET version = excluded.version, title = excluded.title,
                    summary = excluded.summary, authority = excluded.authority, priority = excluded.priority,
                    priority_rank = excluded.priority_rank, confidentiality = excluded.confidentiality,
                    status = excluded.status, lead_investigator_id = excluded.lead_investigator_id,
                    lead_investigator_name = excluded.lead_investigator_name,
                    respondent_names = excluded.respondent_names, members = excluded.members, legal_hold = excluded.legal_hold,
                    awaiting_overdue_evidence = excluded.awaiting_overdue_evidence, updated_at = excluded.updated_at,
                    document = excluded.document""")) {
            upsert.setString(1, d.caseId);
            upsert.setLong(2, d.version);
            upsert.setString(3, d.title);
            upsert.setString(4, d.summary);
            upsert.setString(5, d.authority);
            upsert.setString(6, d.priority.name());
            upsert.setShort(7, (short) (d.priority.ordinal() + 1));
            upsert.setString(8, d.confidentiality.name());
            upsert.setString(9, d.status.name());
            upsert.setString(10, d.leadInvestigator.userId());
            upsert.setString(11, d.leadInvestigator.name());
            upsert.setString(12, String.join(", ", d.respondents.stream().map(Respondent::name).toList()));
            upsert.setString(13, members(d));
            upsert.setBoolean(14, d.legalHoldReason != null);
            upsert.setBoolean(15, !d.overdueEvidence.isEmpty());
            upsert.setTimestamp(16, Timestamp.from(d.openedAt));
            upsert.setTimestamp(17, Timestamp.from(d.updatedAt));
            upsert.setString(18, json.writeValueAsString(d));
            upsert.executeUpdate();
        }
        replaceParties(connection, d);
    }

    /** The lead investigator's and the team's user ids, each between spaces (see {@link CaseQueries}). */
    static String members(CaseDocument d) {
        StringBuilder members = new StringBuilder(" ").append(d.leadInvestigator.userId()).append(' ');
        d.team.forEach(member -> members.append(member.userId()).append(' '));
        return members.toString();
    }

    private static void replaceParties(Connection connection, CaseDocument d) throws SQLException {
        try (var delete = connection.prepareStatement("DELETE FROM case_service.case_party WHERE case_id = ?");
             var insert = connection.prepareStatement("INSERT INTO case_service.case_party "
                     + "(case_id, role, party_key, name, organisation_alias) VALUES (?, ?, ?, ?, ?)")) {
            delete.setString(1, d.caseId);
            delete.executeUpdate();
            for (Respondent r : d.respondents) {
                addBatch(insert, d.caseId, "RESPONDENT", r.organisationAlias(), r.name(), r.organisationAlias());
            }
            for (Complainant c : d.complainants) {
                addBatch(insert, d.caseId, "COMPLAINANT", c.complainantId(), c.name(), c.organisationAlias());
            }
            insert.executeBatch();
        }
    }

    private static void insertNote(Connection connection, CaseNoteAdded note) throws SQLException {
        try (var insert = connection.prepareStatement("""
                INSERT INTO case_service.case_note (case_id, note_id, text, author_id, author_name, added_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            insert.setString(1, note.caseId());
            insert.setString(2, note.noteId());
            insert.setString(3, note.text());
            insert.setString(4, note.author().userId());
            insert.setString(5, note.author().name());
            insert.setTimestamp(6, Timestamp.from(note.addedAt()));
            insert.executeUpdate();
        }
    }

    private static void addBatch(java.sql.PreparedStatement insert, String... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            insert.setString(i + 1, values[i]);
        }
        insert.addBatch();
    }
}
