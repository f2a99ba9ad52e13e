package org.compliance.api.evidence.views;

import java.time.Instant;
import java.util.List;
import org.compliance.api.evidence.StatementOfTruth;

/** What a submission's receipt states: which request, who submitted what and when, under which statement of truth. */
public record Receipt(String requestId, String caseId, String organisationAlias, String submissionId,
                      List<ReceiptFile> files, String submittedByUserId, String submittedByName,
                      StatementOfTruth statementOfTruth, Instant submittedAt, boolean late, Instant issuedAt) {
}
