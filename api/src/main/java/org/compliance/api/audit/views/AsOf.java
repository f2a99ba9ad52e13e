package org.compliance.api.audit.views;

import java.time.Instant;
import java.util.List;
import org.compliance.api.cases.CaseDocument;
import org.compliance.api.evidence.RequestDocument;

/** The state as of a point: the last event position folded in, the case, its requests then. */
public record AsOf(String caseId, Instant asOf, Long position, long eventsReplayed, CaseDocument caseFile,
                   List<RequestDocument> requests) {
}
