package org.compliance.evidence.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import org.compliance.api.evidence.RequestDocument;
import org.compliance.api.evidence.RequestSubjects;
import org.compliance.api.evidence.views.RequestDetail;
import org.compliance.api.evidence.views.RequestSummary;
import org.compliance.evidence.query.KnownCase;
import org.compliance.evidence.query.RequestViewRow;
import org.compliance.evidence.query.RespondentNames;

/** evidence-service's views made from its rows (the records are in the api module's evidence.views). */
public final class EvidenceRequests {

    private EvidenceRequests() {
    }

    /** While the clock is stopped (the row's document says since when), the time left stands still. */
    static RequestSummary summary(RequestViewRow row, KnownCase known, Instant now) {
        RequestDocument document = VisibleRequests.document(row);
        RequestDocument.ClockStop stop = document.clockStopped;
        Instant stoppedAt = stop == null ? null : stop.stoppedAt();
        Duration left = Duration.between(stoppedAt == null ? now : stoppedAt, row.dueAt);
        return new RequestSummary(row.requestId, row.caseId, row.organisationAlias, row.status, row.dueAt,
                row.overdue, left.toSeconds(), left.toString(), row.issuedAt, stoppedAt, subject(document),
                known == null ? null : known.title, RespondentNames.nameOf(known, row.organisationAlias),
                document.standing(), document.stillMissing, stop == null ? null : stop.reason());
    }

    private static String subject(RequestDocument document) {
        return RequestSubjects.of(document.items.isEmpty() ? null : document.items.get(0), document.items.size());
    }

    /**
     * While the clock is stopped, the time left stands where it was when it stopped. Staff's review notes are the
     * regulator's own: a company reads the request without them.
     */
    static RequestDetail detail(RequestDocument document, KnownCase known, Instant now, boolean withReviewNotes) {
        if (!withReviewNotes) {
            document.reviewNotes = new ArrayList<>();
        }
        Instant counted = document.clockStopped == null ? now : document.clockStopped.stoppedAt();
        Duration left = Duration.between(counted, document.dueAt);
        return new RequestDetail(document, left.toSeconds(), left.toString(), subject(document),
                known == null ? null : known.title,
                RespondentNames.nameOf(known, document.organisationAlias), document.standing());
    }
}
