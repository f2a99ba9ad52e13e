package org.compliance.api.evidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.compliance.api.shared.CompanyUser;
import org.compliance.api.shared.StaffMember;

/**
 * One evidence request as the API shows it, folded from its events: evidence-service keeps it as JSON in
 * {@code request_view}, audit-service rebuilds it from the event store as of any moment.
 */
public class RequestDocument {

    public record Submission(String submissionId, List<EvidenceFile> files, String description,
                             StatementOfTruth statementOfTruth, CompanyUser submittedBy, Instant submittedAt,
                             boolean late) {
    }

    public record Extension(String reason, CompanyUser requestedBy, Instant requestedAt, String outcome,
                            String decisionReason, Instant newDueAt) {
    }

    /** One step in a file's chain of custody: who (user id, and name when known) did what to it, when. */
    public record Custody(String what, String fileId, String sha256, String who, Instant at, String whoName) {
    }

    /** A stop of the request's clock, with its public reason; running again once {@code restartedAt} is set. */
    public record ClockStop(String reason, StaffMember stoppedBy, Instant stoppedAt, StaffMember restartedBy,
                            Instant restartedAt, Instant newDueAt) {
    }

    /**
     * Staff's note on their review of one submitted file (the SHA-256 reviewed); the regulator's own: evidence-service
     * never shows it to the company.
     */
    public record ReviewNote(String fileId, String sha256, String note, StaffMember notedBy, Instant notedAt) {
    }

    public String requestId;
    public long version;
    public String caseId;
    public String organisationAlias;
    public List<String> items = new ArrayList<>();
    public String legalBasis;
    public String instructions;
    public String status;
    public Instant dueAt;
    public String zone;
    /** The period the due moment was counted from; null when staff gave the moment itself. */
    public Period period;
    /** The days the period did not count (weekends, bank holidays). */
    public List<SkippedDay> skippedDays = new ArrayList<>();
    public boolean overdue;
    public StaffMember issuedBy;
    public Instant issuedAt;
    public CompanyUser acknowledgedBy;
    public Instant acknowledgedAt;
    public List<Submission> submissions = new ArrayList<>();
    public List<Extension> extensions = new ArrayList<>();
    public String stillMissing;
    public List<Integer> remindersSent = new ArrayList<>();
    public StaffMember acceptedBy;
    public Instant acceptedAt;
    public String withdrawalReason;
    public List<Custody> chainOfCustody = new ArrayList<>();
    /** The signed formal information notice the request was issued as; null for a plain request. */
    public FormalNotice formalNotice;
    /** The stop in force: null while the clock runs. */
    public ClockStop clockStopped;
    /** Every stop of the clock, the one in force last. */
    public List<ClockStop> clockStops = new ArrayList<>();
    /** A submission awaits the regulator's review (none since more evidence was last asked for): no clock runs. */
    public boolean awaitingReview;
    /** Staff's review notes, file by file, oldest first: never in what the company reads. */
    public List<ReviewNote> reviewNotes = new ArrayList<>();

    public static RequestDocument issued(EvidenceRequestIssued e) {
        RequestDocument d = new RequestDocument();
        d.requestId = e.requestId();
        d.caseId = e.caseId();
        d.organisationAlias = e.respondentOrganisationAlias();
        d.items = new ArrayList<>(e.items());
        d.legalBasis = e.legalBasis();
        d.instructions = e.instructions();
        d.status = "OPEN";
        d.dueAt = e.dueAt();
        d.zone = e.zone();
        d.period = e.period();
        d.skippedDays = new ArrayList<>(e.skippedDays());
        d.issuedBy = e.issuedBy();
        d.issuedAt = e.issuedAt();
        d.formalNotice = e.formalNotice();
        return d;
    }

    /** Folds one more event into the document; a request's first event makes it ({@link #issued}). */
    public void apply(EvidenceEvent event) {
        switch (event) {
            case EvidenceRequestIssued e -> {
                // the document began with it
            }
            case EvidenceRequestAcknowledged e -> {
                acknowledgedBy = e.acknowledgedBy();
                acknowledgedAt = e.acknowledgedAt();
            }
            case EvidenceSubmitted e -> {
                submissions.add(new Submission(e.submissionId(), e.files(), e.description(), e.statementOfTruth(),
                        e.submittedBy(), e.submittedAt(), e.late()));
                awaitingReview = true;
                e.files().forEach(f -> chainOfCustody.add(new Custody("SUBMITTED", f.fileId(), f.sha256(),
                        e.submittedBy().userId(), e.submittedAt(), e.submittedBy().name())));
            }
            case ExtensionRequested e -> extensions.add(new Extension(e.reason(), e.requestedBy(), e.requestedAt(),
                    "PENDING", null, null));
            case ExtensionGranted e -> {
                decideExtension("GRANTED", null, e.newDueAt());
                dueAt = e.newDueAt();
                overdue = false;
                remindersSent.clear();
            }
            case ExtensionRefused e -> decideExtension("REFUSED", e.reason(), null);
            case MoreEvidenceRequested e -> {
                stillMissing = e.stillMissing();
                awaitingReview = false;
                dueAt = e.newDueAt();
                overdue = false;
                remindersSent.clear();
            }
            case EvidenceAccepted e -> {
                status = "COMPLETE";
                acceptedBy = e.acceptedBy();
                acceptedAt = e.acceptedAt();
            }
            case EvidenceRequestWithdrawn e -> {
                status = "WITHDRAWN";
                withdrawalReason = e.reason();
            }
            case EvidenceRequestOverdue e -> overdue = true;
            case EvidenceDeadlineApproaching e -> remindersSent.add(e.daysBefore());
            case EvidenceDownloaded e -> chainOfCustody.add(new Custody("DOWNLOADED", e.fileId(), e.sha256(),
                    e.downloadedBy(), e.downloadedAt(), e.downloaderName()));
            case EvidenceClockStopped e -> {
                clockStopped = new ClockStop(e.reason(), e.stoppedBy(), e.stoppedAt(), null, null, null);
                clockStops.add(clockStopped);
            }
            case EvidenceClockRestarted e -> {
                if (clockStopped != null) {
                    clockStops.set(clockStops.size() - 1, new ClockStop(clockStopped.reason(),
                            clockStopped.stoppedBy(), clockStopped.stoppedAt(), e.restartedBy(), e.restartedAt(),
                            e.newDueAt()));
                }
                clockStopped = null;
                // reminders already sent were not moved: they stay sent
                dueAt = e.newDueAt();
            }
            case ReviewNoteAdded e -> reviewNotes.add(new ReviewNote(e.fileId(), e.sha256(), e.note(), e.notedBy(),
                    e.notedAt()));
        }
    }

    /**
     * Where the request stands: finished (accepted, withdrawn), a submission awaiting review (which a stopped clock
     * does not change: the company answered), the clock stopped, more evidence asked for, acknowledged, or neither.
     */
    public RequestStanding standing() {
        if ("COMPLETE".equals(status)) {
            return RequestStanding.ACCEPTED;
        }
        if ("WITHDRAWN".equals(status)) {
            return RequestStanding.WITHDRAWN;
        }
        if (awaitingReview) {
            return RequestStanding.SUBMITTED_AWAITING_REVIEW;
        }
        if (clockStopped != null) {
            return RequestStanding.CLOCK_STOPPED;
        }
        if (stillMissing != null) {
            return RequestStanding.MORE_EVIDENCE_ASKED;
        }
        return acknowledgedAt != null ? RequestStanding.ACKNOWLEDGED : RequestStanding.AWAITING_ACKNOWLEDGEMENT;
    }

    private void decideExtension(String outcome, String reason, Instant newDueAt) {
        for (int i = extensions.size() - 1; i >= 0; i--) {
            Extension x = extensions.get(i);
            if ("PENDING".equals(x.outcome())) {
                extensions.set(i, new Extension(x.reason(), x.requestedBy(), x.requestedAt(), outcome, reason, newDueAt));
                return;
            }
        }
    }
}
