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

    /** How documents name a case: its title and the authority it runs under. */
    record CaseHeading(String title, String authority) {
    }

    /** The case's heading, when known (not for a case learnt of before headings were kept). */
    default Optional<CaseHeading> heading(String caseId) {
        return Optional.empty();
    }
}
