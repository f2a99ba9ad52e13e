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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.compliance.api.cases.CaseDocument;
import org.compliance.api.cases.CaseEvent;
import org.compliance.api.cases.CaseNoteAdded;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.Complainant;
import org.compliance.api.cases.DataSubjectErased;
import org.compliance.api.shared.PersonalData;
import org.compliance.api.cases.Respondent;
import org.compliance.platform.axon.BatchedProjection;
import org.compliance.platform.axon.EventSerialization;
import org.compliance.platform.axon.Projection;
import org.compliance.platform.axon.TouchedRows;
import org.compliance.platform.views.ViewTable;
import org.jboss.logging.Logger;

/**
 * Keeps the case views ({@code case_view}, {@code case_party}, {@code case_note}) from the events of
 * {@code InvestigationCase} aggregates, in the processor's transaction, through their entities (their columns are
 * declared there once). A processor batch is folded in memory and each case it touches written once, at the batch's
 * commit (platform's {@link BatchedProjection}, decision 23). Each view row remembers the sequence number of the last
 * event folded in, so an event delivered again (a redelivery, or a replay without a reset) changes nothing. A reset
 * empties the views; the replay then rebuilds them.
 */
@ApplicationScoped
@Unremovable
@ProcessingGroup(CaseViewProjection.GROUP)
@Projection
public class CaseViewProjection {

    public static final String GROUP = "case-views";
    private static final Logger LOG = Logger.getLogger(CaseViewProjection.class);
    private static final ViewTable<CaseViewRow> CASES = ViewTable.of(CaseViewRow.class);
    private static final ViewTable<CasePartyRow> PARTIES = ViewTable.of(CasePartyRow.class);
    private static final ViewTable<CaseNoteRow> NOTES = ViewTable.of(CaseNoteRow.class);

    private final AgroalDataSource dataSource;
    private final ObjectMapper json = EventSerialization.storageObjectMapper();
    private final BatchedProjection<CaseViewBatch> views;

    public CaseViewProjection(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
        this.views = new BatchedProjection<>(dataSource, CaseViewBatch::new);
    }

    @EventHandler
    void on(CaseEvent event, DomainEventMessage<?> message) throws Exception {
        views.fold((batch, connection) -> batch.fold(connection, event, message));
    }

    @ResetHandler
    void reset() throws SQLException {
        LOG.info("Case views emptied for a rebuild from the event store");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE case_service.case_view, case_service.case_party, case_service.case_note,"
                    + " case_service.case_search_word");
        }
    }

    /** A case's document as a batch folds it, with the searchable words it had when last seen changing. */
    private static final class Folded {
        final CaseDocument document;
        String words;

        Folded(CaseDocument document, String words) {
            this.document = document;
            this.words = words;
        }
    }

    /**
     * What one processor batch does to the case views (decision 23): each case's document read once (all the batch's
     * cases in one query), the events folded into it in memory, then every touched case's rows written once, the
     * batch's notes and their words with them. Folding a batch leaves the views exactly as folding its events one at a
     * time would, the words known to search included (every state's words, not only the last one's).
     */
    private final class CaseViewBatch implements BatchedProjection.Batch {

        private final TouchedRows<String, Folded> cases;
        private final List<CaseNoteAdded> notes = new ArrayList<>();
        private final List<DataSubjectErased> erasures = new ArrayList<>();
        private final Set<String> erasedWords = new LinkedHashSet<>();
        private final Set<String> words = new LinkedHashSet<>();

        CaseViewBatch(List<? extends EventMessage<?>> events) {
            List<String> caseIds = new ArrayList<>();
            for (EventMessage<?> event : events) {
                if (event instanceof DomainEventMessage<?> domain && CaseEvent.class.isAssignableFrom(event.getPayloadType())) {
                    caseIds.add(domain.getAggregateIdentifier());
                }
            }
            this.cases = new TouchedRows<>(CaseViewProjection.this::load, caseIds);
        }

        void fold(Connection connection, CaseEvent event, DomainEventMessage<?> message) throws SQLException {
            String caseId = message.getAggregateIdentifier();
            long sequence = message.getSequenceNumber();
            Folded folded = cases.get(connection, caseId);
            if (folded == null) {
                if (!(event instanceof CaseOpened opened)) {
                    LOG.warnf("Event %s #%d of case %s arrived before the case was opened; skipped",
                            event.getClass().getSimpleName(), sequence, caseId);
                    return;
                }
                folded = new Folded(CaseDocument.opened(opened), "");
            } else if (sequence <= folded.document.version) {
                return; // folded in already (the opening too: it is event 0)
            } else {
                if (event instanceof DataSubjectErased erased) {
                    erasures.add(erased);
                    Stream.concat(folded.document.complainants.stream(),
                                    folded.document.withdrawnComplainants.stream())
                            .filter(c -> c.complainantId().equals(erased.personId())
                                    && !PersonalData.ERASED.equals(c.name()))
                            .forEach(c -> erasedWords.addAll(SearchWords.of(c.name()).words()));
                    folded.document.namedPersons.stream()
                            .filter(p -> p.personId().equals(erased.personId())
                                    && !PersonalData.ERASED.equals(p.name()))
                            .forEach(p -> erasedWords.addAll(SearchWords.of(p.name()).words()));
                }
                folded.document.apply(event);
            }
            folded.document.version = sequence;
            folded.document.updatedAt = message.getTimestamp();
            String wordsAfter = searchableWords(folded.document);
            if (!wordsAfter.equals(folded.words)) {
                words.add(wordsAfter);
                folded.words = wordsAfter;
            }
            if (event instanceof CaseNoteAdded note) {
                notes.add(note);
                words.add(note.text());
            }
            cases.put(caseId, folded);
        }

        @Override
        public void write(Connection connection) throws SQLException {
            Map<String, Folded> changed = cases.changed();
            if (changed.isEmpty()) {
                return;
            }
            List<CaseViewRow> rows = new ArrayList<>(changed.size());
            List<CasePartyRow> parties = new ArrayList<>();
            for (Folded folded : changed.values()) {
                rows.add(viewRow(folded.document, json(folded.document)));
                parties.addAll(partyRows(folded.document));
            }
            CASES.upsertAll(connection, rows);
            try (var delete = connection.prepareStatement(
                    "DELETE FROM case_service.case_party WHERE case_id = ANY (?)")) {
                delete.setArray(1, connection.createArrayOf("text", changed.keySet().toArray()));
                delete.executeUpdate();
            }
            PARTIES.upsertAll(connection, parties);
            if (!notes.isEmpty()) {
                NOTES.upsertAll(connection, notes.stream().map(CaseViewProjection::noteRow).toList());
                addNotesToSearch(connection, notes);
            }
            addWords(connection, String.join("\n", words));
            if (!erasures.isEmpty()) {
                erase(connection, erasures, erasedWords);
            }
        }
    }

    /** The stored documents of the cases, locked for the batch. */
    private Map<String, Folded> load(Connection connection, Set<String> caseIds) throws SQLException {
        Map<String, Folded> documents = new HashMap<>();
        try (var select = connection.prepareStatement(
                "SELECT case_id, document FROM case_service.case_view WHERE case_id = ANY (?) ORDER BY case_id FOR UPDATE")) {
            select.setArray(1, connection.createArrayOf("text", caseIds.toArray()));
            try (var row = select.executeQuery()) {
                while (row.next()) {
                    CaseDocument document = read(row.getString(2));
                    documents.put(row.getString(1), new Folded(document, searchableWords(document)));
                }
            }
        }
        return documents;
    }

    private CaseDocument read(String stored) throws SQLException {
        try {
            CaseDocument document = json.readValue(stored, CaseDocument.class);
            document.readStoredBeforeAddressees();
            return document;
        } catch (JsonProcessingException e) {
            throw new SQLException("A stored case document cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    private String json(CaseDocument document) throws SQLException {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new SQLException("A case document cannot be written: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Each note's words join its case's staff search document (an event is folded in once, so each note once), in
     * the order the notes were added: one statement per case, appending its notes' words one after the other, which
     * is what appending them one note at a time gives.
     */
    private static void addNotesToSearch(Connection connection, List<CaseNoteAdded> notes) throws SQLException {
        Map<String, List<String>> texts = new LinkedHashMap<>();
        notes.forEach(note -> texts.computeIfAbsent(note.caseId(), id -> new ArrayList<>()).add(note.text()));
        for (Map.Entry<String, List<String>> caseNotes : texts.entrySet()) {
            List<String> added = caseNotes.getValue();
            try (var update = connection.prepareStatement("UPDATE case_service.case_view SET notes_search = notes_search"
                    + " || setweight(to_tsvector('english', ?), 'D')".repeat(added.size()) + " WHERE case_id = ?")) {
                for (int i = 0; i < added.size(); i++) {
                    update.setString(i + 1, added.get(i));
                }
                update.setString(added.size() + 1, caseNotes.getKey());
                update.executeUpdate();
            }
        }
    }

    /**
     * What an erasure changes beyond the documents: the notes naming the subject read erased, their case's note words
     * are taken again from its notes, and the words of the erased name (a withdrawn complainant's too) leave the words
     * a search widens a typo to.
     */
    private static void erase(Connection connection, List<DataSubjectErased> erasures, Set<String> erasedWords)
            throws SQLException {
        try (var notes = connection.prepareStatement("UPDATE case_service.case_note SET text = ?"
                + " WHERE case_id = ? AND strpos(named_subjects, ?) > 0");
             var search = connection.prepareStatement("UPDATE case_service.case_view SET notes_search = coalesce(("
                     + "SELECT setweight(to_tsvector('english', string_agg(n.text, ' ' ORDER BY n.added_at, n.note_id)),"
                     + " 'D') FROM case_service.case_note n WHERE n.case_id = ?), '') WHERE case_id = ?")) {
            for (DataSubjectErased erased : erasures) {
                notes.setString(1, PersonalData.ERASED);
                notes.setString(2, erased.caseId());
                notes.setString(3, " " + erased.dataSubject() + " ");
                notes.executeUpdate();
                search.setString(1, erased.caseId());
                search.setString(2, erased.caseId());
                search.executeUpdate();
            }
        }
        if (!erasedWords.isEmpty()) {
            try (var words = connection.prepareStatement(
                    "DELETE FROM case_service.case_search_word WHERE word = ANY (?)")) {
                words.setArray(1, connection.createArrayOf("text", erasedWords.toArray()));
                words.executeUpdate();
            }
        }
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
        d.namedPersons.forEach(p -> parts.add(p.name()));
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
        row.namedSubjects = " " + String.join(" ", note.namedSubjects()) + " ";
        return row;
    }
}
