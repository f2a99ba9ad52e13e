package org.compliance.api.evidence;

/** Records that someone downloaded a file of the request (chain of custody). */
public record RecordEvidenceDownload(String requestId, String fileId, String downloadedBy, String downloaderName)
        implements EvidenceCommand {

    /** A download by someone whose name is not known (the chain of custody shows their user id). */
    public RecordEvidenceDownload(String requestId, String fileId, String downloadedBy) {
        this(requestId, fileId, downloadedBy, null);
    }
}
