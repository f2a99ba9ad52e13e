package org.compliance.audit.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.compliance.api.audit.EventKinds;

/**
 * Which events of a history to show: a time range [from, to), the kinds of event (their classes' full names; empty
 * means any) and an actor (user id); null means any.
 */
public record HistoryFilter(Instant from, Instant to, List<String> types, String actor) {

    public HistoryFilter {
        types = types == null ? List.of() : List.copyOf(types);
    }

    /**
     * "every event", or "only Case opened, Decision issued; by u-iris; from 2026-12-01T09:00:00Z": the filter as a read
     * of the history records it, for who looked to show people.
     */
    public String inWords() {
        List<String> parts = new ArrayList<>();
        if (!types.isEmpty()) {
            parts.add("only " + String.join(", ", types.stream()
                    .map(t -> EventKinds.inWords(t.substring(t.lastIndexOf('.') + 1))).toList()));
        }
        if (actor != null) {
            parts.add("by " + actor);
        }
        if (from != null) {
            parts.add("from " + from);
        }
        if (to != null) {
            parts.add("before " + to);
        }
        return parts.isEmpty() ? "every event" : String.join("; ", parts);
    }
}
