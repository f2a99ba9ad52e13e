package org.compliance.evidence.domain;

import java.util.Optional;
import java.util.Set;

/** What evidence-service knows of cases from case-service's events (a port; the adapter reads its view). */
public interface KnownCases {

    record KnownCase(String caseId, boolean open, Set<String> respondents) {
    }

    Optional<KnownCase> find(String caseId);
}
