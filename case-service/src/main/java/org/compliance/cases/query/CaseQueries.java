package org.compliance.cases.query;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;

/**
 * Reads of the case views. Every query takes the caller's {@link CaseVisibility}, so visibility is part of the query
 * itself, and a case the caller may not see is indistinguishable from one that does not exist.
 */
@ApplicationScoped
public class CaseQueries {

    /** Sort keys the list accepts, each with its column; the case id breaks ties so pages are stable. */
    public enum SortKey {
        OPENED_AT("openedAt"), UPDATED_AT("updatedAt"), TITLE("title"), PRIORITY("priorityRank"), STATUS("status");

        private final String field;

        SortKey(String field) {
            this.field = field;
        }
    }

    private final CaseViewRepository views;
    private final CaseNoteRepository notes;

    public CaseQueries(CaseViewRepository views, CaseNoteRepository notes) {
        this.views = views;
        this.notes = notes;
    }

    public Uni<CaseViewRow> find(String caseId, CaseVisibility visibility) {
        var where = new StringBuilder("from CaseViewRow c where c.caseId = :caseId");
        var params = Parameters.with("caseId", caseId);
        visibleTo(visibility, where, params);
        return views.find(where.toString(), params).firstResult();
    }

    public Uni<List<CaseViewRow>> list(CaseFilter filter, CaseVisibility visibility, SortKey sortKey,
                                       boolean descending, int page, int size) {
        var where = new StringBuilder("from CaseViewRow c where 1 = 1");
        var params = new Parameters();
        if (filter.status() != null) {
            where.append(" and c.status = :status");
            params.and("status", filter.status());
        }
        if (filter.authority() != null) {
            where.append(" and c.authority = :authority");
            params.and("authority", filter.authority());
        }
        if (filter.priority() != null) {
            where.append(" and c.priority = :priority");
            params.and("priority", filter.priority());
        }
        if (filter.respondent() != null) {
            where.append(" and exists (select 1 from CasePartyRow p where p.caseId = c.caseId"
                    + " and p.role = 'RESPONDENT' and p.organisationAlias = :respondent)");
            params.and("respondent", filter.respondent());
        }
        if (filter.assignee() != null) {
            where.append(" and c.members like :assignee escape '!'");
            params.and("assignee", "% " + likeEscaped(filter.assignee()) + " %");
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(" and (lower(c.title) like :text escape '!' or lower(c.summary) like :text escape '!')");
            params.and("text", "%" + likeEscaped(filter.text().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.openedFrom() != null) {
            where.append(" and c.openedAt >= :openedFrom");
            params.and("openedFrom", filter.openedFrom());
        }
        if (filter.openedTo() != null) {
            where.append(" and c.openedAt < :openedTo");
            params.and("openedTo", filter.openedTo());
        }
        visibleTo(visibility, where, params);
        String direction = descending ? " desc" : " asc";
        where.append(" order by c.").append(sortKey.field).append(direction).append(", c.caseId").append(direction);
        return views.find(where.toString(), params).page(Page.of(page, size)).list();
    }

    public Uni<List<CaseNoteRow>> notes(String caseId) {
        return notes.find("caseId", Sort.ascending("addedAt", "noteId"), caseId).list();
    }

    private static void visibleTo(CaseVisibility visibility, StringBuilder where, Parameters params) {
        switch (visibility) {
            case CaseVisibility.AllCases all -> {
            }
            case CaseVisibility.InvestigatorCases investigator -> {
                where.append(" and (c.confidentiality = 'STANDARD' or c.members like :investigator escape '!')");
                params.and("investigator", "% " + likeEscaped(investigator.userId()) + " %");
            }
            case CaseVisibility.RespondentCases respondent -> {
                where.append(" and exists (select 1 from CasePartyRow o where o.caseId = c.caseId"
                        + " and o.role = 'RESPONDENT' and o.organisationAlias in :organisations)");
                params.and("organisations", respondent.organisations().isEmpty() ? List.of("")
                        : respondent.organisations());
            }
        }
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
