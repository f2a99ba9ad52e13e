package org.compliance.evidence.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.compliance.api.evidence.RequestDocument;
import org.compliance.api.evidence.EvidenceRequestIssued;
import org.compliance.platform.axon.EventSerialization;
import org.compliance.platform.axon.Projection;

/**
 * Keeps {@code request_view} from the events of {@code EvidenceRequest} aggregates, in the processor's
 * transaction, skipping any event the row has already folded in (so redelivery changes nothing).
 */
@ApplicationScoped
@Unremovable
@ProcessingGroup("request-views")
@Projection
public class RequestViewProjection {

    static final String AGGREGATE_TYPE = "EvidenceRequest";

    private final AgroalDataSource dataSource;
    private final ObjectMapper json = EventSerialization.storageObjectMapper();

    public RequestViewProjection(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message) throws Exception {
        if (!AGGREGATE_TYPE.equals(message.getType())) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            RequestDocument document = load(connection, message.getAggregateIdentifier());
            if (event instanceof EvidenceRequestIssued issued) {
                if (document != null) {
                    return;
                }
                document = RequestDocument.issued(issued);
            } else {
                if (document == null || message.getSequenceNumber() <= document.version) {
                    return;
                }
                document.apply(event);
            }
            document.version = message.getSequenceNumber();
            store(connection, document, message);
        }
    }

    @ResetHandler
    void reset() throws Exception {
        try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("TRUNCATE evidence_service.request_view");
        }
    }

    private RequestDocument load(Connection connection, String requestId) throws Exception {
        try (var select = connection.prepareStatement(
                "SELECT document FROM evidence_service.request_view WHERE request_id = ? FOR UPDATE")) {
            select.setString(1, requestId);
            try (var row = select.executeQuery()) {
                return row.next() ? json.readValue(row.getString(1), RequestDocument.class) : null;
            }
        }
    }

    private void store(Connection connection, RequestDocument d, DomainEventMessage<?> message) throws Exception {
        try (var upsert = connection.prepareStatement("""
                INSERT INTO evidence_service.request_view (request_id, version, case_id, organisation_alias, status,
                    due_at, overdue, issued_at, updated_at, document)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (request_id) DO UPDATE SET version = excluded.version, status = excluded.status,
                    due_at = excluded.due_at, overdue = excluded.overdue, updated_at = excluded.updated_at,
                    document = excluded.document""")) {
            upsert.setString(1, d.requestId);
            upsert.setLong(2, d.version);
            upsert.setString(3, d.caseId);
            upsert.setString(4, d.organisationAlias);
            upsert.setString(5, d.status);
            upsert.setTimestamp(6, Timestamp.from(d.dueAt));
            upsert.setBoolean(7, d.overdue);
            upsert.setTimestamp(8, Timestamp.from(d.issuedAt));
            upsert.setTimestamp(9, Timestamp.from(message.getTimestamp()));
            upsert.setString(10, json.writeValueAsString(d));
            upsert.executeUpdate();
        }
    }
}
