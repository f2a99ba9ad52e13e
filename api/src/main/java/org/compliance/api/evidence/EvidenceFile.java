package org.compliance.api.evidence;

/** A file of evidence as stored: content-addressed by its SHA-256. */
public record EvidenceFile(String fileId, String fileName, String mediaType, long sizeBytes, String sha256) {
}
