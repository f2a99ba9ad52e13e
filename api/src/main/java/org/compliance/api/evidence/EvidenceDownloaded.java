package org.compliance.api.evidence;

import java.time.Instant;

/**
 * Someone downloaded a file of evidence (chain of custody): their user id and, since the chain shows names, their
 * name as their sign-in gave it (null in downloads recorded before).
 */
public record EvidenceDownloaded(String requestId, String caseId, String fileId, String sha256,
                                 String downloadedBy, Instant downloadedAt, String downloaderName)
        implements EvidenceEvent {

    public EvidenceDownloaded(String requestId, String caseId, String fileId, String sha256, String downloadedBy,
                              Instant downloadedAt) {
        this(requestId, caseId, fileId, sha256, downloadedBy, downloadedAt, null);
    }
}
