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

    /**
     * What a store holds of a resumable upload after an append: the bytes up to {@code offset} (durable), which the
     * append's hash then covers exactly; {@code brokeOff} when the content stopped early (the connection went).
     */
    record Held(long offset, IOException brokeOff) {
    }

    /** Asked while a resumable upload's bytes are appended: whether to save the progress so far, and saving it. */
    interface Checkpoints {
        boolean due();

        /** The bytes up to {@code offset} are durable in the store, and the append's hash covers exactly those. */
        void save(long offset) throws IOException;
    }

    /**
     * Starts a resumable upload (decision 26): answers the name of its unfinished object, opaque to the caller, who
     * keeps it with the upload's offset.
     */
    String beginResumable() throws IOException;

    /**
     * Appends {@code content} to a resumable upload whose bytes up to {@code offset} are held (and hashed by
     * {@code sha256}), hashing with {@code sha256} as it goes, until the content ends, breaks off or {@code length} is
     * reached. Bytes held beyond {@code offset} from an earlier append that was never saved are dropped first. What it
     * answers is what it holds, durable: every byte that arrived, all of them hashed, none more.
     */
    Held append(String staging, long offset, long length, ResumableSha256 sha256, InputStream content,
                Checkpoints checkpoints) throws IOException;

    /**
     * Whether the store can read back what it holds of a resumable upload under way ({@link #readResumable}): then an
     * upload's hash need not be saved, for it can be rebuilt (decision 26, amended).
     */
    boolean readsBackResumable();

    /**
     * The first {@code length} bytes held of a resumable upload under way, where {@link #readsBackResumable} (to hash
     * them again); otherwise {@link UnsupportedOperationException}.
     */
    InputStream readResumable(String staging, long length) throws IOException;

    /** Ends a resumable upload whose {@code size} bytes hash to {@code sha256}: stored under its hash, as by store. */
    Stored completeResumable(String staging, String sha256, long size) throws IOException;

    /** Drops an unfinished resumable upload (terminated by its client). */
    void discardResumable(String staging) throws IOException;

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
