package org.compliance.cases.rest;

import java.time.Instant;
import java.util.List;
import org.compliance.cases.query.CaseSummary;

/** A case as the API shows it. */
public record CaseView(String caseId, String title, String status, List<String> respondents,
                       String leadInvestigatorId, String leadInvestigatorName, Instant openedAt) {

    static CaseView of(CaseSummary row) {
        return new CaseView(row.caseId, row.title, row.status, List.of(row.respondents.split(",")),
                row.leadInvestigatorId, row.leadInvestigatorName, row.openedAt);
    }
}
