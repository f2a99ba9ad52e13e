package org.compliance.evidence.query;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
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
import org.compliance.api.evidence.RequestSubjects;
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

        /** The join from {@code request_view r} to the cases, {@code known_case k}. */
        private void join(Statement statement, String userId) {
            if (this == EVERY_CASE) {
                statement.sql("LEFT JOIN evidence_service.known_case k ON k.case_id = r.case_id");
                return;
            }
            statement.sql("JOIN evidence_service.known_case k ON k.case_id = r.case_id AND (k.lead_investigator_id = ")
                    .value(userId).sql(" OR k.team LIKE ")
                    .value("% " + userId.replace("!", "!!").replace("%", "!%").replace("_", "!_") + " %")
                    .sql(" ESCAPE '!')");
        }
    }

    /** The lists, each a condition on an open request. */
    public enum Queue {
        /** Past the due moment, and the regulator has nothing to review. */
        OVERDUE,
        /** Due by the moment given, not overdue, nothing to review (the respondent's move). */
        DUE_SOON,
        /** A submission waits for review. */
        AWAITING_REVIEW,
        /** An extension request waits for a supervisor's decision. */
        EXTENSION_PENDING;

        private void where(Statement statement, Instant dueBy) {
            switch (this) {
                case OVERDUE -> statement.sql("r.overdue AND NOT r.awaiting_review");
                case DUE_SOON -> statement.sql("NOT r.overdue AND NOT r.awaiting_review AND r.due_at <= ")
                        .value(utc(dueBy));
                case AWAITING_REVIEW -> statement.sql("r.awaiting_review");
                case EXTENSION_PENDING -> statement.sql("r.extension_pending");
            }
        }
    }

    private final Pool pool;

    public WorkQueries(Pool pool) {
        this.pool = pool;
    }

    /** The queue's first {@code limit} requests, soonest due first, with how many there are in all. */
    public Uni<EvidenceWork.WorkList> list(Queue queue, Scope scope, String userId, Instant dueBy, int limit) {
        Statement statement = new Statement().sql("SELECT w.*, v.document::jsonb -> 'items' ->> 0 AS first_item, "
                + "jsonb_array_length(v.document::jsonb -> 'items') AS item_count FROM ("
                + "SELECT r.request_id, r.case_id, k.title, r.organisation_alias, "
                + "k.respondent_names::jsonb ->> r.organisation_alias AS organisation_name, r.due_at, r.overdue, "
                + "count(*) OVER () AS total FROM evidence_service.request_view r ");
        scope.join(statement, userId);
        statement.sql(" WHERE r.status = 'OPEN' AND ");
        queue.where(statement, dueBy);
        statement.sql(" ORDER BY r.due_at, r.request_id LIMIT ").value(limit).sql(") w JOIN "
                + "evidence_service.request_view v ON v.request_id = w.request_id ORDER BY w.due_at, w.request_id");
        return statement.execute(pool).map(rows -> {
            List<EvidenceWork.WorkItem> items = new ArrayList<>();
            long total = 0;
            for (Row row : rows) {
                total = row.getLong("total");
                items.add(new EvidenceWork.WorkItem(row.getString("request_id"),
                        RequestSubjects.of(row.getString("first_item"), row.getInteger("item_count")),
                        row.getString("case_id"), row.getString("title"), row.getString("organisation_alias"),
                        row.getString("organisation_name"), row.getOffsetDateTime("due_at").toInstant(),
                        row.getBoolean("overdue")));
            }
            return new EvidenceWork.WorkList(total, items);
        });
    }

    /**
     * How many open requests, not overdue and with nothing to review, fall due on each of {@code days} days from
     * {@code today} (Europe/London's calendar, as due moments are counted); days without any count 0.
     */
    public Uni<List<EvidenceWork.DueDay>> dueByDay(Scope scope, String userId, LocalDate today, int days) {
        Statement statement = new Statement().sql("SELECT (r.due_at AT TIME ZONE 'Europe/London')::date AS day, "
                + "count(*) AS due FROM evidence_service.request_view r ");
        scope.join(statement, userId);
        statement.sql(" WHERE r.status = 'OPEN' AND NOT r.overdue AND NOT r.awaiting_review AND r.due_at >= ")
                .value(utc(today.atStartOfDay(DueMoments.ZONE).toInstant())).sql(" AND r.due_at < ")
                .value(utc(today.plusDays(days).atStartOfDay(DueMoments.ZONE).toInstant())).sql(" GROUP BY 1");
        return statement.execute(pool).map(rows -> {
            Map<LocalDate, Long> due = new HashMap<>();
            for (Row row : rows) {
                due.put(row.getLocalDate("day"), row.getLong("due"));
            }
            return today.datesUntil(today.plusDays(days))
                    .map(day -> new EvidenceWork.DueDay(day, due.getOrDefault(day, 0L))).toList();
        });
    }

    /** SQL with its values as parameters, numbered ($1, $2...) in the order they are added. */
    private static final class Statement {
        private final StringBuilder sql = new StringBuilder();
        private final Tuple parameters = Tuple.tuple();

        Statement sql(String text) {
            sql.append(text);
            return this;
        }

        Statement value(Object value) {
            parameters.addValue(value);
            sql.append('$').append(parameters.size());
            return this;
        }

        Uni<RowSet<Row>> execute(Pool pool) {
            return pool.preparedQuery(sql.toString()).execute(parameters);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
