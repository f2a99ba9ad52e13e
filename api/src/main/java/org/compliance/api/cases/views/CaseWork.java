package org.compliance.api.cases.views;

import java.util.List;

/**
 * The case side of a member of staff's "My work": their cases (led or on the team of) by status, and for
 * supervisors the open cases each investigator leads or is on the team of ({@code workload} is empty for others).
 */
public record CaseWork(long myCases, List<StatusCount> myCasesByStatus, List<Workload> workload) {

    /** How many of the caller's cases are in one status; only statuses with cases are listed. */
    public record StatusCount(String status, long count) {
    }

    /**
     * A member of staff's open cases (every status but CLOSED): those they lead, and those they are on the team of
     * without leading; {@code name} from the staff directory.
     */
    public record Workload(String userId, String name, long leading, long onTeam) {
    }
}
