package org.compliance.api.evidence;

/**
 * Everything that can happen to an evidence request: sealed for the same reason as {@code CaseEvent}, so every
 * fold over a request's history is an exhaustive {@code switch}.
 */
public sealed interface EvidenceEvent permits
        EvidenceRequestIssued,
        EvidenceRequestAcknowledged,
        ExtensionRequested,
        ExtensionGranted,
        ExtensionRefused,
        EvidenceSubmitted,
        EvidenceAccepted,
        MoreEvidenceRequested,
        EvidenceRequestWithdrawn,
        EvidenceDeadlineApproaching,
        EvidenceRequestOverdue,
        EvidenceDownloaded,
        EvidenceClockStopped,
        EvidenceClockRestarted,
        ReviewNoteAdded {

    String requestId();

    String caseId();
}
