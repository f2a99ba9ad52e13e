package org.compliance.evidence.domain;

import java.util.Map;
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

    /**
     * The case's data subjects not erased, from subject id (the id case-service seals their texts under) to name:
     * what a text written on the case is searched for, so that a text naming one is sealed under their key
     * (decision 29). Empty for a case with none, or not known.
     */
    default Map<String, String> namesBySubject(String caseId) {
        return Map.of();
    }

    /** The case's heading, when known (not for a case learnt of before headings were kept). */
    default Optional<CaseHeading> heading(String caseId) {
        return Optional.empty();
    }
}
