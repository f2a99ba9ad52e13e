package org.compliance.api.evidence;

import java.time.Instant;
import org.compliance.api.shared.StaffMember;

/**
 * Staff noted their review of a submitted file (the file's SHA-256 as reviewed). Internal to the regulator: never
 * shown to the company, nobody is notified of it.
 */
public record ReviewNoteAdded(String requestId, String caseId, String fileId, String sha256, String note,
                              StaffMember notedBy, Instant notedAt) implements EvidenceEvent {
}
