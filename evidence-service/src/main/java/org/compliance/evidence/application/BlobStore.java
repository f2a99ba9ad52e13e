package org.compliance.evidence.application;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Where evidence bytes live: content-addressed by SHA-256 and immutable. A file system for one machine
 * ({@code compliance.evidence.blob-store=filesystem}, the default) or S3-compatible object storage ({@code s3}); both
 * keep the same contract (BlobStoreContract in the tests).
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
    default Optional<InputStream> open(String sha256) throws IOException {
        return open(sha256, 0, Long.MAX_VALUE);
    }

    /**
     * At most {@code length} bytes of a stored blob from {@code offset} on (a download's range), read from the store
     * at that offset rather than skipped over; empty when there is no blob with that hash.
     */
    Optional<InputStream> open(String sha256, long offset, long length) throws IOException;

    /**
     * Puts a legal hold on a stored blob, or takes it off, where the store offers legal holds (S3 Object Lock); a
     * store that has none answers false and changes nothing. The caller decides whether a blob is held: a blob
     * shared by several cases stays held while any of them is (see {@code LegalHoldPolicy}).
     */
    boolean legalHold(String sha256, boolean held) throws IOException;
}
