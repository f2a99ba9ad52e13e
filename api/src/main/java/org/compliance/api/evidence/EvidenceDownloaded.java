package org.compliance.api.evidence;

import java.time.Instant;

/** Someone downloaded a file of evidence (chain of custody). */
public record EvidenceDownloaded(String requestId, String caseId, String fileId, String sha256,
                                 String downloadedBy, Instant downloadedAt) implements EvidenceEvent {
}
