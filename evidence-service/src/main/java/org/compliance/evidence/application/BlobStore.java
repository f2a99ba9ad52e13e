package org.compliance.evidence.application;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Where evidence bytes live: content-addressed by SHA-256 and immutable. A file system today; S3-compatible
 * storage can implement the same contract.
 */
public interface BlobStore {

    /** A stored blob: its SHA-256 (lower-case hex) and size. */
    record Stored(String sha256, long sizeBytes, boolean alreadyPresent) {
    }

    /** The upload was larger than allowed; nothing was kept. */
    final class TooLarge extends IOException {
        public TooLarge(long limit) {
            super("The file is larger than the limit of " + limit + " bytes");
        }
    }

    /**
     * Streams {@code content} into the store, hashing as it goes, never holding it whole in memory. Nothing is
     * kept unless the whole stream arrived within {@code maxBytes}; the same content is stored once.
     */
    Stored store(InputStream content, long maxBytes) throws IOException;

    /** The bytes of a stored blob, or empty when there is none with that hash. */
    Optional<InputStream> open(String sha256) throws IOException;
}
