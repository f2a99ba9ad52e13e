package org.compliance.cases.query;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.compliance.api.cases.views.CaseWork;

/**
 * Counts for "My work", each one grouped query over {@code case_view} (one pass over the rows, not a query per
 * status or per person).
 */
@ApplicationScoped
public class WorkQueries {

    /**
     * Open cases per member: each id in {@code members} is the lead's or a team member's. The cases are first counted
     * per team (members and lead), of which there are few, so that a team's ids are split once, not once per case.
     */
    private static final String WORKLOAD = "SELECT m.user_id, "
            + "coalesce(sum(t.cases) FILTER (WHERE m.user_id = t.lead_investigator_id), 0)::bigint AS leading, "
            + "coalesce(sum(t.cases) FILTER (WHERE m.user_id <> t.lead_investigator_id), 0)::bigint AS on_team "
            + "FROM (SELECT members, lead_investigator_id, count(*) AS cases FROM case_service.case_view "
            + "WHERE status <> 'CLOSED' GROUP BY members, lead_investigator_id) t "
            + "CROSS JOIN LATERAL unnest(string_to_array(btrim(t.members), ' ')) AS m (user_id) "
            + "WHERE m.user_id <> '' GROUP BY m.user_id";

    /** A member's open cases, by user id. */
    public record MemberLoad(String userId, long leading, long onTeam) {
    }

    private final Pool pool;

    public WorkQueries(Pool pool) {
        this.pool = pool;
    }

    /** The cases this member of staff leads or is on the team of, counted by status (statuses without any left out). */
    public Uni<List<CaseWork.StatusCount>> byStatus(String userId) {
        return pool.preparedQuery("SELECT status, count(*) AS cases FROM case_service.case_view "
                        + "WHERE members LIKE $1 ESCAPE '!' GROUP BY status ORDER BY status")
                .execute(Tuple.of("% " + likeEscaped(userId) + " %"))
                .map(rows -> {
                    List<CaseWork.StatusCount> counts = new ArrayList<>();
                    for (Row row : rows) {
                        counts.add(new CaseWork.StatusCount(row.getString("status"), row.getLong("cases")));
                    }
                    return counts;
                });
    }

    /** Every member of staff with open cases, and how many they lead and are on the team of. */
    public Uni<List<MemberLoad>> workload() {
        return pool.query(WORKLOAD).execute().map(rows -> {
            List<MemberLoad> loads = new ArrayList<>();
            for (Row row : rows) {
                loads.add(new MemberLoad(row.getString("user_id"), row.getLong("leading"), row.getLong("on_team")));
            }
            return loads;
        });
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
