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
import org.compliance.api.cases.AllegationAdded;
import org.compliance.api.cases.AllegationAmended;
import org.compliance.api.cases.AllegationWithdrawn;
import org.compliance.api.cases.CaseAwaitingOverdueEvidence;
import org.compliance.api.cases.CaseClosed;
import org.compliance.api.cases.CaseEvent;
import org.compliance.api.cases.CaseNoteAdded;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.CaseOverdueEvidenceResolved;
import org.compliance.api.cases.CaseReferred;
import org.compliance.api.cases.CaseReopened;
import org.compliance.api.cases.CaseResumed;
import org.compliance.api.cases.CaseSuspended;
import org.compliance.api.cases.ComplainantAdded;
import org.compliance.api.cases.ComplainantWithdrawn;
import org.compliance.api.cases.DataSubjectErased;
import org.compliance.api.cases.PersonNamed;
import org.compliance.api.cases.DecisionIssued;
import org.compliance.api.cases.FindingsRecorded;
import org.compliance.api.cases.InvestigationStarted;
import org.compliance.api.cases.LeadInvestigatorAssigned;
import org.compliance.api.cases.LegalHoldLifted;
import org.compliance.api.cases.LegalHoldPlaced;
import org.compliance.api.cases.RespondentAdded;
import org.compliance.api.cases.RespondentWithdrawn;
import org.compliance.api.cases.TeamMemberAdded;
import org.compliance.api.cases.TeamMemberRemoved;
import org.compliance.api.evidence.EvidenceAccepted;
import org.compliance.api.evidence.EvidenceClockRestarted;
import org.compliance.api.evidence.EvidenceClockStopped;
import org.compliance.api.evidence.EvidenceDeadlineApproaching;
import org.compliance.api.evidence.EvidenceDownloaded;
import org.compliance.api.evidence.ReviewNoteAdded;
import org.compliance.api.evidence.EvidenceEvent;
import org.compliance.api.evidence.EvidenceRequestAcknowledged;
import org.compliance.api.evidence.EvidenceRequestIssued;
import org.compliance.api.evidence.EvidenceRequestOverdue;
import org.compliance.api.evidence.EvidenceRequestWithdrawn;
import org.compliance.api.evidence.EvidenceSubmitted;
import org.compliance.api.evidence.ExtensionGranted;
import org.compliance.api.evidence.ExtensionRefused;
import org.compliance.api.evidence.ExtensionRequested;
import org.compliance.api.evidence.MoreEvidenceRequested;

/**
 * Who belongs to a case and to whom a request is addressed, as the events tell it: what the notification
 * rules need to find "the lead investigator", "the team", "the parties" and "the respondent", and the case's title
 * that notices call it by. In the notifier's
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
    void on(CaseEvent event) throws SQLException {
        switch (event) {
            case CaseOpened e -> opened(e);
            case LeadInvestigatorAssigned e -> {
                update("DELETE FROM notification_service.case_roster WHERE case_id = ? AND role = 'LEAD'", e.caseId());
                update("DELETE FROM notification_service.case_roster WHERE case_id = ? AND user_id = ?", e.caseId(),
                        e.leadInvestigator().userId());
                member(e.caseId(), e.leadInvestigator().userId(), "LEAD");
            }
            case TeamMemberAdded e -> member(e.caseId(), e.member().userId(), "MEMBER");
            case TeamMemberRemoved e -> update("DELETE FROM notification_service.case_roster "
                    + "WHERE case_id = ? AND user_id = ? AND role = 'MEMBER'", e.caseId(), e.userId());
            case RespondentAdded e -> party(e.caseId(), e.respondent().organisationAlias(), "RESPONDENT");
            case RespondentWithdrawn e -> update("DELETE FROM notification_service.case_party "
                    + "WHERE case_id = ? AND organisation_alias = ? AND role = 'RESPONDENT'", e.caseId(),
                    e.organisationAlias());
            case ComplainantAdded e -> {
                if (e.complainant().organisationAlias() != null) {
                    party(e.caseId(), e.complainant().organisationAlias(), "COMPLAINANT");
                }
            }
            // who belongs to the case is not changed by these
            case AllegationAdded e -> { }
            case AllegationAmended e -> { }
            case AllegationWithdrawn e -> { }
            case CaseAwaitingOverdueEvidence e -> { }
            case CaseClosed e -> { }
            case CaseNoteAdded e -> { }
            case DataSubjectErased e -> { }
            case PersonNamed e -> { }
            case CaseOverdueEvidenceResolved e -> { }
            case CaseReferred e -> { }
            case CaseReopened e -> { }
            case CaseResumed e -> { }
            case CaseSuspended e -> { }
            case ComplainantWithdrawn e -> { }
            case DecisionIssued e -> { }
            case FindingsRecorded e -> { }
            case InvestigationStarted e -> { }
            case LegalHoldLifted e -> { }
            case LegalHoldPlaced e -> { }
        }
    }

    @EventHandler
    void on(EvidenceEvent event) throws SQLException {
        switch (event) {
            case EvidenceRequestIssued e -> update("INSERT INTO notification_service.request_roster "
                    + "(request_id, case_id, organisation_alias) VALUES (?, ?, ?) ON CONFLICT (request_id) DO NOTHING",
                    e.requestId(), e.caseId(), e.respondentOrganisationAlias());
            // to whom the request is addressed is not changed by these
            case EvidenceRequestAcknowledged e -> { }
            case ExtensionRequested e -> { }
            case ExtensionGranted e -> { }
            case ExtensionRefused e -> { }
            case EvidenceSubmitted e -> { }
            case EvidenceAccepted e -> { }
            case MoreEvidenceRequested e -> { }
            case EvidenceRequestWithdrawn e -> { }
            case EvidenceDeadlineApproaching e -> { }
            case EvidenceRequestOverdue e -> { }
            case EvidenceDownloaded e -> { }
            case EvidenceClockStopped e -> { }
            case EvidenceClockRestarted e -> { }
            case ReviewNoteAdded e -> { }
        }
    }

    private void opened(CaseOpened e) throws SQLException {
        update("INSERT INTO notification_service.case_title (case_id, title) VALUES (?, ?) ON CONFLICT (case_id) "
                + "DO NOTHING", e.caseId(), e.title());
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

    /** The case's title as it was opened; empty for a case opened before titles were kept. */
    public Optional<String> title(String caseId) throws SQLException {
        return strings("SELECT title FROM notification_service.case_title WHERE case_id = ?", caseId).stream()
                .findFirst();
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
