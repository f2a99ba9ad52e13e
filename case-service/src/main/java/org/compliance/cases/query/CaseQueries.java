package org.compliance.cases.query;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Reads of the case views. Every query takes the caller's {@link CaseVisibility}, so visibility is part of the query
 * itself, and a case the caller may not see is indistinguishable from one that does not exist. The visibility also
 * chooses what words are matched against: companies only what their view of a case shows (title, legal bases, live
 * allegations), staff and auditors the whole case with its parties and notes.
 */
@ApplicationScoped
public class CaseQueries {

    /**
     * Sort keys the list accepts, each with its column (indexed with the case id, except the yes/no ones); the case id
     * breaks ties so pages are stable. RELEVANCE needs words to rank by; without them it is OPENED_AT.
     */
    public enum SortKey {
        RELEVANCE(null), OPENED_AT("c.opened_at"), UPDATED_AT("c.updated_at"), TITLE("c.title"),
        PRIORITY("c.priority_rank"), STATUS("c.status"), AUTHORITY("c.authority"),
        CONFIDENTIALITY("c.confidentiality"), RESPONDENTS("left(c.respondent_names, 200)"),
        LEAD_INVESTIGATOR("c.lead_investigator_name"), LEGAL_HOLD("c.legal_hold"),
        OVERDUE_EVIDENCE("c.awaiting_overdue_evidence");

        private final String column;

        SortKey(String column) {
            this.column = column;
        }
    }

    /** The mapped columns of {@link CaseViewRow}, never the search documents (only matched, never read). */
    private static final String COLUMNS = "c.case_id, c.version, c.title, c.summary, c.authority, c.priority,"
            + " c.priority_rank, c.confidentiality, c.status, c.lead_investigator_id, c.lead_investigator_name,"
            + " c.respondent_names, c.members, c.legal_hold, c.awaiting_overdue_evidence, c.opened_at, c.updated_at,"
            + " c.document, c.search_text, c.respondent_search_text";
    /** A word no case holds is widened to at most this many known words at least this similar (trigrams). */
    private static final int ALTERNATIVES = 3;
    private static final String SIMILARITY = "0.35";

    private final CaseViewRepository views;
    private final CaseNoteRepository notes;
    private final int rankedMatches;

    public CaseQueries(CaseViewRepository views, CaseNoteRepository notes,
                       @ConfigProperty(name = "compliance.cases.ranked-matches", defaultValue = "1000")
                       int rankedMatches) {
        this.views = views;
        this.notes = notes;
        this.rankedMatches = rankedMatches;
    }

    public Uni<CaseViewRow> find(String caseId, CaseVisibility visibility) {
        var where = new StringBuilder("from CaseViewRow c where c.caseId = :caseId");
        var params = Parameters.with("caseId", caseId);
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
                params.and("organisations", organisations(respondent));
            }
        }
        return views.find(where.toString(), params).firstResult();
    }

    /** A page of the cases the filter finds, in the order asked (RELEVANCE: {@link #ranked}). */
    public Uni<List<CaseViewRow>> list(CaseFilter filter, CaseVisibility visibility, SortKey sortKey,
                                       boolean descending, int page, int size) {
        return words(filter).chain(query -> {
            if (query != null && query.isEmpty()) {
                return Uni.createFrom().item(List.<CaseViewRow>of());
            }
            Where where = where(filter, visibility, query);
            String direction = descending ? " desc" : " asc";
            long offset = (long) page * size;
            String sql = sortKey == SortKey.RELEVANCE && where.document != null
                    ? ranked(where, direction, offset, size)
                    : "select " + COLUMNS + " from case_service.case_view c where " + where.sql
                    + " order by " + (sortKey == SortKey.RELEVANCE ? SortKey.OPENED_AT : sortKey).column + direction
                    + ", c.case_id" + direction + " limit " + size + " offset " + offset;
            return views.getSession().chain(session -> {
                Mutiny.SelectionQuery<CaseViewRow> select = session.createNativeQuery(sql, CaseViewRow.class);
                where.params.forEach(select::setParameter);
                return select.getResultList();
            });
        });
    }

    /**
     * Best match first among the {@code rankedMatches} newest matches, then the older ones newest first (decision 30):
     * ranking every match would read every match's words (a common word finds most of the cases), while the newest
     * ones come from an index walk that stops after them. Pages stay consistent, whatever their offset.
     */
    private String ranked(Where where, String direction, long offset, int size) {
        long window = Math.max(rankedMatches, offset + size);
        return "select " + COLUMNS + " from (select " + COLUMNS + ", ts_rank(" + where.document
                + ", cast(:query as tsquery)) as relevance, row_number() over (order by c.opened_at desc, c.case_id desc)"
                + " as recency from case_service.case_view c where " + where.sql
                + " order by c.opened_at desc, c.case_id desc limit " + window + ") c"
                + " order by case when c.recency <= " + rankedMatches + " then c.relevance end" + direction
                + " nulls last, c.recency" + (direction.equals(" desc") ? " asc" : " desc")
                + " limit " + size + " offset " + offset;
    }

    /** How many cases the filter finds (what the list pages through). */
    public Uni<Long> count(CaseFilter filter, CaseVisibility visibility) {
        return words(filter).chain(query -> {
            if (query != null && query.isEmpty()) {
                return Uni.createFrom().item(0L);
            }
            Where where = where(filter, visibility, query);
            String sql = "select count(*) from case_service.case_view c where " + where.sql;
            return views.getSession().chain(session -> {
                Mutiny.SelectionQuery<Long> select = session.createNativeQuery(sql, Long.class);
                where.params.forEach(select::setParameter);
                return select.getSingleResult();
            });
        });
    }

    public Uni<List<CaseNoteRow>> notes(String caseId) {
        return notes.find("caseId", Sort.ascending("addedAt", "noteId"), caseId).list();
    }

    /**
     * The search's words as one text query (English stemming): every word must match, in any order, and a word no
     * case holds (a typo) matches the known words most like it too. Answers null when the filter has no words,
     * empty when they are all too common to search for (stop words: nothing is found).
     */
    private Uni<String> words(CaseFilter filter) {
        SearchWords words = SearchWords.of(filter.text());
        if (words.none()) {
            return Uni.createFrom().nullItem();
        }
        var sql = new StringBuilder("select cast(");
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < words.words().size(); i++) {
            String w = ":w" + i;
            params.put("w" + i, words.words().get(i));
            sql.append(i == 0 ? "" : " && ").append("to_tsquery('english', (select string_agg(t.word, ' | ')"
                    + " from (select cast(" + w + " as text) as word union (select s.word"
                    + " from case_service.case_search_word s where length(" + w + ") >= 4"
                    + " and not exists (select 1 from case_service.case_search_word e where e.word = " + w + ")"
                    + " and s.word % " + w + " and similarity(s.word, " + w + ") >= " + SIMILARITY
                    + " order by similarity(s.word, " + w + ") desc, s.word limit " + ALTERNATIVES + ")) t))");
        }
        sql.append(" as text)");
        return views.getSession().chain(session -> {
            Mutiny.SelectionQuery<String> select = session.createNativeQuery(sql.toString(), String.class);
            params.forEach(select::setParameter);
            return select.getSingleResult();
        });
    }

    private record Where(String sql, Map<String, Object> params, String document) {
    }

    /** The filters and the caller's visibility as one predicate; {@code query} null: no words to match. */
    private static Where where(CaseFilter filter, CaseVisibility visibility, String query) {
        var where = new StringBuilder("1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.status() != null) {
            where.append(" and c.status = :status");
            params.put("status", filter.status());
        }
        if (filter.authority() != null) {
            where.append(" and c.authority = :authority");
            params.put("authority", filter.authority());
        }
        if (filter.priority() != null) {
            where.append(" and c.priority = :priority");
            params.put("priority", filter.priority());
        }
        if (filter.respondent() != null && !filter.respondent().isBlank()) {
            // A company names only its own organisations: another respondent of its cases stays unknown to it.
            where.append(" and exists (select 1 from case_service.case_party p where p.case_id = c.case_id"
                    + " and p.role = 'RESPONDENT' and (p.organisation_alias = :respondent"
                    + " or lower(p.name) like :respondentName escape '!')")
                    .append(visibility instanceof CaseVisibility.RespondentCases
                            ? " and p.organisation_alias in (:organisations))" : ")");
            params.put("respondent", filter.respondent().strip());
            params.put("respondentName", "%" + likeEscaped(filter.respondent().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.assignee() != null) {
            where.append(" and c.members like :assignee escape '!'");
            params.put("assignee", "% " + likeEscaped(filter.assignee()) + " %");
        }
        String document = null;
        if (query != null) {
            document = visibility instanceof CaseVisibility.RespondentCases ? "c.respondent_search" : "c.staff_search";
            where.append(" and ").append(document).append(" @@ cast(:query as tsquery)");
            params.put("query", query);
        }
        if (filter.openedFrom() != null) {
            where.append(" and c.opened_at >= :openedFrom");
            params.put("openedFrom", filter.openedFrom());
        }
        if (filter.openedTo() != null) {
            where.append(" and c.opened_at < :openedTo");
            params.put("openedTo", filter.openedTo());
        }
        switch (visibility) {
            case CaseVisibility.AllCases all -> {
            }
            case CaseVisibility.InvestigatorCases investigator -> {
                where.append(" and (c.confidentiality = 'STANDARD' or c.members like :investigator escape '!')");
                params.put("investigator", "% " + likeEscaped(investigator.userId()) + " %");
            }
            case CaseVisibility.RespondentCases respondent -> {
                where.append(" and exists (select 1 from case_service.case_party o where o.case_id = c.case_id"
                        + " and o.role = 'RESPONDENT' and o.organisation_alias in (:organisations))");
                params.put("organisations", organisations(respondent));
            }
        }
        return new Where(where.toString(), params, document);
    }

    private static List<String> organisations(CaseVisibility.RespondentCases respondent) {
        return respondent.organisations().isEmpty() ? List.of("") : respondent.organisations();
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
