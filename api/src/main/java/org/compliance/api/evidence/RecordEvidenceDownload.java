package org.compliance.api.evidence;

/** Records that someone downloaded a file of the request (chain of custody). */
public record RecordEvidenceDownload(String requestId, String fileId, String downloadedBy) implements EvidenceCommand {
}
