package org.compliance.evidence.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.compliance.api.evidence.AcceptEvidence;
import org.compliance.api.evidence.AddReviewNote;
import org.compliance.api.evidence.AcknowledgeEvidenceRequest;
import org.compliance.api.evidence.EvidenceAccepted;
import org.compliance.api.evidence.EvidenceClockRestarted;
import org.compliance.api.evidence.EvidenceClockStopped;
import org.compliance.api.evidence.EvidenceCommand;
import org.compliance.api.evidence.EvidenceEvent;
import org.compliance.api.evidence.EvidenceDeadlineApproaching;
import org.compliance.api.evidence.EvidenceDownloaded;
import org.compliance.api.evidence.EvidenceFile;
import org.compliance.api.evidence.EvidenceRequestAcknowledged;
import org.compliance.api.evidence.EvidenceRequestIssued;
import org.compliance.api.evidence.EvidenceRequestOverdue;
import org.compliance.api.evidence.EvidenceRequestWithdrawn;
import org.compliance.api.evidence.EvidenceSubmitted;
import org.compliance.api.evidence.ExtensionGranted;
import org.compliance.api.evidence.ExtensionRefused;
import org.compliance.api.evidence.ExtensionRequested;
import org.compliance.api.evidence.FormalNotice;
import org.compliance.api.evidence.GrantExtension;
import org.compliance.api.evidence.IssueEvidenceRequest;
import org.compliance.api.evidence.MoreEvidenceRequested;
import org.compliance.api.evidence.RecordEvidenceDownload;
import org.compliance.api.evidence.RefuseExtension;
import org.compliance.api.evidence.RequestExtension;
import org.compliance.api.evidence.RequestMoreEvidence;
import org.compliance.api.evidence.RestartClock;
import org.compliance.api.evidence.ReviewNoteAdded;
import org.compliance.api.evidence.StopClock;
import org.compliance.api.evidence.SubmitEvidence;
import org.compliance.api.evidence.WithdrawEvidenceRequest;
import org.compliance.api.shared.CompanyUser;
import org.compliance.api.shared.DataSubjects;
import org.compliance.api.shared.StaffMember;
import org.compliance.evidence.domain.Deadlines.Deadline;
import org.compliance.evidence.domain.Deadlines.DueMomentPassed;
import org.compliance.evidence.domain.Deadlines.ReminderDue;
import org.compliance.platform.domain.RuleViolation;

/**
 * The rules of an evidence request as a decider, plain Java: {@link #decide} takes the request as its events left
 * it, a command (or a deadline) and the time, and answers the events to record, or throws a {@link RuleViolation}
 * (409: the request's state forbids it; 422: it can never succeed); {@link #evolve} folds one event into the
 * state. The aggregate {@link EvidenceRequest} only carries these into Axon.
 */
public final class EvidenceRules {

    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");

    private EvidenceRules() {
    }

    /**
     * The events a command records on a request ({@code state} is null before its issue). {@code cases} is
     * what evidence-service knows of cases; only an issue asks it.
     */
    public static List<EvidenceEvent> decide(RequestState state, EvidenceCommand command, Instant now,
                                             KnownCases cases) {
        return decide(state, command, now, cases, Periods.calendarDaysOnly());
    }

    /**
     * As {@link #decide(RequestState, EvidenceCommand, Instant, KnownCases)}, with how the case's authority counts
     * periods: an issue counts its due moment by {@code periods}.
     */
    public static List<EvidenceEvent> decide(RequestState state, EvidenceCommand command, Instant now,
                                             KnownCases cases, Periods periods) {
        if (!(command instanceof IssueEvidenceRequest) && state == null) {
            throw RuleViolation.unprocessable("No evidence request " + command.requestId() + " was issued");
        }
        return List.<EvidenceEvent>of(switch (command) {
            case IssueEvidenceRequest c -> issue(state, c, now, cases, periods);
            case AcknowledgeEvidenceRequest c -> acknowledge(state, c, now);
            case SubmitEvidence c -> submit(state, c, now, cases);
            case RequestExtension c -> requestExtension(state, c, now, cases);
            case GrantExtension c -> grantExtension(state, c, now);
            case RefuseExtension c -> refuseExtension(state, c, cases);
            case AcceptEvidence c -> accept(state, c, now);
            case RequestMoreEvidence c -> requestMore(state, c, now, cases);
            case WithdrawEvidenceRequest c -> withdraw(state, c, cases);
            case RecordEvidenceDownload c -> download(state, c, now);
            case StopClock c -> stopClock(state, c, now, cases);
            case RestartClock c -> restartClock(state, c, now);
            case AddReviewNote c -> noteReview(state, c, now, cases);
        });
    }

    /** The events a deadline of the request records when it fires: none for a deadline no longer the request's. */
    public static List<EvidenceEvent> decide(RequestState state, Deadline deadline, Instant now) {
        Optional<? extends EvidenceEvent> event = switch (deadline) {
            case ReminderDue reminder -> remind(state, reminder, now);
            case DueMomentPassed passed -> overdue(state, passed);
        };
        return event.<List<EvidenceEvent>>map(List::of).orElse(List.of());
    }

    /**
     * Whether an event the sender of a change had not yet seen (it came after the version in their If-Match) makes
     * the change a conflict. A download (chain of custody) and a reminder change nothing a sender decides on: staff
     * who download the evidence and then accept it, or a company that answers while a reminder goes out, are not
     * refused for it. Nor does a review note: it changes nothing the rules decide on, a colleague's note must not
     * stop an acceptance, and the company, which never reads notes, could not learn what it missed. Every other event
     * is a change to the request the sender did not see.
     */
    public static boolean conflictsWithAnUnseenChange(EvidenceEvent unseen) {
        return !(unseen instanceof EvidenceDownloaded || unseen instanceof EvidenceDeadlineApproaching
                || unseen instanceof ReviewNoteAdded);
    }

    /** The request after one more of its events ({@code state} is null before its issue). */
    public static RequestState evolve(RequestState state, EvidenceEvent event) {
        return switch (event) {
            case EvidenceRequestIssued e -> RequestState.issued(e);
            case EvidenceRequestAcknowledged e -> state.withAcknowledged();
            case EvidenceSubmitted e -> state.withSubmission(e.submissionId(), e.files());
            case ExtensionRequested e -> state.withExtensionPending(true);
            case ExtensionGranted e -> state.withExtensionPending(false).withDueAt(e.newDueAt());
            case ExtensionRefused e -> state.withExtensionPending(false);
            case MoreEvidenceRequested e -> state.withMoreAsked(e.newDueAt());
            case EvidenceAccepted e -> state.withStatus(RequestStatus.COMPLETE);
            case EvidenceRequestWithdrawn e -> state.withStatus(RequestStatus.WITHDRAWN);
            case EvidenceRequestOverdue e -> state.withOverdueRecorded(e.dueAt());
            case EvidenceDeadlineApproaching e -> state.withReminderSent(e.dueAt(), e.daysBefore());
            case EvidenceDownloaded e -> state; // the chain of custody is the view's, not a rule's
            case EvidenceClockStopped e -> state.withClockStopped(e.stoppedAt());
            case EvidenceClockRestarted e -> state.withClockRestarted(e.newDueAt());
            case ReviewNoteAdded e -> state; // the notes are the view's, not a rule's
        };
    }

    private static EvidenceRequestIssued issue(RequestState state, IssueEvidenceRequest c, Instant now, KnownCases cases,
                                               Periods periods) {
        if (state != null) {
            throw RuleViolation.conflict("Request " + c.requestId() + " was already issued");
        }
        requireText(c.caseId(), "A request names its case");
        var known = cases.find(c.caseId()).orElseThrow(() -> RuleViolation.unprocessable(
                "No case " + c.caseId() + " is known to evidence-service"));
        if (!known.open()) {
            throw RuleViolation.unprocessable("Case " + c.caseId() + " is closed; it takes no evidence requests");
        }
        requireText(c.respondentOrganisationAlias(), "A request is addressed to one respondent organisation");
        if (!known.respondents().contains(c.respondentOrganisationAlias())) {
            throw RuleViolation.unprocessable("'" + c.respondentOrganisationAlias() + "' is not a respondent of case "
                    + c.caseId() + "; a request goes to one of " + known.respondents().stream().sorted().toList());
        }
        if (c.items() == null || c.items().isEmpty() || c.items().stream().anyMatch(EvidenceRules::blank)) {
            throw RuleViolation.unprocessable("A request lists the items requested, none of them blank");
        }
        requireText(c.legalBasis(), "A request states its legal basis");
        requireStaff(c.issuedBy());
        Periods.Counted due = dueAt(c, now, known.authority(), periods);
        requireNoticeFor(c.formalNotice(), due.dueAt());
        String instructions = c.instructions() == null ? "" : c.instructions().strip();
        List<String> texts = new ArrayList<>(c.items());
        texts.add(instructions);
        return new EvidenceRequestIssued(c.requestId(), c.caseId(), c.respondentOrganisationAlias(),
                List.copyOf(c.items()), c.legalBasis().strip(), instructions,
                due.dueAt(), DueMoments.ZONE.getId(), c.issuedBy(), now, due.period(), due.skipped(),
                c.formalNotice(), named(cases, c.caseId(), texts));
    }

    private static EvidenceRequestAcknowledged acknowledge(RequestState state, AcknowledgeEvidenceRequest c, Instant now) {
        requireRespondent(state, c.acknowledgedBy());
        requireOpen(state, "acknowledge");
        if (state.acknowledged()) {
            throw RuleViolation.conflict("The request is already acknowledged");
        }
        return new EvidenceRequestAcknowledged(state.requestId(), state.caseId(), c.acknowledgedBy(), now);
    }

    private static EvidenceSubmitted submit(RequestState state, SubmitEvidence c, Instant now, KnownCases cases) {
        requireRespondent(state, c.submittedBy());
        if (state.status() == RequestStatus.COMPLETE) {
            throw RuleViolation.conflict("The evidence was accepted; the request takes no more submissions");
        }
        requireOpen(state, "submit evidence to");
        requireText(c.submissionId(), "A submission needs an id");
        if (state.hasSubmission(c.submissionId())) {
            throw RuleViolation.conflict("Submission " + c.submissionId() + " was already made");
        }
        if (c.files() == null || c.files().isEmpty()) {
            throw RuleViolation.unprocessable("A submission has at least one file");
        }
        c.files().forEach(EvidenceRules::requireValid);
        c.files().stream().map(EvidenceFile::item).filter(item -> item != null && !state.hasItem(item)).findFirst()
                .ifPresent(item -> {
                    throw RuleViolation.unprocessable("The request asks for " + state.itemCount() + " item(s); a file "
                            + "answers item " + item);
                });
        if (new HashSet<>(c.files().stream().map(EvidenceFile::fileId).toList()).size() != c.files().size()) {
            throw RuleViolation.unprocessable("A file is listed twice in the submission");
        }
        requireText(c.description(), "A submission describes what it contains");
        if (c.statementOfTruth() == null || blank(c.statementOfTruth().name()) || blank(c.statementOfTruth().position())) {
            throw RuleViolation.unprocessable("A submission carries a statement of truth: the name and position of "
                    + "the person making it");
        }
        return new EvidenceSubmitted(state.requestId(), state.caseId(), c.submissionId(), List.copyOf(c.files()),
                c.description().strip(), c.statementOfTruth(), c.submittedBy(), now, state.duePassed(now),
                named(cases, state.caseId(), List.of(c.description())));
    }

    private static ExtensionRequested requestExtension(RequestState state, RequestExtension c, Instant now,
                                                       KnownCases cases) {
        requireRespondent(state, c.requestedBy());
        requireOpen(state, "ask for an extension of");
        if (!state.clockStopped() && !now.isBefore(state.dueAt())) {
            throw RuleViolation.conflict("An extension must be asked for before the deadline (" + state.dueAt() + ")");
        }
        if (state.extensionPending()) {
            throw RuleViolation.conflict("An extension is already pending a decision");
        }
        requireText(c.reason(), "An extension request gives its reason");
        return new ExtensionRequested(state.requestId(), state.caseId(), c.reason().strip(), c.requestedBy(), now,
                named(cases, state.caseId(), List.of(c.reason())));
    }

    private static ExtensionGranted grantExtension(RequestState state, GrantExtension c, Instant now) {
        requireOpen(state, "grant an extension of");
        requireStaff(c.grantedBy());
        requireClockRunning(state, "granting an extension");
        if (!state.extensionPending()) {
            throw RuleViolation.conflict("No extension is pending");
        }
        if (c.newDueAt() == null || !c.newDueAt().isAfter(state.dueAt())) {
            throw RuleViolation.unprocessable("The new due moment must be later than the current one (" + state.dueAt()
                    + ")");
        }
        if (!c.newDueAt().isAfter(now)) {
            throw RuleViolation.unprocessable("The new due moment must be in the future");
        }
        return new ExtensionGranted(state.requestId(), state.caseId(), state.dueAt(), c.newDueAt(), c.grantedBy());
    }

    private static ExtensionRefused refuseExtension(RequestState state, RefuseExtension c, KnownCases cases) {
        requireOpen(state, "refuse an extension of");
        requireStaff(c.refusedBy());
        if (!state.extensionPending()) {
            throw RuleViolation.conflict("No extension is pending");
        }
        requireText(c.reason(), "Refusing an extension gives the reason");
        return new ExtensionRefused(state.requestId(), state.caseId(), c.reason().strip(), c.refusedBy(),
                named(cases, state.caseId(), List.of(c.reason())));
    }

    private static EvidenceAccepted accept(RequestState state, AcceptEvidence c, Instant now) {
        requireOpen(state, "accept evidence of");
        requireStaff(c.acceptedBy());
        if (state.submissionCount() == 0) {
            throw RuleViolation.conflict("Nothing has been submitted to accept");
        }
        return new EvidenceAccepted(state.requestId(), state.caseId(), c.acceptedBy(), now);
    }

    private static MoreEvidenceRequested requestMore(RequestState state, RequestMoreEvidence c, Instant now,
                                                     KnownCases cases) {
        requireOpen(state, "ask for more evidence on");
        requireStaff(c.requestedBy());
        requireText(c.stillMissing(), "Say what is still missing");
        requireClockRunning(state, "asking for more evidence");
        if (c.newDueAt() == null || !c.newDueAt().isAfter(now)) {
            throw RuleViolation.unprocessable("The new due moment must be in the future");
        }
        return new MoreEvidenceRequested(state.requestId(), state.caseId(), c.stillMissing().strip(), state.dueAt(),
                c.newDueAt(), c.requestedBy(), named(cases, state.caseId(), List.of(c.stillMissing())));
    }

    private static EvidenceRequestWithdrawn withdraw(RequestState state, WithdrawEvidenceRequest c,
                                                     KnownCases cases) {
        requireOpen(state, "withdraw");
        requireStaff(c.withdrawnBy());
        requireText(c.reason(), "Withdrawing a request gives the reason");
        return new EvidenceRequestWithdrawn(state.requestId(), state.caseId(), c.reason().strip(), c.withdrawnBy(),
                named(cases, state.caseId(), List.of(c.reason())));
    }

    private static EvidenceDownloaded download(RequestState state, RecordEvidenceDownload c, Instant now) {
        EvidenceFile evidence = state.file(c.fileId());
        if (evidence == null) {
            throw RuleViolation.unprocessable("Request " + state.requestId() + " has no file " + c.fileId());
        }
        requireText(c.downloadedBy(), "A download names who downloaded");
        return new EvidenceDownloaded(state.requestId(), state.caseId(), c.fileId(), evidence.sha256(), c.downloadedBy(),
                now, c.downloaderName());
    }

    /**
     * A review note on a submitted file, by staff, whatever the request's status: evidence is still reviewed after it
     * was accepted, and a withdrawn request's files stay on the case.
     */
    private static ReviewNoteAdded noteReview(RequestState state, AddReviewNote c, Instant now, KnownCases cases) {
        requireStaff(c.notedBy());
        EvidenceFile evidence = state.file(c.fileId());
        if (evidence == null) {
            throw RuleViolation.unprocessable("Request " + state.requestId() + " has no submitted file " + c.fileId());
        }
        requireText(c.note(), "A review note says something");
        return new ReviewNoteAdded(state.requestId(), state.caseId(), c.fileId(), evidence.sha256(), c.note().strip(),
                c.notedBy(), now, named(cases, state.caseId(), List.of(c.note())));
    }

    /**
     * Stops the clock of a request the company is still to answer: open, not yet due, no submission awaiting review.
     * The reason is public: the company reads it.
     */
    private static EvidenceClockStopped stopClock(RequestState state, StopClock c, Instant now, KnownCases cases) {
        requireOpen(state, "stop the clock of");
        requireStaff(c.stoppedBy());
        if (state.clockStopped()) {
            throw RuleViolation.conflict("The clock is already stopped (since " + state.clockStoppedAt() + ")");
        }
        if (state.awaitingReview()) {
            throw RuleViolation.conflict("Evidence was submitted and awaits review: the company's clock is not "
                    + "running");
        }
        if (!now.isBefore(state.dueAt()) || state.overdueRecordedFor(state.dueAt())) {
            throw RuleViolation.conflict("The request was due at " + state.dueAt() + "; a clock that has run out "
                    + "cannot be stopped");
        }
        requireText(c.reason(), "Stopping the clock gives the reason (the company reads it)");
        return new EvidenceClockStopped(state.requestId(), state.caseId(), c.reason().strip(), c.stoppedBy(), now,
                named(cases, state.caseId(), List.of(c.reason())));
    }

    /** Restarts a stopped clock: the due moment moves by exactly the time it stood still (in whole seconds). */
    private static EvidenceClockRestarted restartClock(RequestState state, RestartClock c, Instant now) {
        requireOpen(state, "restart the clock of");
        requireStaff(c.restartedBy());
        if (!state.clockStopped()) {
            throw RuleViolation.conflict("The clock is not stopped");
        }
        Instant stoppedAt = state.clockStoppedAt();
        // whole seconds, so that due moments stay whole seconds; a clock gone backwards stopped nothing
        Duration stoppedFor = now.isAfter(stoppedAt)
                ? Duration.between(stoppedAt, now).truncatedTo(ChronoUnit.SECONDS) : Duration.ZERO;
        return new EvidenceClockRestarted(state.requestId(), state.caseId(), stoppedAt, now, stoppedFor,
                state.dueAt(), state.dueAt().plus(stoppedFor), c.restartedBy());
    }

    /**
     * A reminder fires only for the due moment it was scheduled for, while the request is open, its clock running
     * and not yet due.
     */
    private static Optional<EvidenceDeadlineApproaching> remind(RequestState state, ReminderDue reminder, Instant now) {
        if (state.status() != RequestStatus.OPEN || state.clockStopped() || !reminder.dueAt().equals(state.dueAt())
                || !now.isBefore(reminder.dueAt()) || state.reminderSent(reminder.dueAt(), reminder.daysBefore())) {
            return Optional.empty();
        }
        return Optional.of(new EvidenceDeadlineApproaching(state.requestId(), state.caseId(), state.respondent(),
                reminder.dueAt(), reminder.daysBefore()));
    }

    /**
     * Overdue exactly once per due moment, and only if that is still the request's due moment, it is open and its
     * clock running.
     */
    private static Optional<EvidenceRequestOverdue> overdue(RequestState state, DueMomentPassed passed) {
        if (state.status() != RequestStatus.OPEN || state.clockStopped() || !passed.dueAt().equals(state.dueAt())
                || state.overdueRecordedFor(passed.dueAt())) {
            return Optional.empty();
        }
        return Optional.of(new EvidenceRequestOverdue(state.requestId(), state.caseId(), state.respondent(),
                passed.dueAt()));
    }

    /**
     * A formal notice states the request's due moment and is kept by its hash: one rendered for another due moment
     * (the day turned between rendering and issuing) is refused, to be rendered again.
     */
    private static void requireNoticeFor(FormalNotice notice, Instant dueAt) {
        if (notice == null) {
            return;
        }
        if (!dueAt.equals(notice.dueAt())) {
            throw RuleViolation.conflict("The formal notice states the due moment " + notice.dueAt()
                    + " but the request is due " + dueAt + "; issue it again");
        }
        if (notice.sha256() == null || !SHA_256.matcher(notice.sha256()).matches() || blank(notice.signature())
                || blank(notice.consequences()) || blank(notice.rightOfAppeal()) || notice.appealPeriodDays() < 1) {
            throw RuleViolation.unprocessable("A formal notice states the consequences of non-compliance and the "
                    + "right of appeal with its period, and is kept signed by its SHA-256");
        }
    }

    /**
     * The due moment an issue command gives its request when issued at {@code now} for a case of {@code authority}
     * (what a formal notice, rendered before the command is sent, states).
     */
    public static Instant dueMoment(IssueEvidenceRequest c, Instant now, String authority, Periods periods) {
        return dueAt(c, now, authority, periods).dueAt();
    }

    /** The due moment given, or the period counted as the case's authority counts it (a given moment has none). */
    private static Periods.Counted dueAt(IssueEvidenceRequest c, Instant now, String authority, Periods periods) {
        if (c.dueAt() != null && (c.dueInDays() != null || c.dayCount() != null || c.calendar() != null)) {
            throw RuleViolation.unprocessable("Give either a period (days, how they are counted, the calendar) or a "
                    + "due moment, not both");
        }
        if (c.dueAt() != null) {
            if (!c.dueAt().isAfter(now)) {
                throw RuleViolation.unprocessable("The due moment must be in the future");
            }
            return new Periods.Counted(c.dueAt(), null, List.of());
        }
        return periods.dueAt(authority, c.dueInDays(), c.dayCount(), c.calendar(), now);
    }

    /**
     * The case's data subjects the texts name (decision 29): the event records them, and the texts are stored sealed
     * under their keys.
     */
    private static List<String> named(KnownCases cases, String caseId, List<String> texts) {
        Map<String, String> names = cases.namesBySubject(caseId);
        if (names.isEmpty()) {
            return List.of();
        }
        return DataSubjects.namedIn(String.join("\n", texts), names);
    }

    private static void requireRespondent(RequestState state, CompanyUser user) {
        if (user == null || blank(user.userId())) {
            throw RuleViolation.unprocessable("The company user is missing");
        }
        if (!state.respondent().equals(user.organisationAlias())) {
            throw RuleViolation.conflict("Only " + state.respondent() + " answers this request");
        }
    }

    private static void requireOpen(RequestState state, String action) {
        if (state.status() != RequestStatus.OPEN) {
            throw RuleViolation.conflict("Cannot " + action + " a request that is " + state.status());
        }
    }

    /** The due moment moves only while the clock runs; a stopped one moves it when it restarts. */
    private static void requireClockRunning(RequestState state, String action) {
        if (state.clockStopped()) {
            throw RuleViolation.conflict("The clock is stopped; restart it before " + action);
        }
    }

    private static void requireValid(EvidenceFile f) {
        if (f == null || blank(f.fileId()) || blank(f.fileName()) || f.sha256() == null
                || !SHA_256.matcher(f.sha256()).matches() || f.sizeBytes() < 0) {
            throw RuleViolation.unprocessable("Each file needs its id, name, size and SHA-256 (64 lower-case hex)");
        }
    }

    private static void requireStaff(StaffMember member) {
        if (member == null || blank(member.userId()) || blank(member.name())) {
            throw RuleViolation.unprocessable("A member of staff is named by user id and name");
        }
    }

    private static void requireText(String value, String message) {
        if (blank(value)) {
            throw RuleViolation.unprocessable(message);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
