package org.compliance.api.audit.views;

import java.util.List;

/** The case at two moments and the events between them. */
public record Changes(AsOf before, AsOf after, List<HistoryEntry> changes) {
}
