package org.compliance.api.cases;

import org.compliance.api.shared.Addressed;

/** A command addressed to one investigation case. */
public interface CaseCommand extends Addressed {

    String caseId();

    @Override
    default String aggregateId() {
        return caseId();
    }
}
