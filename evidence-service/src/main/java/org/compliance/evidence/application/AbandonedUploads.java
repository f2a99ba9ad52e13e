package org.compliance.evidence.application;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.compliance.evidence.query.ResumableUploadRow;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Drops resumable uploads left idle longer than {@code expire-after} (tus expiration, decision 26): the row, the bytes
 * the blob store holds of it and its live hash. An upload is idle from its last PATCH (or its creation), and one a
 * PATCH is still writing is left alone unless that PATCH fell silent past the claim timeout. Each instance sweeps; an
 * upload is removed by the one whose delete still finds it abandoned, so a resumed upload is never dropped.
 */
@ApplicationScoped
public class AbandonedUploads {

    public static final String EXPIRE_AFTER = "compliance.evidence.resumable.expire-after";
    public static final String EXPIRE_AFTER_DEFAULT = "P7D";
    private static final Logger LOG = Logger.getLogger(AbandonedUploads.class);
    private static final int BATCH = 100;

    private final ResumableUploads uploads;
    private final ResumableHashes hashes;
    private final BlobStore blobs;
    private final Clock clock;
    private final Duration expireAfter;
    private final Duration claimTimeout;

    public AbandonedUploads(ResumableUploads uploads, ResumableHashes hashes, BlobStore blobs, Clock clock,
                            @ConfigProperty(name = EXPIRE_AFTER, defaultValue = EXPIRE_AFTER_DEFAULT)
                            Duration expireAfter,
                            @ConfigProperty(name = "compliance.evidence.resumable.claim-timeout",
                                    defaultValue = "PT2M") Duration claimTimeout) {
        this.uploads = uploads;
        this.hashes = hashes;
        this.blobs = blobs;
        this.clock = clock;
        this.expireAfter = expireAfter;
        this.claimTimeout = claimTimeout;
    }

    @Scheduled(every = "${compliance.evidence.resumable.sweep-interval:PT1H}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        sweep(clock.instant());
    }

    /** Drops every upload abandoned as of {@code now}; answers how many. */
    public int sweep(Instant now) {
        Instant idleBefore = now.minus(expireAfter);
        Instant staleBefore = now.minus(claimTimeout);
        int dropped = 0;
        long bytes = 0;
        List<ResumableUploadRow> batch;
        do {
            batch = await(() -> uploads.abandoned(idleBefore, staleBefore, BATCH));
            for (ResumableUploadRow row : batch) {
                if (await(() -> uploads.expire(row.uploadId, idleBefore, staleBefore))) {
                    drop(row);
                    dropped++;
                    bytes += row.offset;
                }
            }
        } while (batch.size() == BATCH);
        if (dropped > 0) {
            LOG.infof("Dropped %d resumable upload(s) idle for more than %s (%d bytes held)", dropped, expireAfter,
                    bytes);
        }
        return dropped;
    }

    private void drop(ResumableUploadRow row) {
        hashes.forget(row.uploadId);
        Instant lastActive = row.claimedAt == null ? row.createdAt : row.claimedAt;
        LOG.infof("Resumable upload %s of request %s by %s expired: %d of %d bytes held, idle since %s",
                row.uploadId, row.requestId, row.createdBy, row.offset, row.length, lastActive);
        try {
            blobs.discardResumable(row.staging);
        } catch (IOException e) {
            LOG.warnf("Upload %s expired but its bytes could not be dropped: %s", row.uploadId, e.toString());
        }
    }

    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
