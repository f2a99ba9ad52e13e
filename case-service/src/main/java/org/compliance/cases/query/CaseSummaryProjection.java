package org.compliance.cases.query;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.axonframework.eventhandling.EventHandler;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.Respondent;

/**
 * Keeps {@code case_service.case_summary}. Writes go through the JTA datasource inside the processor's
 * transaction, so a row and the token that covers it commit together; the insert is idempotent all the same.
 */
@ApplicationScoped
@Unremovable
public class CaseSummaryProjection {

    private final AgroalDataSource dataSource;

    public CaseSummaryProjection(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @EventHandler
    void on(CaseOpened event) throws SQLException {
        String respondents = String.join(",", event.respondents().stream().map(Respondent::organisationAlias).toList());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO case_service.case_summary
                         (case_id, title, status, respondents, lead_investigator_id, lead_investigator_name, opened_at)
                     VALUES (?, ?, 'OPENED', ?, ?, ?, ?)
                     ON CONFLICT (case_id) DO NOTHING""")) {
            insert.setString(1, event.caseId());
            insert.setString(2, event.title());
            insert.setString(3, respondents);
            insert.setString(4, event.leadInvestigator().userId());
            insert.setString(5, event.leadInvestigator().name());
            insert.setTimestamp(6, Timestamp.from(event.openedAt()));
            insert.executeUpdate();
        }
    }
}
