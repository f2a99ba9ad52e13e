package org.compliance.api.cases.views;

import java.time.Instant;

/** An internal note on a case (staff and auditors only). */
public record Note(String noteId, String text, String authorId, String authorName, Instant addedAt) {
}
