package org.compliance.portal.web;

import jakarta.ws.rs.BadRequestException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.compliance.api.cases.CaseSearch;
import org.compliance.api.cases.CaseSort;
import org.compliance.api.cases.CaseStatus;
import org.compliance.api.cases.Priority;
import org.compliance.api.cases.views.SavedSearch;

/**
 * What the case list page searches for, as its address carries it ({@code q}, {@code status}, {@code priority},
 * {@code respondent}, {@code mine}, {@code sort}, {@code direction}): the links of its column headers, pages, saved
 * searches and export are built from it, and a saved search is one.
 */
record CaseListSearch(String q, String status, String priority, String respondent, boolean mine, String sort,
                      String direction) {

    /** A sortable column of the list: its header, the order it sorts by, whether companies see it. */
    record Column(String label, CaseSort sort, boolean staffOnly) {
    }

    /** A column header as the page shows it: where it leads, and how the list is sorted by it now (aria-sort). */
    record Header(String label, String href, String ariaSort) {
    }

    /** A saved search as the page lists it. */
    record Saved(String searchId, String name, String href) {
    }

    static final List<Column> COLUMNS = List.of(new Column("Title", CaseSort.TITLE, false),
            new Column("Status", CaseSort.STATUS, false), new Column("Priority", CaseSort.PRIORITY, true),
            new Column("Respondents", CaseSort.RESPONDENTS, true),
            new Column("Lead", CaseSort.LEAD_INVESTIGATOR, true), new Column("Opened", CaseSort.OPENED_AT, false));

    private static final Set<CaseSort> COMPANY_SORTS = EnumSet.of(CaseSort.RELEVANCE, CaseSort.OPENED_AT,
            CaseSort.TITLE, CaseSort.STATUS, CaseSort.AUTHORITY);

    CaseListSearch {
        q = Forms.given(q);
        status = Forms.given(status);
        priority = Forms.given(priority);
        respondent = Forms.given(respondent);
        sort = Forms.given(sort);
        direction = "asc".equals(direction) || "desc".equals(direction) ? direction : null;
    }

    /** The search's parameters for the page's address (and case-service's), without the page number. */
    String query() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q", q);
        params.put("status", status);
        params.put("priority", priority);
        params.put("respondent", respondent);
        params.put("mine", mine ? "yes" : null);
        params.put("sort", sort);
        params.put("direction", direction);
        return params.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    String href(String path) {
        String query = query();
        return query.isEmpty() ? path : path + "?" + query;
    }

    String pageHref(int page) {
        String query = query();
        return "/cases?" + (query.isEmpty() ? "" : query + "&") + "page=" + page;
    }

    /** The headers of the columns this viewer sees; a header sorts by its column, again to turn the order round. */
    List<Header> headers(boolean staffView) {
        List<Header> headers = new ArrayList<>();
        for (Column column : COLUMNS) {
            if (column.staffOnly() && !staffView) {
                continue;
            }
            boolean current = column.sort().name().equals(sort);
            boolean ascending = "asc".equals(direction);
            String next = current && ascending ? "desc" : current ? "asc" : column.sort() == CaseSort.OPENED_AT
                    || column.sort() == CaseSort.PRIORITY ? "desc" : "asc";
            CaseListSearch sorted = new CaseListSearch(q, status, priority, respondent, mine, column.sort().name(),
                    next);
            headers.add(new Header(column.label(), sorted.href("/cases"),
                    current ? (ascending ? "ascending" : "descending") : null));
        }
        return headers;
    }

    /** The orders the page offers: every one for staff and auditors, those of a company's columns for a company. */
    static List<String> sorts(boolean staffView) {
        return Arrays.stream(CaseSort.values()).filter(sort -> staffView || COMPANY_SORTS.contains(sort))
                .map(CaseSort::name).toList();
    }

    /** The search to save: "mine" is the signed-in person's user id, as case-service takes an assignee. */
    CaseSearch toSearch(String subject) {
        return new CaseSearch(q, named(CaseStatus.class, status, "a status"), null, respondent, mine ? subject : null,
                named(Priority.class, priority, "a priority"), null, null, named(CaseSort.class, sort, "an order"),
                direction);
    }

    private static <E extends Enum<E>> E named(Class<E> type, String value, String what) {
        try {
            return value == null ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Choose " + what + " from the list.");
        }
    }

    static Saved saved(SavedSearch saved, String subject) {
        CaseSearch s = saved.search();
        CaseListSearch search = new CaseListSearch(s.q(), s.status() == null ? null : s.status().name(),
                s.priority() == null ? null : s.priority().name(), s.respondent(), subject.equals(s.assignee()),
                s.sort() == null ? null : s.sort().name(), s.direction());
        return new Saved(saved.searchId(), saved.name(), search.href("/cases"));
    }
}
