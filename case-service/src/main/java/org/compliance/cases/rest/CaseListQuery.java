package org.compliance.cases.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import org.compliance.api.cases.CaseSearch;
import org.compliance.api.cases.CaseSort;
import org.compliance.api.cases.CaseStatus;
import org.compliance.api.cases.Priority;
import org.compliance.api.shared.SingleLine;
import org.compliance.cases.query.CaseFilter;
import org.compliance.cases.query.CaseQueries;
import org.compliance.cases.query.SearchWords;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** A search of the case list as the list, its count and its CSV export all take it (a {@link CaseSearch}). */
public record CaseListQuery(
        @QueryParam("status") @Parameter(description = "Only cases in this status") CaseStatus status,
        @QueryParam("authority") @Parameter(description = "Only cases run by this authority (its full name)")
        @Size(max = 200) @SingleLine String authority,
        @QueryParam("respondent") @Parameter(description = "Only cases against this organisation: its alias, or any "
                + "part of its name, any case (a company: only among its own organisations)")
        @Size(max = 200) @SingleLine String respondent,
        @QueryParam("assignee") @Parameter(description = "Only cases this member of staff leads or is on the team of "
                + "(user id)") @Size(max = 64) @SingleLine String assignee,
        @QueryParam("priority") @Parameter(description = "Only cases of this priority") Priority priority,
        @QueryParam("q") @Parameter(description = "Words, in any order, each found in the title, summary, "
                + "allegations, legal bases or parties' names (and notes, for staff and auditors; a company's only in "
                + "what it reads of a case: title, legal bases, allegations), English word forms alike (\"trained\" "
                + "finds \"training\"); a word no case holds is taken for a typo and also matches the words most like "
                + "it. At most " + SearchWords.MAX_WORDS + " words.") @Size(max = 200) @SingleLine String q,
        @QueryParam("openedFrom") @Parameter(description = "Opened at or after this instant") Instant openedFrom,
        @QueryParam("openedTo") @Parameter(description = "Opened before this instant") Instant openedTo,
        @QueryParam("sort") @Parameter(description = "The order: RELEVANCE (best match first among the 1,000 "
                + "newest matches, then the older ones newest first) is the default with words in q, OPENED_AT without; "
                + "any other is a list column, the case id breaking ties")
        CaseSort sort,
        @QueryParam("direction") @DefaultValue("desc") @Parameter(description = "Ascending or descending",
                schema = @Schema(type = SchemaType.STRING, enumeration = {"asc", "desc"}, defaultValue = "desc"))
        @Pattern(regexp = "asc|desc", message = "direction is asc or desc") String direction) {

    CaseFilter filter() {
        return new CaseFilter(status == null ? null : status.name(), authority, respondent, assignee,
                priority == null ? null : priority.name(), q, openedFrom, openedTo);
    }

    CaseQueries.SortKey sortKey() {
        if (sort == null) {
            return q == null || q.isBlank() ? CaseQueries.SortKey.OPENED_AT : CaseQueries.SortKey.RELEVANCE;
        }
        return CaseQueries.SortKey.valueOf(sort.name());
    }

    boolean descending() {
        return !"asc".equals(direction);
    }
}
