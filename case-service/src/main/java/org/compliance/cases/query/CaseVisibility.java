package org.compliance.cases.query;

import java.util.List;

/**
 * Which cases a reader may see, as every case query applies it: supervisors and auditors every case;
 * investigators every STANDARD case and the RESTRICTED ones they lead or are on the team of; companies only the
 * cases where one of their organisations is a respondent.
 */
public sealed interface CaseVisibility {

    record AllCases() implements CaseVisibility {
    }

    record InvestigatorCases(String userId) implements CaseVisibility {
    }

    record RespondentCases(List<String> organisations) implements CaseVisibility {
    }
}
