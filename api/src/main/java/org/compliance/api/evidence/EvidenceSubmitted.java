package org.compliance.api.evidence;

import java.time.Instant;
import java.util.List;
import org.compliance.api.shared.CompanyUser;
import org.compliance.api.shared.PersonalData;

/**
 * Evidence was submitted; {@code late} when after the due moment. {@code namedSubjects}: the case's data subjects
 * the {@code description} names, under whose keys it is stored sealed (decision 29; empty in events stored before).
 */
public record EvidenceSubmitted(String requestId, String caseId, String submissionId,
                                List<EvidenceFile> files, @PersonalData(subjectsIn = "namedSubjects") String description,
                                StatementOfTruth statementOfTruth, CompanyUser submittedBy,
                                Instant submittedAt, boolean late, List<String> namedSubjects) implements EvidenceEvent {
    public EvidenceSubmitted {
        namedSubjects = namedSubjects == null ? List.of() : List.copyOf(namedSubjects);
    }

    public EvidenceSubmitted(String requestId, String caseId, String submissionId, List<EvidenceFile> files,
                             String description, StatementOfTruth statementOfTruth, CompanyUser submittedBy,
                             Instant submittedAt, boolean late) {
        this(requestId, caseId, submissionId, files, description, statementOfTruth, submittedBy, submittedAt, late,
                List.of());
    }
}
