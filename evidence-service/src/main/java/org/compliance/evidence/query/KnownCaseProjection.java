package org.compliance.evidence.query;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.axonframework.eventhandling.EventHandler;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.Respondent;

/** Learns of cases from case-service's events; written in the processor's transaction, idempotently. */
@ApplicationScoped
@Unremovable
public class KnownCaseProjection {

    private final AgroalDataSource dataSource;

    public KnownCaseProjection(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @EventHandler
    void on(CaseOpened event) throws SQLException {
        try (var connection = dataSource.getConnection();
             var insert = connection.prepareStatement("""
                     INSERT INTO evidence_service.known_case (case_id, status, respondents, opened_at)
                     VALUES (?, 'OPEN', ?, ?)
                     ON CONFLICT (case_id) DO NOTHING""")) {
            insert.setString(1, event.caseId());
            insert.setString(2, String.join(",", event.respondents().stream().map(Respondent::organisationAlias)
                    .toList()));
            insert.setTimestamp(3, Timestamp.from(event.openedAt()));
            insert.executeUpdate();
        }
    }
}
