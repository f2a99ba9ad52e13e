package org.compliance.cases.domain;

import java.util.List;
import java.util.Set;
import org.compliance.platform.domain.RuleViolation;

/** The authorities that run cases with this installation (configured, e.g. a data-protection authority). */
public record Authorities(List<String> names) {

    public Authorities {
        names = List.copyOf(names);
    }

    void require(String authority) {
        if (authority == null || !Set.copyOf(names).contains(authority)) {
            throw RuleViolation.unprocessable("Unknown authority '" + authority + "'; cases are run by one of " + names);
        }
    }
}
