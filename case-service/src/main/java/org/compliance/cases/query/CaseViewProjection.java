package org.compliance.cases.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.compliance.api.cases.CaseDocument;
import org.compliance.api.cases.CaseEvent;
import org.compliance.api.cases.CaseNoteAdded;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.Complainant;
import org.compliance.api.cases.Respondent;
import org.compliance.platform.axon.EventSerialization;
import org.compliance.platform.axon.Projection;
import org.compliance.platform.views.ViewTable;
import org.jboss.logging.Logger;

/**
 * Keeps the case views ({@code case_view}, {@code case_party}, {@code case_note}) from the events of
 * {@code InvestigationCase} aggregates, in the processor's transaction, through their entities (their columns are
 * declared there once). Each view row remembers the sequence number of the last event folded in, so an event
 * delivered again (a redelivery, or a replay without a reset) changes nothing. A reset empties the views; the
 * replay then rebuilds them.
 */
@ApplicationScoped
@Unremovable
@ProcessingGroup("case-views")
@Projection
public class CaseViewProjection {

    private static final Logger LOG = Logger.getLogger(CaseViewProjection.class);
    private static final ViewTable<CaseViewRow> CASES = ViewTable.of(CaseViewRow.class);
    private static final ViewTable<CasePartyRow> PARTIES = ViewTable.of(CasePartyRow.class);
    private static final ViewTable<CaseNoteRow> NOTES = ViewTable.of(CaseNoteRow.class);

    private final AgroalDataSource dataSource;
    private final ObjectMapper json = EventSerialization.storageObjectMapper();

    public CaseViewProjection(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @EventHandler
    void on(CaseEvent event, DomainEventMessage<?> message) throws SQLException, JsonProcessingException {
        String caseId = message.getAggregateIdentifier();
        long sequence = message.getSequenceNumber();
        try (Connection connection = dataSource.getConnection()) {
            CaseDocument document = load(connection, caseId);
            String wordsBefore = document == null ? "" : searchableWords(document);
            if (document == null) {
                if (!(event instanceof CaseOpened opened)) {
                    LOG.warnf("Event %s #%d of case %s arrived before the case was opened; skipped",
                            event.getClass().getSimpleName(), sequence, caseId);
                    return;
                }
                document = CaseDocument.opened(opened);
            } else if (sequence <= document.version) {
                return; // folded in already (the opening too: it is event 0)
            } else {
                document.apply(event);
            }
            if (event instanceof CaseNoteAdded note) {
                NOTES.upsert(connection, noteRow(note));
            }
            document.version = sequence;
            document.updatedAt = message.getTimestamp();
            store(connection, document);
            String wordsAfter = searchableWords(document);
            if (!wordsAfter.equals(wordsBefore)) {
                addWords(connection, wordsAfter);
            }
            if (event instanceof CaseNoteAdded note) {
                addNoteWords(connection, note);
            }
        }
    }

    @ResetHandler
    void reset() throws SQLException {
        LOG.info("Case views emptied for a rebuild from the event store");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE case_service.case_view, case_service.case_party, case_service.case_note,"
                    + " case_service.case_search_word");
        }
    }

    private CaseDocument load(Connection connection, String caseId) throws SQLException, JsonProcessingException {
        try (var select = connection.prepareStatement(
                "SELECT document FROM case_service.case_view WHERE case_id = ? FOR UPDATE")) {
            select.setString(1, caseId);
            try (var row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                CaseDocument document = json.readValue(row.getString(1), CaseDocument.class);
                document.readStoredBeforeAddressees();
                return document;
            }
        }
    }

    private void store(Connection connection, CaseDocument d) throws SQLException, JsonProcessingException {
        CASES.upsert(connection, viewRow(d, json.writeValueAsString(d)));
        try (var delete = connection.prepareStatement("DELETE FROM case_service.case_party WHERE case_id = ?")) {
            delete.setString(1, d.caseId);
            delete.executeUpdate();
        }
        PARTIES.upsertAll(connection, partyRows(d));
    }

    /**
     * The note's words join the case's staff search document (an event is folded in once, so each note once), and
     * the words known to search (see {@link #addWords}).
     */
    private static void addNoteWords(Connection connection, CaseNoteAdded note) throws SQLException {
        try (var update = connection.prepareStatement("UPDATE case_service.case_view"
                + " SET notes_search = notes_search || setweight(to_tsvector('english', ?), 'D') WHERE case_id = ?")) {
            update.setString(1, note.text());
            update.setString(2, note.caseId());
            update.executeUpdate();
        }
        addWords(connection, note.text());
    }

    /**
     * Every word of the text, lower case, joins the words a search widens a typo to. Inserted in order, so that
     * segments adding the same new words at once wait for each other instead of deadlocking.
     */
    private static void addWords(Connection connection, String text) throws SQLException {
        try (var insert = connection.prepareStatement("INSERT INTO case_service.case_search_word (word)"
                + " SELECT DISTINCT w FROM regexp_split_to_table(lower(?), '[^[:alnum:]]+') AS w"
                + " WHERE length(w) BETWEEN 3 AND 60 ORDER BY w ON CONFLICT DO NOTHING")) {
            insert.setString(1, text);
            insert.executeUpdate();
        }
    }

    /** The text whose words staff can search for (notes apart). */
    private static String searchableWords(CaseDocument d) {
        return d.title + "\n" + d.summary + "\n" + staffSearchText(d);
    }

    /** What staff search beyond title and summary: every allegation, the legal bases, every party's name. */
    static String staffSearchText(CaseDocument d) {
        List<String> parts = new ArrayList<>(d.legalBases);
        d.allegations.forEach(a -> {
            parts.add(a.allegation().legalBasis());
            parts.add(a.allegation().description());
        });
        d.respondents.forEach(r -> {
            parts.add(r.name());
            parts.add(r.organisationAlias());
        });
        d.complainants.forEach(c -> parts.add(c.name()));
        parts.removeIf(Objects::isNull);
        return String.join("\n", parts);
    }

    /** What a respondent may search beyond the title: what its view shows, the legal bases and live allegations. */
    static String respondentSearchText(CaseDocument d) {
        List<String> parts = new ArrayList<>(d.legalBases);
        d.allegations.stream().filter(a -> !a.withdrawn()).forEach(a -> {
            parts.add(a.allegation().legalBasis());
            parts.add(a.allegation().description());
        });
        parts.removeIf(Objects::isNull);
        return String.join("\n", parts);
    }

    private static CaseViewRow viewRow(CaseDocument d, String document) {
        CaseViewRow row = new CaseViewRow();
        row.caseId = d.caseId;
        row.version = d.version;
        row.title = d.title;
        row.summary = d.summary;
        row.authority = d.authority;
        row.priority = d.priority.name();
        row.priorityRank = (short) (d.priority.ordinal() + 1);
        row.confidentiality = d.confidentiality.name();
        row.status = d.status.name();
        row.leadInvestigatorId = d.leadInvestigator.userId();
        row.leadInvestigatorName = d.leadInvestigator.name();
        row.respondentNames = String.join(", ", d.respondents.stream().map(Respondent::name).toList());
        row.members = members(d);
        row.legalHold = d.legalHoldReason != null;
        row.awaitingOverdueEvidence = !d.overdueEvidence.isEmpty();
        row.openedAt = d.openedAt;
        row.updatedAt = d.updatedAt;
        row.document = document;
        row.searchText = staffSearchText(d);
        row.respondentSearchText = respondentSearchText(d);
        return row;
    }

    /** The lead investigator's and the team's user ids, each between spaces (see {@link CaseQueries}). */
    static String members(CaseDocument d) {
        StringBuilder members = new StringBuilder(" ").append(d.leadInvestigator.userId()).append(' ');
        d.team.forEach(member -> members.append(member.userId()).append(' '));
        return members.toString();
    }

    private static List<CasePartyRow> partyRows(CaseDocument d) {
        List<CasePartyRow> rows = new ArrayList<>();
        for (Respondent r : d.respondents) {
            rows.add(partyRow(d.caseId, "RESPONDENT", r.organisationAlias(), r.name(), r.organisationAlias()));
        }
        for (Complainant c : d.complainants) {
            rows.add(partyRow(d.caseId, "COMPLAINANT", c.complainantId(), c.name(), c.organisationAlias()));
        }
        return rows;
    }

    private static CasePartyRow partyRow(String caseId, String role, String key, String name, String alias) {
        CasePartyRow row = new CasePartyRow();
        row.caseId = caseId;
        row.role = role;
        row.partyKey = key;
        row.name = name;
        row.organisationAlias = alias;
        return row;
    }

    private static CaseNoteRow noteRow(CaseNoteAdded note) {
        CaseNoteRow row = new CaseNoteRow();
        row.caseId = note.caseId();
        row.noteId = note.noteId();
        row.text = note.text();
        row.authorId = note.author().userId();
        row.authorName = note.author().name();
        row.addedAt = note.addedAt();
        return row;
    }
}
