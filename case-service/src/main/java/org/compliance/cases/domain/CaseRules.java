package org.compliance.cases.domain;

import java.time.Instant;
import java.util.List;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.OpenCase;
import org.compliance.platform.domain.RuleViolation;

/** The rules of a case as plain functions: a command and the current facts in, events out. */
public final class CaseRules {

    private CaseRules() {
    }

    public static CaseOpened open(OpenCase command, Instant now) {
        if (command.respondents() == null || command.respondents().isEmpty()) {
            throw RuleViolation.unprocessable("A case needs at least one respondent organisation");
        }
        if (command.allegations() == null || command.allegations().isEmpty()) {
            throw RuleViolation.unprocessable("A case needs at least one allegation");
        }
        long distinct = command.respondents().stream().map(r -> r.organisationAlias()).distinct().count();
        if (distinct != command.respondents().size()) {
            throw RuleViolation.unprocessable("A respondent organisation is named twice");
        }
        return new CaseOpened(command.caseId(), command.title().strip(), List.copyOf(command.respondents()),
                List.copyOf(command.allegations()), command.leadInvestigator(), now);
    }
}
