package org.compliance.api.evidence;

/**
 * A file of evidence as stored: content-addressed by its SHA-256. {@code item} is the number (from 1) of the
 * request's item the file answers, as the company chose it on upload; null when it named none, and in events
 * stored before files named their item.
 */
public record EvidenceFile(String fileId, String fileName, String mediaType, long sizeBytes, String sha256,
                           Integer item) {

    /** A file that names no item of its request. */
    public EvidenceFile(String fileId, String fileName, String mediaType, long sizeBytes, String sha256) {
        this(fileId, fileName, mediaType, sizeBytes, sha256, null);
    }
}
