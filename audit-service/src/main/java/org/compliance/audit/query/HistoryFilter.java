package org.compliance.audit.query;

import java.time.Instant;
import java.util.List;

/**
 * Which events of a history to show: a time range [from, to), the kinds of event (their classes' full names; empty
 * means any) and an actor (user id); null means any.
 */
public record HistoryFilter(Instant from, Instant to, List<String> types, String actor) {

    public HistoryFilter {
        types = types == null ? List.of() : List.copyOf(types);
    }
}
