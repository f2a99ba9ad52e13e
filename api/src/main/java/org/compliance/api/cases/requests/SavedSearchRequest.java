package org.compliance.api.cases.requests;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.compliance.api.cases.CaseSearch;
import org.compliance.api.shared.SingleLine;

/** A search of the case list to keep under a name of the caller's own. */
public record SavedSearchRequest(@NotBlank @SingleLine @Size(max = 100) String name,
                                 @Valid @NotNull CaseSearch search) {
}
