package org.compliance.evidence.rest;

import java.time.Duration;
import java.time.Instant;
import org.compliance.api.evidence.RequestDocument;
import org.compliance.api.evidence.views.RequestDetail;
import org.compliance.api.evidence.views.RequestSummary;
import org.compliance.evidence.query.RequestViewRow;

/** evidence-service's views made from its rows (the records are in the api module's evidence.views). */
public final class EvidenceRequests {

    private EvidenceRequests() {
    }

    static RequestSummary summary(RequestViewRow row, Instant now) {
        Duration left = Duration.between(now, row.dueAt);
        return new RequestSummary(row.requestId, row.caseId, row.organisationAlias, row.status, row.dueAt,
                row.overdue, left.toSeconds(), left.toString(), row.issuedAt);
    }

    /** While the clock is stopped, the time left stands where it was when it stopped. */
    static RequestDetail detail(RequestDocument document, Instant now) {
        Instant counted = document.clockStopped == null ? now : document.clockStopped.stoppedAt();
        Duration left = Duration.between(counted, document.dueAt);
        return new RequestDetail(document, left.toSeconds(), left.toString());
    }
}
