package org.compliance.evidence.query;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.compliance.api.cases.CaseClosed;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.CaseReopened;
import org.compliance.api.cases.Complainant;
import org.compliance.api.cases.ComplainantAdded;
import org.compliance.api.cases.DataSubjectErased;
import org.compliance.api.cases.LeadInvestigatorAssigned;
import org.compliance.api.cases.NamedPerson;
import org.compliance.api.cases.PersonNamed;
import org.compliance.api.cases.Respondent;
import org.compliance.api.cases.RespondentAdded;
import org.compliance.api.cases.RespondentWithdrawn;
import org.compliance.api.cases.TeamMemberAdded;
import org.compliance.api.cases.TeamMemberRemoved;
import org.compliance.api.shared.PersonalData;
import org.compliance.platform.axon.Projection;
import org.compliance.platform.views.ViewTable;

/**
 * Learns of cases from case-service's events: whether each is open, who its respondents are, who works on
 * it (the lead and the team, whose "My work" lists its requests), and its data subjects by name (in
 * {@code known_case_subject}, forgotten on their erasure), what the texts of its requests are searched for. Only these case
 * events matter to the request rules, so only they have handlers. Written in the processor's transaction; an event
 * at or below the row's version is one already folded in and is skipped.
 */
@ApplicationScoped
@Unremovable
@ProcessingGroup(KnownCaseProjection.GROUP)
@Projection
public class KnownCaseProjection {

    public static final String GROUP = "known-cases";


    private static final ViewTable<KnownCase> VIEW = ViewTable.of(KnownCase.class);

    private final AgroalDataSource dataSource;

    public KnownCaseProjection(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @EventHandler
    void on(CaseOpened event, DomainEventMessage<?> message) throws SQLException {
        try (var connection = dataSource.getConnection()) {
            KnownCase known = load(connection, event.caseId());
            if (known != null) {
                return;
            }
            KnownCase row = new KnownCase();
            row.caseId = event.caseId();
            row.status = "OPEN";
            row.respondents = event.respondents().stream().map(Respondent::organisationAlias)
                    .collect(Collectors.joining(","));
            row.respondentNames = RespondentNames.of(event.respondents());
            row.openedAt = event.openedAt();
            row.title = event.title();
            row.authority = event.authority();
            row.leadInvestigatorId = event.leadInvestigator().userId();
            row.team = " ";
            row.version = message.getSequenceNumber();
            VIEW.upsert(connection, row);
            for (Complainant complainant : event.complainants()) {
                if (complainant.kind() == Complainant.Kind.PERSON) {
                    keepSubject(connection, event.caseId(), subjectOf(complainant, event.caseId()),
                            complainant.name());
                }
            }
        }
    }

    @EventHandler
    void on(ComplainantAdded event, DomainEventMessage<?> message) throws SQLException {
        Complainant complainant = event.complainant();
        if (complainant.kind() == Complainant.Kind.PERSON) {
            changeSubjects(event.caseId(), message, connection -> keepSubject(connection, event.caseId(),
                    subjectOf(complainant, event.caseId()), complainant.name()));
        }
    }

    @EventHandler
    void on(PersonNamed event, DomainEventMessage<?> message) throws SQLException {
        NamedPerson person = event.person();
        String subject = person.dataSubject() != null ? person.dataSubject() : event.caseId() + "/" + person.personId();
        changeSubjects(event.caseId(), message, connection -> keepSubject(connection, event.caseId(), subject,
                person.name()));
    }

    /** An erased subject's name is forgotten here: no clear name of theirs stays, and no text is searched for it. */
    @EventHandler
    void on(DataSubjectErased event) throws SQLException {
        try (var connection = dataSource.getConnection();
             var delete = connection.prepareStatement(
                     "DELETE FROM evidence_service.known_case_subject WHERE subject = ?")) {
            delete.setString(1, event.dataSubject());
            delete.executeUpdate();
        }
    }

    @EventHandler
    void on(CaseClosed event, DomainEventMessage<?> message) throws SQLException {
        change(event.caseId(), message, row -> row.status = "CLOSED");
    }

    @EventHandler
    void on(CaseReopened event, DomainEventMessage<?> message) throws SQLException {
        change(event.caseId(), message, row -> row.status = "OPEN");
    }

    @EventHandler
    void on(RespondentAdded event, DomainEventMessage<?> message) throws SQLException {
        change(event.caseId(), message, row -> {
            row.respondents = row.respondents + "," + event.respondent().organisationAlias();
            row.respondentNames = RespondentNames.with(row.respondentNames, event.respondent());
        });
    }

    @EventHandler
    void on(RespondentWithdrawn event, DomainEventMessage<?> message) throws SQLException {
        change(event.caseId(), message, row -> row.respondents = Arrays.stream(row.respondents.split(",", -1))
                .filter(alias -> !alias.equals(event.organisationAlias())).collect(Collectors.joining(",")));
    }

    @EventHandler
    void on(LeadInvestigatorAssigned event, DomainEventMessage<?> message) throws SQLException {
        change(event.caseId(), message, row -> {
            row.leadInvestigatorId = event.leadInvestigator().userId();
            row.team = withoutMember(row.team, event.leadInvestigator().userId());
        });
    }

    @EventHandler
    void on(TeamMemberAdded event, DomainEventMessage<?> message) throws SQLException {
        change(event.caseId(), message, row -> row.team = withoutMember(row.team, event.member().userId())
                + event.member().userId() + " ");
    }

    @EventHandler
    void on(TeamMemberRemoved event, DomainEventMessage<?> message) throws SQLException {
        change(event.caseId(), message, row -> row.team = withoutMember(row.team, event.userId()));
    }

    private static String withoutMember(String team, String userId) {
        return team.replace(" " + userId + " ", " ");
    }

    /** The subject id case-service seals a complainant's texts under (as its CaseState.Person takes it). */
    private static String subjectOf(Complainant complainant, String caseId) {
        return complainant.dataSubject() != null ? complainant.dataSubject()
                : complainant.onCase(caseId).dataSubject();
    }

    /** A name that already reads erased (its key destroyed, read in a replay) is not kept: nothing to search for. */
    private static void keepSubject(Connection connection, String caseId, String subject, String name)
            throws SQLException {
        if (subject == null || name == null || name.isBlank() || PersonalData.ERASED.equals(name)) {
            return;
        }
        try (var upsert = connection.prepareStatement("INSERT INTO evidence_service.known_case_subject"
                + " (subject, case_id, name) VALUES (?, ?, ?) ON CONFLICT (subject) DO UPDATE SET name = EXCLUDED.name")) {
            upsert.setString(1, subject);
            upsert.setString(2, caseId);
            upsert.setString(3, name);
            upsert.executeUpdate();
        }
    }

    @FunctionalInterface
    private interface SubjectChange {
        void apply(Connection connection) throws SQLException;
    }

    /** Changes a known case's data subjects if the event is newer than the case's row, moving the row's version. */
    private void changeSubjects(String caseId, DomainEventMessage<?> message, SubjectChange change)
            throws SQLException {
        try (var connection = dataSource.getConnection()) {
            KnownCase row = load(connection, caseId);
            if (row == null || message.getSequenceNumber() <= row.version) {
                return;
            }
            change.apply(connection);
            row.version = message.getSequenceNumber();
            VIEW.upsert(connection, row);
        }
    }

    /** Changes a known case's row if the event is newer than the row; a case not (yet) known is left alone. */
    private void change(String caseId, DomainEventMessage<?> message, Consumer<KnownCase> change) throws SQLException {
        try (var connection = dataSource.getConnection()) {
            KnownCase row = load(connection, caseId);
            if (row == null || message.getSequenceNumber() <= row.version) {
                return;
            }
            change.accept(row);
            row.version = message.getSequenceNumber();
            VIEW.upsert(connection, row);
        }
    }

    private static KnownCase load(Connection connection, String caseId) throws SQLException {
        try (var select = connection.prepareStatement("SELECT status, respondents, respondent_names, opened_at, "
                + "title, authority, lead_investigator_id, team, version FROM evidence_service.known_case "
                + "WHERE case_id = ? FOR UPDATE")) {
            select.setString(1, caseId);
            try (var found = select.executeQuery()) {
                if (!found.next()) {
                    return null;
                }
                KnownCase row = new KnownCase();
                row.caseId = caseId;
                row.status = found.getString("status");
                row.respondents = found.getString("respondents");
                row.respondentNames = found.getString("respondent_names");
                row.openedAt = found.getTimestamp("opened_at").toInstant();
                row.title = found.getString("title");
                row.authority = found.getString("authority");
                row.leadInvestigatorId = found.getString("lead_investigator_id");
                row.team = found.getString("team");
                row.version = found.getLong("version");
                return row;
            }
        }
    }
}
