package org.compliance.api.cases.views;

import java.time.Instant;
import org.compliance.api.cases.CaseSearch;

/** A search of the case list its owner saved. */
public record SavedSearch(String searchId, String name, CaseSearch search, Instant createdAt) {
}
