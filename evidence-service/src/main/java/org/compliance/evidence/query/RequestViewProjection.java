package org.compliance.evidence.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.compliance.api.cases.DataSubjectErased;
import org.compliance.api.evidence.EvidenceClockStopped;
import org.compliance.api.evidence.EvidenceEvent;
import org.compliance.api.evidence.EvidenceRequestIssued;
import org.compliance.api.evidence.EvidenceRequestWithdrawn;
import org.compliance.api.evidence.EvidenceSubmitted;
import org.compliance.api.evidence.ExtensionRefused;
import org.compliance.api.evidence.ExtensionRequested;
import org.compliance.api.evidence.MoreEvidenceRequested;
import org.compliance.api.evidence.RequestDocument;
import org.compliance.api.evidence.ReviewNoteAdded;
import org.compliance.platform.axon.BatchedProjection;
import org.compliance.platform.axon.EventSerialization;
import org.compliance.platform.axon.Projection;
import org.compliance.platform.axon.TouchedRows;
import org.compliance.platform.views.ViewTable;

/**
 * Keeps {@code request_view} from the events of {@code EvidenceRequest} aggregates, in the processor's
 * transaction, skipping any event the row has already folded in (so redelivery changes nothing). A processor batch is
 * folded in memory and each request it touches written once, at the batch's commit (platform's
 * {@link BatchedProjection}, decision 23). A data subject's erasure makes the texts naming them read erased
 * ({@link RequestTexts}).
 */
@ApplicationScoped
@Unremovable
@ProcessingGroup(RequestViewProjection.GROUP)
@Projection
public class RequestViewProjection {

    public static final String GROUP = "request-views";

    private static final ViewTable<RequestViewRow> VIEW = ViewTable.of(RequestViewRow.class);

    private static final TypeReference<Map<String, List<String>>> TEXT_SUBJECTS = new TypeReference<>() {
    };

    private final AgroalDataSource dataSource;

    private final ObjectMapper json = EventSerialization.storageObjectMapper();

    private final BatchedProjection<RequestViewBatch> views;

    public RequestViewProjection(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
        this.views = new BatchedProjection<>(dataSource, RequestViewBatch::new);
    }

    @EventHandler
    void on(EvidenceEvent event, DomainEventMessage<?> message) throws Exception {
        views.fold((batch, connection) -> batch.fold(connection, event, message));
    }

    /** The texts of the case's requests that name the erased subject read erased from now on (decision 29). */
    @EventHandler
    void on(DataSubjectErased event) throws Exception {
        views.fold((batch, connection) -> batch.erase(connection, event));
    }

    @ResetHandler
    void reset() throws Exception {
        try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("TRUNCATE evidence_service.request_view");
        }
    }

    /**
     * A request's document as a batch folds it, the data subjects its texts name, and when the last event folded into
     * it happened.
     */
    private record Folded(RequestDocument document, RequestTexts texts, Instant updatedAt) {
    }

    /**
     * What one processor batch does to {@code request_view} (decision 23): the batch's requests read in one query,
     * their events folded in memory, each touched request written once when the batch commits.
     */
    private final class RequestViewBatch implements BatchedProjection.Batch {

        private final TouchedRows<String, Folded> requests;

        RequestViewBatch(List<? extends EventMessage<?>> events) {
            List<String> requestIds = new ArrayList<>();
            for (EventMessage<?> event : events) {
                if (event instanceof DomainEventMessage<?> domain
                        && EvidenceEvent.class.isAssignableFrom(event.getPayloadType())) {
                    requestIds.add(domain.getAggregateIdentifier());
                }
            }
            requests = new TouchedRows<>(RequestViewProjection.this::load, requestIds);
        }

        void fold(Connection connection, EvidenceEvent event, DomainEventMessage<?> message) throws SQLException {
            Folded folded = requests.get(connection, message.getAggregateIdentifier());
            RequestDocument document;
            RequestTexts texts;
            if (folded == null) {
                // a request's view begins with its issue
                if (!(event instanceof EvidenceRequestIssued issued)) {
                    return;
                }
                texts = RequestTexts.none();
                document = RequestTexts.issued(issued, texts);
            } else if (message.getSequenceNumber() <= folded.document().version) {
                return;
            } else {
                document = folded.document();
                texts = folded.texts();
                texts.apply(document, event);
            }
            eraseAlreadyErased(connection, document, texts, namedSubjects(event));
            document.version = message.getSequenceNumber();
            requests.put(message.getAggregateIdentifier(), new Folded(document, texts, message.getTimestamp()));
        }

        /**
         * The requests of the case whose texts name the subject, as stored or as this batch folded them, erased. The
         * updated moment stays: an erasure is no change of the request's.
         */
        void erase(Connection connection, DataSubjectErased erased) throws SQLException {
            lockErasures(connection, erased.caseId());
            try (var insert = connection.prepareStatement("INSERT INTO evidence_service.erased_subject (subject)"
                    + " VALUES (?) ON CONFLICT DO NOTHING")) {
                insert.setString(1, erased.dataSubject());
                insert.executeUpdate();
            }
            Set<String> requestIds = new LinkedHashSet<>();
            try (var select = connection.prepareStatement("SELECT request_id FROM evidence_service.request_view"
                    + " WHERE case_id = ? AND strpos(named_subjects, ?) > 0 ORDER BY request_id")) {
                select.setString(1, erased.caseId());
                select.setString(2, " " + erased.dataSubject() + " ");
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        requestIds.add(rows.getString(1));
                    }
                }
            }
            requests.changed().forEach((requestId, folded) -> {
                if (erased.caseId().equals(folded.document().caseId)) {
                    requestIds.add(requestId);
                }
            });
            for (String requestId : requestIds) {
                Folded folded = requests.get(connection, requestId);
                if (folded != null && folded.texts().erase(folded.document(), erased.dataSubject())) {
                    requests.put(requestId, folded);
                }
            }
        }

        /**
         * A text naming a subject whose erasure this view has already folded reads erased at once: the request's
         * events and the case's erasure are on different segments, so a request's event written before the erasure
         * may arrive after it, and the key may not be destroyed yet. Both paths take the case's lock until the batch
         * commits, so either the erasure sees the text or the text sees the erasure.
         */
        private void eraseAlreadyErased(Connection connection, RequestDocument document, RequestTexts texts,
                                        List<String> named) throws SQLException {
            if (named.isEmpty()) {
                return;
            }
            lockErasures(connection, document.caseId);
            try (var select = connection.prepareStatement("SELECT subject FROM evidence_service.erased_subject"
                    + " WHERE subject = ANY (?)")) {
                select.setArray(1, connection.createArrayOf("text", named.toArray()));
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        texts.erase(document, rows.getString(1));
                    }
                }
            }
        }

        @Override
        public void write(Connection connection) throws SQLException {
            if (requests.changed().isEmpty()) {
                return;
            }
            List<RequestViewRow> rows = new ArrayList<>();
            for (Folded folded : requests.changed().values()) {
                rows.add(row(folded.document(), folded.texts(), folded.updatedAt()));
            }
            VIEW.upsertAll(connection, rows);
        }
    }

    private static void lockErasures(Connection connection, String caseId) throws SQLException {
        try (var lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, "request-views erasures " + caseId);
            lock.execute();
        }
    }

    private static List<String> namedSubjects(EvidenceEvent event) {
        return switch (event) {
            case EvidenceRequestIssued e -> e.namedSubjects();
            case EvidenceSubmitted e -> e.namedSubjects();
            case ExtensionRequested e -> e.namedSubjects();
            case ExtensionRefused e -> e.namedSubjects();
            case MoreEvidenceRequested e -> e.namedSubjects();
            case EvidenceRequestWithdrawn e -> e.namedSubjects();
            case EvidenceClockStopped e -> e.namedSubjects();
            case ReviewNoteAdded e -> e.namedSubjects();
            default -> List.of();
        };
    }

    /** The stored documents of the requests, locked for the batch. */
    private Map<String, Folded> load(Connection connection, Set<String> requestIds) throws SQLException {
        Map<String, Folded> documents = new HashMap<>();
        try (var select = connection.prepareStatement("SELECT request_id, document, updated_at, text_subjects"
                + " FROM evidence_service.request_view WHERE request_id = ANY (?) ORDER BY request_id FOR UPDATE")) {
            select.setArray(1, connection.createArrayOf("text", requestIds.toArray()));
            try (var row = select.executeQuery()) {
                while (row.next()) {
                    documents.put(row.getString(1), new Folded(read(row.getString(2)),
                            new RequestTexts(readTexts(row.getString(4))), row.getTimestamp(3).toInstant()));
                }
            }
        }
        return documents;
    }

    private RequestDocument read(String stored) throws SQLException {
        try {
            return json.readValue(stored, RequestDocument.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("A stored request document cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    private Map<String, List<String>> readTexts(String stored) throws SQLException {
        try {
            return json.readValue(stored, TEXT_SUBJECTS);
        } catch (JsonProcessingException e) {
            throw new SQLException("The data subjects of a request's texts cannot be read: " + e.getOriginalMessage(),
                    e);
        }
    }

    private RequestViewRow row(RequestDocument d, RequestTexts texts, Instant updatedAt) throws SQLException {
        RequestViewRow row = new RequestViewRow();
        row.requestId = d.requestId;
        row.version = d.version;
        row.caseId = d.caseId;
        row.organisationAlias = d.organisationAlias;
        row.status = d.status;
        row.dueAt = d.dueAt;
        row.overdue = d.overdue;
        row.awaitingReview = d.awaitingReview;
        row.extensionPending = d.extensions.stream().anyMatch(x -> "PENDING".equals(x.outcome()));
        row.issuedAt = d.issuedAt;
        row.updatedAt = updatedAt;
        row.namedSubjects = texts.namedSubjects();
        try {
            row.document = json.writeValueAsString(d);
            row.textSubjects = json.writeValueAsString(texts.subjectsByPlace());
        } catch (JsonProcessingException e) {
            throw new SQLException("A request document cannot be written: " + e.getOriginalMessage(), e);
        }
        return row;
    }
}
