package org.compliance.api.audit;

import java.util.List;
import org.compliance.api.audit.views.HistoryEntry;

/**
 * Who caused an event, as an auditor reads it: "Iris Investigator (investigator)", from the name and realm roles the
 * event's metadata records; the suite itself (a deadline, a reminder) when no person did. The portal's history and
 * audit-service's bundle report name people the same way.
 */
public final class Who {

    /** The realm roles that say what someone is to a case, in the order they are named; the rest is Keycloak's. */
    private static final List<String> CASE_ROLES = List.of("supervisor", "investigator", "auditor", "operator",
            "company");

    private Who() {
    }

    public static String of(HistoryEntry event) {
        List<String> roles = event.actorRoles() == null ? List.of()
                : CASE_ROLES.stream().filter(event.actorRoles()::contains).toList();
        if (event.actorName() == null && roles.isEmpty()) {
            return event.actorId() == null ? "The suite" : "The suite (" + event.actorId() + ")";
        }
        String name = event.actorName() != null ? event.actorName() : event.actorId();
        return roles.isEmpty() ? name : name + " (" + String.join(", ", roles) + ")";
    }
}
