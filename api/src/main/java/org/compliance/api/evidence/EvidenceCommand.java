package org.compliance.api.evidence;

import org.compliance.api.shared.Addressed;

/**
 * A command addressed to one evidence request: sealed like {@link EvidenceEvent}, so that the request's decider
 * answers every command in one exhaustive {@code switch}.
 */
public sealed interface EvidenceCommand extends Addressed permits
        IssueEvidenceRequest,
        AcknowledgeEvidenceRequest,
        SubmitEvidence,
        RequestExtension,
        GrantExtension,
        RefuseExtension,
        AcceptEvidence,
        RequestMoreEvidence,
        WithdrawEvidenceRequest,
        RecordEvidenceDownload,
        StopClock,
        RestartClock,
        AddReviewNote {

    String requestId();

    @Override
    default String aggregateId() {
        return requestId();
    }
}
