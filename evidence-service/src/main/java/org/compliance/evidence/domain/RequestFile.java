package org.compliance.evidence.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.compliance.api.evidence.EvidenceAccepted;
import org.compliance.api.evidence.EvidenceDeadlineApproaching;
import org.compliance.api.evidence.EvidenceFile;
import org.compliance.api.evidence.EvidenceRequestAcknowledged;
import org.compliance.api.evidence.EvidenceRequestIssued;
import org.compliance.api.evidence.EvidenceRequestOverdue;
import org.compliance.api.evidence.EvidenceRequestWithdrawn;
import org.compliance.api.evidence.EvidenceSubmitted;
import org.compliance.api.evidence.ExtensionGranted;
import org.compliance.api.evidence.ExtensionRefused;
import org.compliance.api.evidence.ExtensionRequested;
import org.compliance.api.evidence.MoreEvidenceRequested;

/** What the rules know of one evidence request, rebuilt from its events. Plain Java. */
public final class RequestFile {

    private final String requestId;
    private final String caseId;
    private final String respondent;
    private RequestStatus status = RequestStatus.OPEN;
    private Instant dueAt;
    private boolean acknowledged;
    private boolean extensionPending;
    private final Set<String> submissions = new LinkedHashSet<>();
    private final Map<String, EvidenceFile> files = new LinkedHashMap<>();
    private final Set<Instant> overdueFor = new LinkedHashSet<>();
    private final Set<String> remindersSent = new LinkedHashSet<>();

    private RequestFile(EvidenceRequestIssued issued) {
        this.requestId = issued.requestId();
        this.caseId = issued.caseId();
        this.respondent = issued.respondentOrganisationAlias();
        this.dueAt = issued.dueAt();
    }

    public static RequestFile issued(EvidenceRequestIssued event) {
        return new RequestFile(event);
    }

    public void apply(Object event) {
        switch (event) {
            case EvidenceRequestAcknowledged e -> acknowledged = true;
            case EvidenceSubmitted e -> {
                submissions.add(e.submissionId());
                e.files().forEach(f -> files.put(f.fileId(), f));
            }
            case ExtensionRequested e -> extensionPending = true;
            case ExtensionGranted e -> {
                extensionPending = false;
                dueAt = e.newDueAt();
            }
            case ExtensionRefused e -> extensionPending = false;
            case MoreEvidenceRequested e -> dueAt = e.newDueAt();
            case EvidenceAccepted e -> status = RequestStatus.COMPLETE;
            case EvidenceRequestWithdrawn e -> status = RequestStatus.WITHDRAWN;
            case EvidenceRequestOverdue e -> overdueFor.add(e.dueAt());
            case EvidenceDeadlineApproaching e -> remindersSent.add(e.dueAt() + "/" + e.daysBefore());
            default -> {
                // downloads and others change nothing the rules need
            }
        }
    }

    public String requestId() {
        return requestId;
    }

    String caseId() {
        return caseId;
    }

    String respondent() {
        return respondent;
    }

    RequestStatus status() {
        return status;
    }

    Instant dueAt() {
        return dueAt;
    }

    boolean acknowledged() {
        return acknowledged;
    }

    boolean extensionPending() {
        return extensionPending;
    }

    boolean hasSubmission(String submissionId) {
        return submissions.contains(submissionId);
    }

    int submissionCount() {
        return submissions.size();
    }

    EvidenceFile file(String fileId) {
        return files.get(fileId);
    }

    boolean overdueRecordedFor(Instant due) {
        return overdueFor.contains(due);
    }

    boolean reminderSent(Instant due, int daysBefore) {
        return remindersSent.contains(due + "/" + daysBefore);
    }
}
