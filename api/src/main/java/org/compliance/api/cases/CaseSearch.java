package org.compliance.api.cases;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.compliance.api.shared.SingleLine;

/**
 * A search of the case list as {@code GET /cases} takes it (every part optional): words, filters and order. A saved
 * search keeps one.
 */
public record CaseSearch(
        @Size(max = 200) @SingleLine String q,
        CaseStatus status,
        @Size(max = 200) @SingleLine String authority,
        @Size(max = 200) @SingleLine String respondent,
        @Size(max = 64) @SingleLine String assignee,
        Priority priority,
        Instant openedFrom,
        Instant openedTo,
        CaseSort sort,
        @Pattern(regexp = "asc|desc") String direction) {
}
