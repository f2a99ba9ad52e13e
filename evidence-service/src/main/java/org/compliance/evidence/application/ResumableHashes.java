package org.compliance.evidence.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The SHA-256 of each resumable upload between its PATCHes (decision 26, amended). Where the blob store can read back
 * what it holds of an upload under way (the file system), the hash is the JDK's digest: a PATCH takes it from here at
 * the offset it covers and leaves it here, at the offset held, once its progress is saved, so that a resume on this
 * instance neither re-reads nor re-hashes a byte. When there is none here at that offset (the service restarted,
 * another instance wrote the upload, or it was evicted), it is rebuilt by reading back the bytes held, and logged. So
 * correctness never depends on this map: losing an entry costs one re-read.
 *
 * <p>Bounded: at most {@code live-hashes} entries (the least recently left go first), none idle for longer than
 * {@code live-hash-idle}; completed and terminated uploads are forgotten. Where the store cannot read back (S3), the
 * hash is Bouncy Castle's, whose state is saved with the offset, and nothing is kept here.
 */
@ApplicationScoped
public class ResumableHashes {

    private static final Logger LOG = Logger.getLogger(ResumableHashes.class);
    private static final int BUFFER = 256 * 1024;

    private record Left(ResumableSha256 sha256, Instant at) {
    }

    /** Told now and then while a hash is rebuilt (re-reading gigabytes takes a while): the PATCH renews its claim. */
    @FunctionalInterface
    public interface Rereading {
        void stillRereading() throws IOException;
    }

    private final BlobStore blobs;
    private final Clock clock;
    private final Duration idle;
    private final Map<UUID, Left> left;
    private final AtomicLong reread = new AtomicLong();

    public ResumableHashes(BlobStore blobs, Clock clock,
                           @ConfigProperty(name = "compliance.evidence.resumable.live-hashes", defaultValue = "1000")
                           int capacity,
                           @ConfigProperty(name = "compliance.evidence.resumable.live-hash-idle", defaultValue = "PT1H")
                           Duration idle) {
        this.blobs = blobs;
        this.clock = clock;
        this.idle = idle;
        // in the order they were left: a PATCH takes its entry out and puts it back, so the eldest is the least recent
        this.left = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Left> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The hash state to save with a new upload: none where the store reads back, else Bouncy Castle's initial one. */
    public byte[] initialState() {
        return blobs.readsBackResumable() ? null : Sha256State.initial();
    }

    /**
     * The hash of the first {@code offset} bytes of an upload, for the PATCH that has just claimed it: the one left
     * here at that offset, else rebuilt from the bytes the store holds; or, where the store cannot read back, taken up
     * from {@code savedState}. The PATCH owns it until it {@link #leave}s it.
     */
    public ResumableSha256 takeUp(UUID uploadId, String staging, long offset, byte[] savedState, Rereading rereading)
            throws IOException {
        if (!blobs.readsBackResumable()) {
            if (savedState == null) {
                throw new IllegalStateException("Upload " + uploadId + " has no saved hash state and the blob store "
                        + "cannot read back what it holds (was it begun on another kind of store?)");
            }
            return ResumableSha256.saved(savedState, offset);
        }
        Left found;
        synchronized (left) {
            evictIdle();
            found = left.remove(uploadId);
        }
        if (found != null && found.sha256().covered() == offset) {
            return found.sha256();
        }
        if (offset == 0) {
            return ResumableSha256.live();
        }
        MessageDigest digest = ResumableSha256.jdk();
        long reread = 0;
        try (InputStream held = blobs.readResumable(staging, offset)) {
            byte[] buffer = new byte[BUFFER];
            for (int read = held.read(buffer); read != -1; read = held.read(buffer)) {
                digest.update(buffer, 0, read);
                reread += read;
                rereading.stillRereading();
            }
        }
        this.reread.addAndGet(reread);
        if (reread != offset) {
            throw new IOException("The store holds " + reread + " bytes of upload " + uploadId + ", not " + offset);
        }
        LOG.infof("Rebuilt the SHA-256 of resumable upload %s by re-reading the %d bytes held (%s)", uploadId, reread,
                found == null ? "none on this instance" : "the one here covered " + found.sha256().covered());
        return ResumableSha256.live(digest, offset);
    }

    /** A PATCH saved its progress: its hash stays here for the next one (where it is one to keep). */
    public void leave(UUID uploadId, ResumableSha256 sha256) {
        if (!sha256.isLive()) {
            return;
        }
        synchronized (left) {
            evictIdle();
            left.put(uploadId, new Left(sha256, clock.instant()));
        }
    }

    /** The upload is complete or terminated. */
    public void forget(UUID uploadId) {
        synchronized (left) {
            left.remove(uploadId);
        }
    }

    /** Whether a hash of the upload is here (for tests). */
    boolean holds(UUID uploadId) {
        synchronized (left) {
            return left.containsKey(uploadId);
        }
    }

    /** How many bytes were re-read to rebuild hashes since the start (for tests). */
    long reread() {
        return reread.get();
    }

    /** Forgets every hash, as a restart does (for tests); answers how many there were. */
    int forgetAll() {
        synchronized (left) {
            int count = left.size();
            left.clear();
            return count;
        }
    }

    private void evictIdle() {
        Instant before = clock.instant().minus(idle);
        for (Iterator<Left> entries = left.values().iterator(); entries.hasNext(); ) {
            if (entries.next().at().isBefore(before)) {
                entries.remove();
            } else {
                break; // in the order they were left: the rest are more recent
            }
        }
    }
}
