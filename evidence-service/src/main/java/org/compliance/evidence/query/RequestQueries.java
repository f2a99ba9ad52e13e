package org.compliance.evidence.query;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Reads of the request views. {@code organisations} is null for staff and auditors (every request) and the
 * caller's organisations for a company user, so another organisation's request is simply not found.
 */
@ApplicationScoped
public class RequestQueries implements PanacheRepositoryBase<RequestViewRow, String> {

    /** Filters of the request list; null means any. */
    public record Filter(String caseId, String organisation, String status, Instant dueBefore, Boolean overdue) {
    }

    public Uni<RequestViewRow> find(String requestId, List<String> organisations) {
        var where = new StringBuilder("from RequestViewRow r where r.requestId = :requestId");
        var params = Parameters.with("requestId", requestId);
        restrict(organisations, where, params);
        return find(where.toString(), params).firstResult();
    }

    public Uni<List<RequestViewRow>> list(Filter filter, List<String> organisations, int page, int size) {
        var where = new StringBuilder("from RequestViewRow r where 1 = 1");
        var params = new Parameters();
        if (filter.caseId() != null) {
            where.append(" and r.caseId = :caseId");
            params.and("caseId", filter.caseId());
        }
        if (filter.organisation() != null) {
            where.append(" and r.organisationAlias = :organisation");
            params.and("organisation", filter.organisation());
        }
        if (filter.status() != null) {
            where.append(" and r.status = :status");
            params.and("status", filter.status());
        }
        if (filter.dueBefore() != null) {
            where.append(" and r.dueAt <= :dueBefore");
            params.and("dueBefore", filter.dueBefore());
        }
        if (filter.overdue() != null) {
            where.append(" and r.overdue = :overdue");
            params.and("overdue", filter.overdue());
        }
        restrict(organisations, where, params);
        where.append(" order by r.dueAt asc, r.requestId asc");
        return find(where.toString(), params).page(Page.of(page, size)).list();
    }

    private static void restrict(List<String> organisations, StringBuilder where, Parameters params) {
        if (organisations != null) {
            where.append(" and r.organisationAlias in :organisations");
            params.and("organisations", organisations.isEmpty() ? List.of("") : organisations);
        }
    }
}
