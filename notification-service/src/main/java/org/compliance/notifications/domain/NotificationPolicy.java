package org.compliance.notifications.domain;

import static org.compliance.notifications.domain.NoticeKind.CASE_ASSIGNED;
import static org.compliance.notifications.domain.NoticeKind.CASE_CLOSED;
import static org.compliance.notifications.domain.NoticeKind.CASE_REFERRED;
import static org.compliance.notifications.domain.NoticeKind.CLOCK_RESTARTED;
import static org.compliance.notifications.domain.NoticeKind.CLOCK_STOPPED;
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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import org.compliance.api.shared.StaffMember;
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
 *
 * <p>What reaches a company is public by construction: where staff may read internal words (a decision's internal
 * reasoning, the reason for closing or referring a case), the event gives two notices, one for the case's staff
 * and one in public words for the companies concerned; a decision addressed to one respondent is told to that
 * respondent only. Each notice names its actor (the member of staff whose action the event records), whom the
 * notifier leaves out unless they chose to be told of their own actions.
 */
public final class NotificationPolicy {

    private static final Role SUPERVISORS = new Role("supervisor");

    private NotificationPolicy() {
    }

    /**
     * The notices a case event gives; none for the events the README's table does not name.
     *
     * @param actingUser who sent the command that recorded the event (its metadata), for events that do not name
     *                   their actor themselves; null when not known
     */
    public static List<Notice> notices(CaseEvent event, Names names, String actingUser) {
        OfCase w = new OfCase(names, event.caseId());
        return switch (event) {
            case CaseOpened e -> List.of(w.notice(CASE_ASSIGNED, Urgency.NORMAL,
                    List.of(new Person(e.leadInvestigator().userId())), null,
                    "You lead the new " + w.kase(),
                    "The " + w.kase() + " against " + Words.and(e.respondents().stream()
                            .map(r -> names.organisation(r.organisationAlias())).toList()) + " was opened"
                            + (e.openedAt() == null ? "" : " at " + Words.moment(e.openedAt()))
                            + " with you as lead investigator.", actingUser));
            case LeadInvestigatorAssigned e -> List.of(w.notice(CASE_ASSIGNED, Urgency.NORMAL,
                    List.of(new Person(e.leadInvestigator().userId())), null, "You now lead the " + w.kase(),
                    "You were made lead investigator of the " + w.kase()
                            + (e.previousLeadInvestigator() == null ? "" : ", in place of "
                            + e.previousLeadInvestigator().name()) + ".", actingUser));
            case TeamMemberAdded e -> List.of(w.notice(CASE_ASSIGNED, Urgency.NORMAL,
                    List.of(new Person(e.member().userId())), null, "You joined the team of the " + w.kase(),
                    "You were added to the investigation team of the " + w.kase() + ".", actingUser));
            case DecisionIssued e -> decision(e, names, w);
            case CaseReferred e -> {
                var referral = e.referral();
                String subject = "The " + w.kase() + " was referred to " + referral.authority();
                String told = "The " + w.kase() + " was referred to " + referral.authority();
                yield List.of(
                        w.notice(CASE_REFERRED, Urgency.NORMAL, List.of(new CaseTeam(e.caseId())), null, subject,
                                told + " (their reference " + referral.theirReference() + ").\nReason: "
                                        + referral.reason() + "\n" + toldTheParties(referral.publicReason(),
                                        "that the case was referred"), actingUser),
                        w.notice(CASE_REFERRED, Urgency.NORMAL, List.of(new CaseParties(e.caseId())), null, subject,
                                told + "." + publicReason(referral.publicReason()), actingUser));
            }
            case CaseClosed e -> {
                String subject = "The " + w.kase() + " was closed";
                String told = "The " + w.kase() + " was closed.";
                yield List.of(
                        w.notice(CASE_CLOSED, Urgency.NORMAL, List.of(new CaseTeam(e.caseId())), null, subject,
                                told + "\nReason: " + e.reason() + "\n" + toldTheParties(e.publicReason(),
                                        "that the case was closed"), actingUser),
                        w.notice(CASE_CLOSED, Urgency.NORMAL, List.of(new CaseParties(e.caseId())), null, subject,
                                told + publicReason(e.publicReason()), actingUser));
            }
            // nobody is told of these
            case AllegationAdded e -> List.of();
            case AllegationAmended e -> List.of();
            case AllegationWithdrawn e -> List.of();
            case CaseAwaitingOverdueEvidence e -> List.of();
            case CaseNoteAdded e -> List.of();
            case DataSubjectErased e -> List.of();
            case PersonNamed e -> List.of();
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
    public static List<Notice> notices(EvidenceEvent event, Names names) {
        OfCase w = new OfCase(names, event.caseId());
        return switch (event) {
            case EvidenceRequestIssued e -> List.of(w.notice(REQUEST_ISSUED, Urgency.HIGH,
                    List.of(new Organisation(e.respondentOrganisationAlias()), new Person(e.issuedBy().userId())),
                    e.requestId(), "Evidence requested in the " + w.kase() + ", due " + Words.moment(e.dueAt()),
                    "Under " + e.legalBasis() + ", " + names.organisation(e.respondentOrganisationAlias())
                            + " is required to produce, in the " + w.kase() + ":\n" + bullets(e.items())
                            + (e.instructions() == null || e.instructions().isBlank() ? ""
                            : "Instructions: " + e.instructions() + "\n")
                            + "The evidence is due by " + Words.moment(e.dueAt()) + ".", actor(e.issuedBy())));
            case EvidenceDeadlineApproaching e -> List.of(w.notice(DEADLINE_APPROACHING,
                    e.daysBefore() <= 1 ? Urgency.URGENT : Urgency.HIGH,
                    List.of(new Organisation(e.respondentOrganisationAlias())), e.requestId(),
                    "Evidence due in " + Words.count(e.daysBefore(), "day") + " (" + w.kase() + ")",
                    "The evidence requested from " + names.organisation(e.respondentOrganisationAlias()) + " in the "
                            + w.kase() + " is due by " + Words.moment(e.dueAt()) + ".", null));
            case EvidenceRequestOverdue e -> List.of(w.notice(REQUEST_OVERDUE, Urgency.URGENT,
                    List.of(new CaseLead(e.caseId()), SUPERVISORS), e.requestId(),
                    "Evidence overdue from " + names.organisation(e.respondentOrganisationAlias()) + " ("
                            + w.kase() + ")",
                    "The evidence requested from " + names.organisation(e.respondentOrganisationAlias()) + " in the "
                            + w.kase() + " was due by " + Words.moment(e.dueAt()) + " and has not been accepted.",
                    null));
            case EvidenceSubmitted e -> List.of(w.notice(EVIDENCE_SUBMITTED, Urgency.NORMAL,
                    List.of(new CaseLead(e.caseId())), e.requestId(), (e.late() ? "Late evidence" : "Evidence")
                            + " submitted by " + names.organisation(e.submittedBy().organisationAlias()) + " ("
                            + w.kase() + ")",
                    Words.count(e.files().size(), "file") + " submitted by " + e.submittedBy().name() + " ("
                            + e.statementOfTruth().position() + ")"
                            + (e.submittedAt() == null ? "" : " at " + Words.moment(e.submittedAt()))
                            + (e.late() ? ", after the due moment" : "") + ": " + e.description(), null));
            case ExtensionRequested e -> List.of(w.notice(EXTENSION_REQUESTED, Urgency.HIGH,
                    List.of(new CaseLead(e.caseId()), SUPERVISORS), e.requestId(),
                    "Extension asked for by " + names.organisation(e.requestedBy().organisationAlias()) + " ("
                            + w.kase() + ")",
                    e.requestedBy().name() + " of " + names.organisation(e.requestedBy().organisationAlias())
                            + " asks for more time in the " + w.kase() + ": " + e.reason(), null));
            case ExtensionGranted e -> List.of(w.notice(EXTENSION_GRANTED, Urgency.NORMAL,
                    List.of(new RequestRespondent(e.requestId())), e.requestId(),
                    "Extension granted: evidence now due " + Words.moment(e.newDueAt()) + " (" + w.kase() + ")",
                    "Your extension in the " + w.kase() + " was granted. The evidence is now due by "
                            + Words.moment(e.newDueAt()) + " (was " + Words.moment(e.previousDueAt()) + ").",
                    actor(e.grantedBy())));
            case ExtensionRefused e -> List.of(w.notice(EXTENSION_REFUSED, Urgency.HIGH,
                    List.of(new RequestRespondent(e.requestId())), e.requestId(),
                    "Extension refused (" + w.kase() + ")",
                    "Your extension in the " + w.kase() + " was refused: " + e.reason()
                            + "\nThe evidence is due when it was due before.", actor(e.refusedBy())));
            case MoreEvidenceRequested e -> List.of(w.notice(MORE_EVIDENCE_REQUESTED, Urgency.HIGH,
                    List.of(new RequestRespondent(e.requestId())), e.requestId(),
                    "More evidence required by " + Words.moment(e.newDueAt()) + " (" + w.kase() + ")",
                    "More evidence is required in the " + w.kase() + ".\nStill missing: " + e.stillMissing()
                            + "\nDue by " + Words.moment(e.newDueAt()) + ".", actor(e.requestedBy())));
            case EvidenceRequestWithdrawn e -> List.of(w.notice(REQUEST_WITHDRAWN, Urgency.NORMAL,
                    List.of(new RequestRespondent(e.requestId())), e.requestId(),
                    "Evidence request withdrawn (" + w.kase() + ")",
                    "An evidence request in the " + w.kase() + " was withdrawn: " + e.reason()
                            + "\nNothing more is to be sent for it.", actor(e.withdrawnBy())));
            case EvidenceClockStopped e -> {
                String stopped = " in the " + w.kase() + " stopped"
                        + (e.stoppedAt() == null ? "" : " at " + Words.moment(e.stoppedAt())) + "."
                        + (e.reason() == null || e.reason().isBlank() ? "" : "\nReason: " + e.reason());
                yield clock(w, e.requestId(), CLOCK_STOPPED, Urgency.NORMAL, e.stoppedBy(),
                        "Clock stopped on an evidence request (" + w.kase() + ")", stopped,
                        "\nWhile it is stopped, no reminder is sent and the evidence cannot become overdue. You will "
                                + "be told when it restarts and when the evidence is then due.", "Stopped by ");
            }
            case EvidenceClockRestarted e -> {
                Duration stoppedFor = e.stoppedFor() != null ? e.stoppedFor()
                        : Duration.between(e.stoppedAt(), e.restartedAt());
                yield clock(w, e.requestId(), CLOCK_RESTARTED, Urgency.HIGH, e.restartedBy(),
                        "Clock restarted: evidence now due " + Words.moment(e.newDueAt()) + " (" + w.kase() + ")",
                        " in the " + w.kase() + " restarted"
                                + (e.restartedAt() == null ? "" : " at " + Words.moment(e.restartedAt()))
                                + ". It was stopped for " + Words.duration(stoppedFor)
                                + ", so the evidence is now due by " + Words.moment(e.newDueAt())
                                + (e.previousDueAt() == null ? "" : " (was " + Words.moment(e.previousDueAt()) + ")")
                                + ".", "", "Restarted by ");
            }
            // nobody is told of these
            case EvidenceRequestAcknowledged e -> List.of();
            case EvidenceAccepted e -> List.of();
            case EvidenceDownloaded e -> List.of();
            case ReviewNoteAdded e -> List.of(); // the regulator's own note on a file
        };
    }

    /**
     * A decision: staff read it whole, with the internal reasoning; the companies it is addressed to (one
     * respondent, or every party when it is case-wide) read the public reasons only.
     */
    private static List<Notice> decision(DecisionIssued e, Names names, OfCase w) {
        String addressee = e.addresseeOrganisationAlias() == null ? null
                : names.organisation(e.addresseeOrganisationAlias());
        String decision = Words.decision(e);
        String told = "A decision was issued in the " + w.kase()
                + (e.issuedAt() == null ? "" : " at " + Words.moment(e.issuedAt()))
                + (addressee == null ? ", for the whole case" : ", addressed to " + addressee) + ": " + decision
                + "." + (e.reasons() == null || e.reasons().isBlank() ? "" : "\nReasons: " + e.reasons())
                + enforcement(e);
        String staffSubject = "Decision issued" + (addressee == null ? "" : " to " + addressee) + " in the "
                + w.kase() + ": " + decision;
        List<Notice> notices = new ArrayList<>();
        notices.add(w.notice(DECISION_ISSUED, Urgency.HIGH, List.of(new CaseTeam(e.caseId())), null, staffSubject,
                told + (e.internalReasoning() == null || e.internalReasoning().isBlank() ? ""
                        : "\nInternal reasoning (staff only): " + e.internalReasoning())
                        + (e.decidedBy() == null ? "" : "\nDecided by " + e.decidedBy().name() + "."),
                actor(e.decidedBy())));
        Audience companies = e.addresseeOrganisationAlias() == null ? new CaseParties(e.caseId())
                : new Organisation(e.addresseeOrganisationAlias());
        notices.add(w.notice(DECISION_ISSUED, Urgency.HIGH, List.of(companies), null,
                "Decision in the " + w.kase() + ": " + decision, told, actor(e.decidedBy())));
        return notices;
    }

    /**
     * A request's clock stopped or restarted: the respondent's users read of their request, the case's staff of
     * the request and who did it. The reason given for a stop is the public one, so both read it.
     */
    private static List<Notice> clock(OfCase w, String requestId, NoticeKind kind, Urgency urgency, StaffMember by,
                                      String subject, String what, String companyNote, String byWhom) {
        return List.of(
                w.notice(kind, urgency, List.of(new RequestRespondent(requestId)), requestId, subject,
                        "The clock of your evidence request" + what + companyNote, actor(by)),
                w.notice(kind, urgency, List.of(new CaseTeam(w.caseId())), requestId, subject,
                        "The clock of an evidence request" + what
                                + (by == null ? "" : "\n" + byWhom + by.name() + "."), actor(by)));
    }

    private static String enforcement(DecisionIssued e) {
        if (e.enforcementNotice() == null) {
            return "";
        }
        var notice = e.enforcementNotice();
        return "\nSteps required:\n" + bullets(notice.stepsRequired() == null ? List.of() : notice.stepsRequired())
                .stripTrailing() + (notice.complianceDate() == null ? ""
                : "\nTo be complied with by " + Words.day(notice.complianceDate()) + ".");
    }

    private static String publicReason(String publicReason) {
        return publicReason == null || publicReason.isBlank() ? "" : "\nReason: " + publicReason;
    }

    private static String toldTheParties(String publicReason, String fact) {
        return publicReason == null || publicReason.isBlank()
                ? "The parties were told only " + fact + "."
                : "The parties were told: " + publicReason;
    }

    private static String actor(StaffMember staff) {
        return staff == null ? null : staff.userId();
    }

    private static String bullets(List<String> items) {
        StringBuilder text = new StringBuilder();
        items.forEach(item -> text.append("  - ").append(item).append('\n'));
        return text.toString();
    }

    /** The case's name in running text, and the notices of one case. */
    private record OfCase(Names names, String caseId, String kase, String title) {

        OfCase(Names names, String caseId) {
            this(names, caseId, names.caseTitle(caseId).map(t -> "case \"" + t + "\"").orElse("case " + caseId),
                    names.caseTitle(caseId).orElse(caseId));
        }

        Notice notice(NoticeKind kind, Urgency urgency, List<Audience> audience, String requestId, String subject,
                      String body, String actor) {
            return new Notice(kind, urgency, audience, caseId, title, requestId, subject, body, actor);
        }
    }
}
