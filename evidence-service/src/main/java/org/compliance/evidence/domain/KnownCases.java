package org.compliance.evidence.domain;

import java.util.Optional;
import java.util.Set;

/** What evidence-service knows of cases from case-service's events (a port; the adapter reads its view). */
public interface KnownCases {

    /** A case: whether it is open, its respondents, and the authority that runs it ("" when not known). */
    record KnownCase(String caseId, boolean open, Set<String> respondents, String authority) {

        public KnownCase {
            authority = authority == null ? "" : authority;
        }

        public KnownCase(String caseId, boolean open, Set<String> respondents) {
            this(caseId, open, respondents, "");
        }
    }

    Optional<KnownCase> find(String caseId);
}
