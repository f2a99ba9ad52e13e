package org.compliance.api.evidence;

import java.util.List;
import org.compliance.api.shared.CompanyUser;

/** The respondent submits files with a description and a statement of truth. */
public record SubmitEvidence(String requestId, String submissionId, List<EvidenceFile> files,
                             String description, StatementOfTruth statementOfTruth, CompanyUser submittedBy)
        implements EvidenceCommand {
}
