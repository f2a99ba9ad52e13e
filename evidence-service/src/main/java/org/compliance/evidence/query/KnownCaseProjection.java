package org.compliance.evidence.query;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.compliance.api.cases.CaseClosed;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.CaseReopened;
import org.compliance.api.cases.Respondent;
import org.compliance.api.cases.RespondentAdded;
import org.compliance.api.cases.RespondentWithdrawn;
import org.compliance.platform.axon.Projection;

/**
 * Learns of cases from case-service's events: whether each is open, and who its respondents are. Written in
 * the processor's transaction; an event at or below the row's version is one already folded in and is skipped.
 */
@ApplicationScoped
@Unremovable
@ProcessingGroup("known-cases")
@Projection
public class KnownCaseProjection {

    private final AgroalDataSource dataSource;

    public KnownCaseProjection(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @EventHandler
    void on(CaseOpened event, DomainEventMessage<?> message) throws SQLException {
        try (var connection = dataSource.getConnection();
             var insert = connection.prepareStatement("""
                     INSERT INTO evidence_service.known_case (case_id, status, respondents, opened_at, version)
                     VALUES (?, 'OPEN', ?, ?, ?)
                     ON CONFLICT (case_id) DO NOTHING""")) {
            insert.setString(1, event.caseId());
            insert.setString(2, String.join(",", event.respondents().stream().map(Respondent::organisationAlias)
                    .toList()));
            insert.setTimestamp(3, Timestamp.from(event.openedAt()));
            insert.setLong(4, message.getSequenceNumber());
            insert.executeUpdate();
        }
    }

    @EventHandler
    void on(CaseClosed event, DomainEventMessage<?> message) throws SQLException {
        update("status = 'CLOSED'", null, event.caseId(), message);
    }

    @EventHandler
    void on(CaseReopened event, DomainEventMessage<?> message) throws SQLException {
        update("status = 'OPEN'", null, event.caseId(), message);
    }

    @EventHandler
    void on(RespondentAdded event, DomainEventMessage<?> message) throws SQLException {
        update("respondents = respondents || ',' || ?", event.respondent().organisationAlias(), event.caseId(),
                message);
    }

    @EventHandler
    void on(RespondentWithdrawn event, DomainEventMessage<?> message) throws SQLException {
        update("respondents = array_to_string(array_remove(string_to_array(respondents, ','), ?::text), ',')",
                event.organisationAlias(), event.caseId(), message);
    }

    /** Applies one assignment (with at most one parameter) if the event is newer than the row. */
    private void update(String assignment, String parameter, String caseId, DomainEventMessage<?> message)
            throws SQLException {
        try (var connection = dataSource.getConnection();
             var update = connection.prepareStatement("UPDATE evidence_service.known_case SET " + assignment
                     + ", version = ? WHERE case_id = ? AND version < ?")) {
            int i = 1;
            if (parameter != null) {
                update.setString(i++, parameter);
            }
            update.setLong(i++, message.getSequenceNumber());
            update.setString(i++, caseId);
            update.setLong(i, message.getSequenceNumber());
            update.executeUpdate();
        }
    }
}
