package org.compliance.api.evidence;

import java.time.Instant;
import java.util.List;
import org.compliance.api.shared.CompanyUser;

/** Evidence was submitted; {@code late} when after the due moment. */
public record EvidenceSubmitted(String requestId, String caseId, String submissionId,
                                List<EvidenceFile> files, String description,
                                StatementOfTruth statementOfTruth, CompanyUser submittedBy,
                                Instant submittedAt, boolean late) implements EvidenceEvent {
}
