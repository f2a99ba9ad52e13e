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
import org.compliance.api.evidence.EvidenceEvent;
import org.compliance.api.evidence.EvidenceRequestIssued;
import org.compliance.api.evidence.RequestDocument;
import org.compliance.platform.axon.EventSerialization;
import org.compliance.platform.axon.Projection;
import org.compliance.platform.views.ViewTable;

/**
 * Keeps {@code request_view} from the events of {@code EvidenceRequest} aggregates, in the processor's
 * transaction, skipping any event the row has already folded in (so redelivery changes nothing).
 */
@ApplicationScoped
@Unremovable
@ProcessingGroup(RequestViewProjection.GROUP)
@Projection
public class RequestViewProjection {

    public static final String GROUP = "request-views";

    private static final ViewTable<RequestViewRow> VIEW = ViewTable.of(RequestViewRow.class);

    private final AgroalDataSource dataSource;
    private final ObjectMapper json = EventSerialization.storageObjectMapper();

    public RequestViewProjection(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @EventHandler
    void on(EvidenceEvent event, DomainEventMessage<?> message) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            RequestDocument document = load(connection, message.getAggregateIdentifier());
            if (document == null) {
                // a request's view begins with its issue
                if (!(event instanceof EvidenceRequestIssued issued)) {
                    return;
                }
                document = RequestDocument.issued(issued);
            } else if (message.getSequenceNumber() <= document.version) {
                return;
            } else {
                document.apply(event);
            }
            document.version = message.getSequenceNumber();
            VIEW.upsert(connection, row(document, message));
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

    private RequestViewRow row(RequestDocument d, DomainEventMessage<?> message) throws Exception {
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
        row.updatedAt = message.getTimestamp();
        row.document = json.writeValueAsString(d);
        return row;
    }
}
