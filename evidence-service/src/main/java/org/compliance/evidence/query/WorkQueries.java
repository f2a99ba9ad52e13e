package org.compliance.evidence.query;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.compliance.api.evidence.views.EvidenceWork;
import org.compliance.evidence.domain.DueMoments;

/**
 * What waits on a member of staff's desk, read from {@code request_view} and {@code known_case}: open requests of
 * the cases they lead or are on the team of ({@link Scope#MINE}), or of every case ({@link Scope#EVERY_CASE}).
 * Each list is one query that answers its first rows and its full count together.
 */
@ApplicationScoped
public class WorkQueries {

    /** Whose cases' requests: the caller's (lead or team), or every case's (a supervisor's queue). */
    public enum Scope {
        MINE, EVERY_CASE;

        /** The join to the cases, with the caller's id as {@code $1} and {@code $2} (EVERY_CASE needs neither). */
        private String join() {
            return this == MINE ? "JOIN evidence_service.known_case k ON k.case_id = r.case_id "
                    + "AND (k.lead_investigator_id = $1 OR k.team LIKE $2 ESCAPE '!')"
                    : "LEFT JOIN evidence_service.known_case k ON k.case_id = r.case_id";
        }

        /** The statement's parameters: the caller's ids (for MINE) then {@code more}, numbered on from there. */
        private Tuple parameters(String userId, Object... more) {
            Tuple tuple = Tuple.tuple();
            if (this == MINE) {
                tuple.addString(userId).addString("% " + userId.replace("!", "!!").replace("%", "!%")
                        .replace("_", "!_") + " %");
            }
            for (Object value : more) {
                tuple.addValue(value);
            }
            return tuple;
        }

        /** The SQL with the numbers of the later parameters ({@code :1}, {@code :2}...) after the caller's. */
        private String numbered(String sql) {
            int first = this == MINE ? 3 : 1;
            String numbered = sql;
            for (int i = 4; i >= 1; i--) {
                numbered = numbered.replace(":" + i, "$" + (first + i - 1));
            }
            return numbered;
        }
    }

    /** The lists, each as its condition on an open request ({@code :1} is the end of "due soon"). */
    public enum Queue {
        /** Past the due moment, and the regulator has nothing to review. */
        OVERDUE("r.overdue AND NOT r.awaiting_review"),
        /** Due by {@code :1}, not overdue, nothing to review (the respondent's move). */
        DUE_SOON("NOT r.overdue AND NOT r.awaiting_review AND r.due_at <= :1"),
        /** A submission waits for review. */
        AWAITING_REVIEW("r.awaiting_review"),
        /** An extension request waits for a supervisor's decision. */
        EXTENSION_PENDING("r.extension_pending");

        private final String condition;

        Queue(String condition) {
            this.condition = condition;
        }
    }

    private final Pool pool;

    public WorkQueries(Pool pool) {
        this.pool = pool;
    }

    /** The queue's first {@code limit} requests, soonest due first, with how many there are in all. */
    public Uni<EvidenceWork.WorkList> list(Queue queue, Scope scope, String userId, Instant dueBy, int limit) {
        boolean dueBound = queue.condition.contains(":1");
        String sql = "SELECT w.*, v.document::jsonb -> 'items' ->> 0 AS subject FROM ("
                + "SELECT r.request_id, r.case_id, k.title, r.organisation_alias, r.due_at, r.overdue, "
                + "count(*) OVER () AS total FROM evidence_service.request_view r " + scope.join()
                + " WHERE r.status = 'OPEN' AND " + queue.condition
                + " ORDER BY r.due_at, r.request_id LIMIT " + (dueBound ? ":2" : ":1") + ") w "
                + "JOIN evidence_service.request_view v ON v.request_id = w.request_id ORDER BY w.due_at, w.request_id";
        Tuple parameters = dueBound ? scope.parameters(userId, utc(dueBy), limit) : scope.parameters(userId, limit);
        return pool.preparedQuery(scope.numbered(sql)).execute(parameters).map(rows -> {
            List<EvidenceWork.WorkItem> items = new ArrayList<>();
            long total = 0;
            for (Row row : rows) {
                total = row.getLong("total");
                Instant dueAt = row.getOffsetDateTime("due_at").toInstant();
                items.add(new EvidenceWork.WorkItem(row.getString("request_id"), row.getString("subject"),
                        row.getString("case_id"), row.getString("title"), row.getString("organisation_alias"),
                        dueAt, row.getBoolean("overdue")));
            }
            return new EvidenceWork.WorkList(total, items);
        });
    }

    /**
     * How many open requests, not overdue and with nothing to review, fall due on each of {@code days} days from
     * {@code today} (Europe/London's calendar, as due moments are counted); days without any count 0.
     */
    public Uni<List<EvidenceWork.DueDay>> dueByDay(Scope scope, String userId, LocalDate today, int days) {
        Instant from = today.atStartOfDay(DueMoments.ZONE).toInstant();
        Instant to = today.plusDays(days).atStartOfDay(DueMoments.ZONE).toInstant();
        String sql = "SELECT (r.due_at AT TIME ZONE 'Europe/London')::date AS day, count(*) AS due "
                + "FROM evidence_service.request_view r " + scope.join()
                + " WHERE r.status = 'OPEN' AND NOT r.overdue AND NOT r.awaiting_review"
                + " AND r.due_at >= :1 AND r.due_at < :2 GROUP BY 1";
        return pool.preparedQuery(scope.numbered(sql)).execute(scope.parameters(userId, utc(from), utc(to)))
                .map(rows -> {
            Map<LocalDate, Long> due = new HashMap<>();
            for (Row row : rows) {
                due.put(row.getLocalDate("day"), row.getLong("due"));
            }
            return today.datesUntil(today.plusDays(days))
                    .map(day -> new EvidenceWork.DueDay(day, due.getOrDefault(day, 0L))).toList();
        });
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
