package org.compliance.api.audit.views;

import java.util.List;

/** A page of a case's history across services, oldest first. */
public record HistoryPage(String caseId, List<HistoryEntry> items, int page, int size) {
}
