package org.compliance.notifications.roster;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.ComplainantAdded;
import org.compliance.api.cases.LeadInvestigatorAssigned;
import org.compliance.api.cases.RespondentAdded;
import org.compliance.api.cases.RespondentWithdrawn;
import org.compliance.api.cases.TeamMemberAdded;
import org.compliance.api.cases.TeamMemberRemoved;
import org.compliance.api.evidence.EvidenceRequestIssued;

/**
 * Who belongs to a case and to whom a request is addressed, as the events tell it: what the notification
 * rules need to find "the lead investigator", "the team", "the parties" and "the respondent". In the notifier's
 * processing group, registered before it: an event's roster change is in place when it is notified, is parked
 * with its notices, and is never rebuilt apart from them.
 */
@ApplicationScoped
@Unremovable
@ProcessingGroup("notifier")
public class CaseRoster {

    private final AgroalDataSource dataSource;

    public CaseRoster(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @EventHandler
    void on(CaseOpened e) throws SQLException {
        member(e.caseId(), e.leadInvestigator().userId(), "LEAD");
        for (var respondent : e.respondents()) {
            party(e.caseId(), respondent.organisationAlias(), "RESPONDENT");
        }
        for (var complainant : e.complainants()) {
            if (complainant.organisationAlias() != null) {
                party(e.caseId(), complainant.organisationAlias(), "COMPLAINANT");
            }
        }
    }

    @EventHandler
    void on(LeadInvestigatorAssigned e) throws SQLException {
        update("DELETE FROM notification_service.case_roster WHERE case_id = ? AND role = 'LEAD'", e.caseId());
        update("DELETE FROM notification_service.case_roster WHERE case_id = ? AND user_id = ?", e.caseId(),
                e.leadInvestigator().userId());
        member(e.caseId(), e.leadInvestigator().userId(), "LEAD");
    }

    @EventHandler
    void on(TeamMemberAdded e) throws SQLException {
        member(e.caseId(), e.member().userId(), "MEMBER");
    }

    @EventHandler
    void on(TeamMemberRemoved e) throws SQLException {
        update("DELETE FROM notification_service.case_roster WHERE case_id = ? AND user_id = ? AND role = 'MEMBER'",
                e.caseId(), e.userId());
    }

    @EventHandler
    void on(RespondentAdded e) throws SQLException {
        party(e.caseId(), e.respondent().organisationAlias(), "RESPONDENT");
    }

    @EventHandler
    void on(RespondentWithdrawn e) throws SQLException {
        update("DELETE FROM notification_service.case_party WHERE case_id = ? AND organisation_alias = ? "
                + "AND role = 'RESPONDENT'", e.caseId(), e.organisationAlias());
    }

    @EventHandler
    void on(ComplainantAdded e) throws SQLException {
        if (e.complainant().organisationAlias() != null) {
            party(e.caseId(), e.complainant().organisationAlias(), "COMPLAINANT");
        }
    }

    @EventHandler
    void on(EvidenceRequestIssued e) throws SQLException {
        update("INSERT INTO notification_service.request_roster (request_id, case_id, organisation_alias) "
                + "VALUES (?, ?, ?) ON CONFLICT (request_id) DO NOTHING", e.requestId(), e.caseId(),
                e.respondentOrganisationAlias());
    }

    public Optional<String> lead(String caseId) throws SQLException {
        return strings("SELECT user_id FROM notification_service.case_roster WHERE case_id = ? AND role = 'LEAD'",
                caseId).stream().findFirst();
    }

    public List<String> team(String caseId) throws SQLException {
        return strings("SELECT user_id FROM notification_service.case_roster WHERE case_id = ?", caseId);
    }

    public List<String> parties(String caseId) throws SQLException {
        return strings("SELECT DISTINCT organisation_alias FROM notification_service.case_party WHERE case_id = ?",
                caseId);
    }

    public Optional<String> respondentOf(String requestId) throws SQLException {
        return strings("SELECT organisation_alias FROM notification_service.request_roster WHERE request_id = ?",
                requestId).stream().findFirst();
    }

    private void member(String caseId, String userId, String role) throws SQLException {
        update("INSERT INTO notification_service.case_roster (case_id, user_id, role) VALUES (?, ?, ?) "
                + "ON CONFLICT (case_id, user_id) DO UPDATE SET role = excluded.role", caseId, userId, role);
    }

    private void party(String caseId, String alias, String role) throws SQLException {
        update("INSERT INTO notification_service.case_party (case_id, organisation_alias, role) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING", caseId, alias, role);
    }

    private void update(String sql, String... values) throws SQLException {
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    private List<String> strings(String sql, String value) throws SQLException {
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement(sql)) {
            statement.setString(1, value);
            List<String> found = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
            return found;
        }
    }
}
