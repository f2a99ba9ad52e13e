package org.compliance.evidence.domain;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.compliance.api.evidence.AcceptEvidence;
import org.compliance.api.evidence.AcknowledgeEvidenceRequest;
import org.compliance.api.evidence.EvidenceAccepted;
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
import org.compliance.api.evidence.GrantExtension;
import org.compliance.api.evidence.IssueEvidenceRequest;
import org.compliance.api.evidence.MoreEvidenceRequested;
import org.compliance.api.evidence.RecordEvidenceDownload;
import org.compliance.api.evidence.RefuseExtension;
import org.compliance.api.evidence.RequestExtension;
import org.compliance.api.evidence.RequestMoreEvidence;
import org.compliance.api.evidence.SubmitEvidence;
import org.compliance.api.evidence.WithdrawEvidenceRequest;
import org.compliance.api.shared.CompanyUser;
import org.compliance.api.shared.StaffMember;
import org.compliance.evidence.domain.Deadlines.DueMomentPassed;
import org.compliance.evidence.domain.Deadlines.ReminderDue;
import org.compliance.platform.domain.RuleViolation;

/**
 * The rules of an evidence request as plain functions: command, request as its events left it, time in;
 * the event out, or a {@link RuleViolation} (409: the request's state forbids it; 422: it can never succeed).
 */
public final class EvidenceRules {

    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");

    private EvidenceRules() {
    }

    public static EvidenceRequestIssued issue(IssueEvidenceRequest c, Instant now, KnownCases cases) {
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
        Instant dueAt = dueAt(c, now);
        return new EvidenceRequestIssued(c.requestId(), c.caseId(), c.respondentOrganisationAlias(),
                List.copyOf(c.items()), c.legalBasis().strip(), c.instructions() == null ? "" : c.instructions().strip(),
                dueAt, DueMoments.ZONE.getId(), c.issuedBy(), now);
    }

    public static EvidenceRequestAcknowledged acknowledge(RequestFile file, AcknowledgeEvidenceRequest c, Instant now) {
        requireRespondent(file, c.acknowledgedBy());
        requireOpen(file, "acknowledge");
        if (file.acknowledged()) {
            throw RuleViolation.conflict("The request is already acknowledged");
        }
        return new EvidenceRequestAcknowledged(file.requestId(), file.caseId(), c.acknowledgedBy(), now);
    }

    public static EvidenceSubmitted submit(RequestFile file, SubmitEvidence c, Instant now) {
        requireRespondent(file, c.submittedBy());
        if (file.status() == RequestStatus.COMPLETE) {
            throw RuleViolation.conflict("The evidence was accepted; the request takes no more submissions");
        }
        requireOpen(file, "submit evidence to");
        requireText(c.submissionId(), "A submission needs an id");
        if (file.hasSubmission(c.submissionId())) {
            throw RuleViolation.conflict("Submission " + c.submissionId() + " was already made");
        }
        if (c.files() == null || c.files().isEmpty()) {
            throw RuleViolation.unprocessable("A submission has at least one file");
        }
        c.files().forEach(EvidenceRules::requireValid);
        if (new HashSet<>(c.files().stream().map(EvidenceFile::fileId).toList()).size() != c.files().size()) {
            throw RuleViolation.unprocessable("A file is listed twice in the submission");
        }
        requireText(c.description(), "A submission describes what it contains");
        if (c.statementOfTruth() == null || blank(c.statementOfTruth().name()) || blank(c.statementOfTruth().position())) {
            throw RuleViolation.unprocessable("A submission carries a statement of truth: the name and position of "
                    + "the person making it");
        }
        return new EvidenceSubmitted(file.requestId(), file.caseId(), c.submissionId(), List.copyOf(c.files()),
                c.description().strip(), c.statementOfTruth(), c.submittedBy(), now, now.isAfter(file.dueAt()));
    }

    public static ExtensionRequested requestExtension(RequestFile file, RequestExtension c, Instant now) {
        requireRespondent(file, c.requestedBy());
        requireOpen(file, "ask for an extension of");
        if (!now.isBefore(file.dueAt())) {
            throw RuleViolation.conflict("An extension must be asked for before the deadline (" + file.dueAt() + ")");
        }
        if (file.extensionPending()) {
            throw RuleViolation.conflict("An extension is already pending a decision");
        }
        requireText(c.reason(), "An extension request gives its reason");
        return new ExtensionRequested(file.requestId(), file.caseId(), c.reason().strip(), c.requestedBy(), now);
    }

    public static ExtensionGranted grantExtension(RequestFile file, GrantExtension c, Instant now) {
        requireOpen(file, "grant an extension of");
        requireStaff(c.grantedBy());
        if (!file.extensionPending()) {
            throw RuleViolation.conflict("No extension is pending");
        }
        if (c.newDueAt() == null || !c.newDueAt().isAfter(file.dueAt())) {
            throw RuleViolation.unprocessable("The new due moment must be later than the current one (" + file.dueAt()
                    + ")");
        }
        if (!c.newDueAt().isAfter(now)) {
            throw RuleViolation.unprocessable("The new due moment must be in the future");
        }
        return new ExtensionGranted(file.requestId(), file.caseId(), file.dueAt(), c.newDueAt(), c.grantedBy());
    }

    public static ExtensionRefused refuseExtension(RequestFile file, RefuseExtension c) {
        requireOpen(file, "refuse an extension of");
        requireStaff(c.refusedBy());
        if (!file.extensionPending()) {
            throw RuleViolation.conflict("No extension is pending");
        }
        requireText(c.reason(), "Refusing an extension gives the reason");
        return new ExtensionRefused(file.requestId(), file.caseId(), c.reason().strip(), c.refusedBy());
    }

    public static EvidenceAccepted accept(RequestFile file, AcceptEvidence c, Instant now) {
        requireOpen(file, "accept evidence of");
        requireStaff(c.acceptedBy());
        if (file.submissionCount() == 0) {
            throw RuleViolation.conflict("Nothing has been submitted to accept");
        }
        return new EvidenceAccepted(file.requestId(), file.caseId(), c.acceptedBy(), now);
    }

    public static MoreEvidenceRequested requestMore(RequestFile file, RequestMoreEvidence c, Instant now) {
        requireOpen(file, "ask for more evidence on");
        requireStaff(c.requestedBy());
        requireText(c.stillMissing(), "Say what is still missing");
        if (c.newDueAt() == null || !c.newDueAt().isAfter(now)) {
            throw RuleViolation.unprocessable("The new due moment must be in the future");
        }
        return new MoreEvidenceRequested(file.requestId(), file.caseId(), c.stillMissing().strip(), file.dueAt(),
                c.newDueAt(), c.requestedBy());
    }

    public static EvidenceRequestWithdrawn withdraw(RequestFile file, WithdrawEvidenceRequest c) {
        requireOpen(file, "withdraw");
        requireStaff(c.withdrawnBy());
        requireText(c.reason(), "Withdrawing a request gives the reason");
        return new EvidenceRequestWithdrawn(file.requestId(), file.caseId(), c.reason().strip(), c.withdrawnBy());
    }

    public static EvidenceDownloaded download(RequestFile file, RecordEvidenceDownload c, Instant now) {
        EvidenceFile evidence = file.file(c.fileId());
        if (evidence == null) {
            throw RuleViolation.unprocessable("Request " + file.requestId() + " has no file " + c.fileId());
        }
        requireText(c.downloadedBy(), "A download names who downloaded");
        return new EvidenceDownloaded(file.requestId(), file.caseId(), c.fileId(), evidence.sha256(), c.downloadedBy(),
                now);
    }

    /** A reminder fires only for the due moment it was scheduled for, while the request is open and not yet due. */
    public static Optional<EvidenceDeadlineApproaching> remind(RequestFile file, ReminderDue reminder, Instant now) {
        if (file.status() != RequestStatus.OPEN || !reminder.dueAt().equals(file.dueAt())
                || !now.isBefore(reminder.dueAt()) || file.reminderSent(reminder.dueAt(), reminder.daysBefore())) {
            return Optional.empty();
        }
        return Optional.of(new EvidenceDeadlineApproaching(file.requestId(), file.caseId(), file.respondent(),
                reminder.dueAt(), reminder.daysBefore()));
    }

    /** Overdue exactly once per due moment, and only if that is still the request's due moment and it is open. */
    public static Optional<EvidenceRequestOverdue> overdue(RequestFile file, DueMomentPassed passed) {
        if (file.status() != RequestStatus.OPEN || !passed.dueAt().equals(file.dueAt())
                || file.overdueRecordedFor(passed.dueAt())) {
            return Optional.empty();
        }
        return Optional.of(new EvidenceRequestOverdue(file.requestId(), file.caseId(), file.respondent(),
                passed.dueAt()));
    }

    private static Instant dueAt(IssueEvidenceRequest c, Instant now) {
        if (c.dueAt() != null && c.dueInDays() != null) {
            throw RuleViolation.unprocessable("Give either a number of days or a due moment, not both");
        }
        if (c.dueAt() != null) {
            if (!c.dueAt().isAfter(now)) {
                throw RuleViolation.unprocessable("The due moment must be in the future");
            }
            return c.dueAt();
        }
        int days = c.dueInDays() == null ? DueMoments.STANDARD_DAYS : c.dueInDays();
        if (days < 1 || days > 366) {
            throw RuleViolation.unprocessable("A request is due in 1 to 366 days, not " + days);
        }
        return DueMoments.afterCalendarDays(now, days);
    }

    private static void requireRespondent(RequestFile file, CompanyUser user) {
        if (user == null || blank(user.userId())) {
            throw RuleViolation.unprocessable("The company user is missing");
        }
        if (!file.respondent().equals(user.organisationAlias())) {
            throw RuleViolation.conflict("Only " + file.respondent() + " answers this request");
        }
    }

    private static void requireOpen(RequestFile file, String action) {
        if (file.status() != RequestStatus.OPEN) {
            throw RuleViolation.conflict("Cannot " + action + " a request that is " + file.status());
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
