package org.compliance.notifications.domain;

import static org.compliance.notifications.domain.NoticeKind.CASE_ASSIGNED;
import static org.compliance.notifications.domain.NoticeKind.CASE_CLOSED;
import static org.compliance.notifications.domain.NoticeKind.CASE_REFERRED;
import static org.compliance.notifications.domain.NoticeKind.DEADLINE_APPROACHING;
import static org.compliance.notifications.domain.NoticeKind.DECISION_ISSUED;
import static org.compliance.notifications.domain.NoticeKind.EVIDENCE_SUBMITTED;
import static org.compliance.notifications.domain.NoticeKind.EXTENSION_GRANTED;
import static org.compliance.notifications.domain.NoticeKind.EXTENSION_REFUSED;
import static org.compliance.notifications.domain.NoticeKind.EXTENSION_REQUESTED;
import static org.compliance.notifications.domain.NoticeKind.MORE_EVIDENCE_REQUESTED;
import static org.compliance.notifications.domain.NoticeKind.REQUEST_ISSUED;
import static org.compliance.notifications.domain.NoticeKind.REQUEST_OVERDUE;
import static org.compliance.notifications.domain.NoticeKind.REQUEST_WITHDRAWN;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
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
import org.compliance.notifications.domain.Audience.CaseLead;
import org.compliance.notifications.domain.Audience.CaseParties;
import org.compliance.notifications.domain.Audience.CaseTeam;
import org.compliance.notifications.domain.Audience.Organisation;
import org.compliance.notifications.domain.Audience.Person;
import org.compliance.notifications.domain.Audience.RequestRespondent;
import org.compliance.notifications.domain.Audience.Role;

/**
 * Who is told what, for each event the suite publishes: the one place a reader finds these rules (the
 * service README has them as a table). Each family of events is folded by an exhaustive switch: an event added
 * to a family must be given its notices (or an explicit none) here before the service compiles.
 */
public final class NotificationPolicy {

    private static final DateTimeFormatter LONDON = DateTimeFormatter
            .ofPattern("HH:mm:ss 'on' EEEE d MMMM uuuu '(London time)'", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));
    private static final Role SUPERVISORS = new Role("supervisor");

    private NotificationPolicy() {
    }

    /** The notices a case event gives; none for the events the README's table does not name. */
    public static List<Notice> notices(CaseEvent event) {
        return switch (event) {
            case CaseOpened e -> one(CASE_ASSIGNED, Urgency.NORMAL, List.of(new Person(e.leadInvestigator().userId())),
                    e.caseId(), null, "You lead the new case " + e.caseId() + ": " + e.title(),
                    "Case " + e.caseId() + " (" + e.title() + ") was opened with you as lead investigator.");
            case LeadInvestigatorAssigned e -> one(CASE_ASSIGNED, Urgency.NORMAL,
                    List.of(new Person(e.leadInvestigator().userId())), e.caseId(), null,
                    "You now lead case " + e.caseId(), "You were made lead investigator of case " + e.caseId() + ".");
            case TeamMemberAdded e -> one(CASE_ASSIGNED, Urgency.NORMAL, List.of(new Person(e.member().userId())),
                    e.caseId(), null, "You joined the team of case " + e.caseId(),
                    "You were added to the investigation team of case " + e.caseId() + ".");
            case DecisionIssued e -> one(DECISION_ISSUED, Urgency.HIGH, partiesAndTeam(e.caseId()), e.caseId(), null,
                    "Decision issued in case " + e.caseId() + ": " + e.kind(),
                    "A decision (" + e.kind() + ") was issued in case " + e.caseId() + ".\nReasons: " + e.reasons());
            case CaseReferred e -> one(CASE_REFERRED, Urgency.NORMAL, partiesAndTeam(e.caseId()), e.caseId(), null,
                    "Case " + e.caseId() + " referred to " + e.referral().authority(),
                    "Case " + e.caseId() + " was referred to " + e.referral().authority() + " (their reference "
                            + e.referral().theirReference() + ").");
            case CaseClosed e -> one(CASE_CLOSED, Urgency.NORMAL, partiesAndTeam(e.caseId()), e.caseId(), null,
                    "Case " + e.caseId() + " closed", "Case " + e.caseId() + " was closed: " + e.reason());
            // nobody is told of these
            case AllegationAdded e -> List.of();
            case AllegationAmended e -> List.of();
            case AllegationWithdrawn e -> List.of();
            case CaseAwaitingOverdueEvidence e -> List.of();
            case CaseNoteAdded e -> List.of();
            case CaseOverdueEvidenceResolved e -> List.of();
            case CaseReopened e -> List.of();
            case CaseResumed e -> List.of();
            case CaseSuspended e -> List.of();
            case ComplainantAdded e -> List.of();
            case ComplainantWithdrawn e -> List.of();
            case FindingsRecorded e -> List.of();
            case InvestigationStarted e -> List.of();
            case LegalHoldLifted e -> List.of();
            case LegalHoldPlaced e -> List.of();
            case RespondentAdded e -> List.of();
            case RespondentWithdrawn e -> List.of();
            case TeamMemberRemoved e -> List.of();
        };
    }

    /** The notices an evidence request's event gives; none for the events the README's table does not name. */
    public static List<Notice> notices(EvidenceEvent event) {
        return switch (event) {
            case EvidenceRequestIssued e -> one(REQUEST_ISSUED, Urgency.HIGH,
                    List.of(new Organisation(e.respondentOrganisationAlias()), new Person(e.issuedBy().userId())),
                    e.caseId(), e.requestId(), "Evidence requested in case " + e.caseId() + ", due " + due(e.dueAt()),
                    "Under " + e.legalBasis() + ", " + e.respondentOrganisationAlias() + " is required to produce:\n"
                            + bullets(e.items()) + (e.instructions().isBlank() ? "" : "Instructions: "
                            + e.instructions() + "\n") + "The evidence is due by " + due(e.dueAt()) + ".");
            case EvidenceDeadlineApproaching e -> one(DEADLINE_APPROACHING,
                    e.daysBefore() <= 1 ? Urgency.URGENT : Urgency.HIGH,
                    List.of(new Organisation(e.respondentOrganisationAlias())), e.caseId(), e.requestId(),
                    "Evidence due in " + e.daysBefore() + (e.daysBefore() == 1 ? " day" : " days") + " (case "
                            + e.caseId() + ")",
                    "The evidence requested in case " + e.caseId() + " is due by " + due(e.dueAt()) + ".");
            case EvidenceRequestOverdue e -> one(REQUEST_OVERDUE, Urgency.URGENT,
                    List.of(new CaseLead(e.caseId()), SUPERVISORS), e.caseId(), e.requestId(),
                    "Evidence overdue from " + e.respondentOrganisationAlias() + " (case " + e.caseId() + ")",
                    "The evidence requested from " + e.respondentOrganisationAlias() + " in case " + e.caseId()
                            + " was due by " + due(e.dueAt()) + " and has not been accepted.");
            case EvidenceSubmitted e -> one(EVIDENCE_SUBMITTED, Urgency.NORMAL, List.of(new CaseLead(e.caseId())),
                    e.caseId(), e.requestId(), (e.late() ? "Late evidence" : "Evidence") + " submitted by "
                            + e.submittedBy().organisationAlias() + " (case " + e.caseId() + ")",
                    e.files().size() + " file(s) submitted by " + e.submittedBy().name() + " ("
                            + e.statementOfTruth().position() + "): " + e.description());
            case ExtensionRequested e -> one(EXTENSION_REQUESTED, Urgency.HIGH,
                    List.of(new CaseLead(e.caseId()), SUPERVISORS), e.caseId(), e.requestId(),
                    "Extension asked for by " + e.requestedBy().organisationAlias() + " (case " + e.caseId() + ")",
                    e.requestedBy().name() + " asks for more time: " + e.reason());
            case ExtensionGranted e -> one(EXTENSION_GRANTED, Urgency.NORMAL, List.of(new RequestRespondent(e.requestId())),
                    e.caseId(), e.requestId(), "Extension granted: evidence now due " + due(e.newDueAt()),
                    "Your extension in case " + e.caseId() + " was granted. The evidence is now due by "
                            + due(e.newDueAt()) + " (was " + due(e.previousDueAt()) + ").");
            case ExtensionRefused e -> one(EXTENSION_REFUSED, Urgency.HIGH, List.of(new RequestRespondent(e.requestId())),
                    e.caseId(), e.requestId(), "Extension refused (case " + e.caseId() + ")",
                    "Your extension in case " + e.caseId() + " was refused: " + e.reason()
                            + " The original due moment stands.");
            case MoreEvidenceRequested e -> one(MORE_EVIDENCE_REQUESTED, Urgency.HIGH,
                    List.of(new RequestRespondent(e.requestId())), e.caseId(), e.requestId(),
                    "More evidence required by " + due(e.newDueAt()) + " (case " + e.caseId() + ")",
                    "Still missing: " + e.stillMissing() + "\nDue by " + due(e.newDueAt()) + ".");
            case EvidenceRequestWithdrawn e -> one(REQUEST_WITHDRAWN, Urgency.NORMAL,
                    List.of(new RequestRespondent(e.requestId())), e.caseId(), e.requestId(),
                    "Evidence request withdrawn (case " + e.caseId() + ")",
                    "The evidence request " + e.requestId() + " was withdrawn: " + e.reason());
            // nobody is told of these
            case EvidenceRequestAcknowledged e -> List.of();
            case EvidenceAccepted e -> List.of();
            case EvidenceDownloaded e -> List.of();
            case EvidenceClockStopped e -> List.of();
            case EvidenceClockRestarted e -> List.of();
        };
    }

    private static List<Audience> partiesAndTeam(String caseId) {
        return List.of(new CaseParties(caseId), new CaseTeam(caseId));
    }

    private static List<Notice> one(NoticeKind kind, Urgency urgency, List<Audience> audience, String caseId,
                                    String requestId, String subject, String body) {
        return List.of(new Notice(kind, urgency, audience, caseId, requestId, subject, body));
    }

    private static String due(Instant moment) {
        return LONDON.format(moment);
    }

    private static String bullets(List<String> items) {
        StringBuilder text = new StringBuilder();
        items.forEach(item -> text.append("  - ").append(item).append('\n'));
        return text.toString();
    }
}
