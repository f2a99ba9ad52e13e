package org.compliance.evidence.adapters;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.compliance.evidence.application.BlobStore;
import org.compliance.evidence.application.ResumableSha256;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockRetention;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Blobs as objects {@code <prefix>ab/cd/<sha256>} of one bucket, through the S3 API (AWS S3, MinIO, Ceph RGW).
 *
 * <p>An upload's hash is known only at its end, but an object's key must be named at its start: the bytes go as a
 * multipart upload to a staging key {@code <prefix>incoming/<uuid>}, one part buffer ({@code part-size}) in memory at
 * a time, hashed on the way. Once complete, the staging object is copied inside the store to its content address
 * (unless that is already there), the retention is set, and the staging object is deleted (by version, so a
 * versioned bucket keeps no copy). A failure or a file over the limit aborts the multipart upload: nothing is kept.
 *
 * <p>With Object Lock on the bucket (found at start), each evidence object gets the configured retention and the
 * legal holds the cases ask for; without it, both are unavailable and configuring a retention is refused.
 */
public class S3BlobStore implements BlobStore {

    private static final Logger LOG = Logger.getLogger(S3BlobStore.class);
    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");
    /** S3's smallest part (but the last) and largest single copy. */
    static final int MIN_PART = 5 * 1024 * 1024;
    static final long MAX_SINGLE_COPY = 5L * 1024 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final int partSize;
    private final long singleCopyLimit;
    private final Optional<ObjectLockRetentionMode> retentionMode;
    private final Duration retention;
    private final Clock clock;
    private final boolean objectLock;

    public S3BlobStore(S3Client s3, S3Settings settings, Clock clock) {
        this(s3, settings, clock, MAX_SINGLE_COPY);
    }

    /** {@code singleCopyLimit}: the largest blob copied in one request; larger ones are copied in parts. */
    S3BlobStore(S3Client s3, S3Settings settings, Clock clock, long singleCopyLimit) {
        if (settings.partSize() < MIN_PART) {
            throw new IllegalArgumentException("compliance.evidence.s3.part-size must be at least " + MIN_PART);
        }
        this.s3 = s3;
        this.bucket = settings.bucket().orElseThrow(() -> new IllegalArgumentException(
                "compliance.evidence.s3.bucket is required with compliance.evidence.blob-store=s3"));
        this.prefix = settings.keyPrefix().orElse("");
        this.partSize = settings.partSize();
        this.singleCopyLimit = singleCopyLimit;
        this.retentionMode = settings.retention().mode();
        this.retention = Duration.ofDays(settings.retention().days());
        this.clock = clock;
        this.objectLock = objectLockEnabled();
        if (retentionMode.isPresent() && settings.retention().days() < 1) {
            throw new IllegalArgumentException("compliance.evidence.s3.retention.days must be at least 1 with a mode");
        }
        if (retentionMode.isPresent() && !objectLock) {
            throw new IllegalStateException("compliance.evidence.s3.retention.mode is set but bucket " + bucket
                    + " has no Object Lock: create the bucket with Object Lock enabled, or unset the retention");
        }
        LOG.infof("Evidence in S3 bucket %s under '%s'; Object Lock %s, retention %s", bucket, prefix,
                objectLock ? "on" : "off", retentionMode.map(m -> m + " " + retention.toDays() + " days").orElse("none"));
    }

    @Override
    public Stored store(InputStream content, long maxBytes) throws IOException {
        String staging = prefix + "incoming/" + UUID.randomUUID();
        String uploadId = call(() -> s3.createMultipartUpload(r -> r.bucket(bucket).key(staging)).uploadId());
        MessageDigest sha256 = sha256();
        long size = 0;
        String stagingVersion;
        try {
            List<CompletedPart> parts = new ArrayList<>();
            byte[] buffer = new byte[partSize];
            int filled;
            do {
                filled = fill(content, buffer);
                size += filled;
                if (size > maxBytes) {
                    throw new TooLarge(maxBytes);
                }
                if (filled > 0 || parts.isEmpty()) {
                    sha256.update(buffer, 0, filled);
                    int number = parts.size() + 1;
                    int length = filled;
                    String etag = call(() -> s3.uploadPart(r -> r.bucket(bucket).key(staging).uploadId(uploadId)
                            .partNumber(number).contentLength((long) length),
                            RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, length), length))
                            .eTag());
                    parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                }
            } while (filled == buffer.length);
            stagingVersion = call(() -> s3.completeMultipartUpload(r -> r.bucket(bucket).key(staging)
                    .uploadId(uploadId).multipartUpload(m -> m.parts(parts))).versionId());
        } catch (IOException | RuntimeException | Error e) {
            abort(staging, uploadId, e);
            throw e;
        }
        return place(staging, stagingVersion, HexFormat.of().formatHex(sha256.digest()), size);
    }

    /**
     * Copies a complete staging object to its content address (unless that content is already there), sets its
     * retention and deletes the staging object.
     */
    private Stored place(String staging, String stagingVersion, String hash, long size) throws IOException {
        try {
            String target = keyOf(hash);
            boolean present = exists(target);
            if (!present) {
                copy(staging, stagingVersion, target, size);
                LOG.infof("Stored blob %s (%d bytes)", hash, size);
            }
            retain(target, present);
            return new Stored(hash, size, present);
        } finally {
            call(() -> s3.deleteObject(r -> r.bucket(bucket).key(staging).versionId(stagingVersion)));
        }
    }

    /**
     * A resumable upload is a multipart upload to {@code <prefix>incoming/resumable/<uuid>}, named
     * {@code <part size>/<uuid>/<multipart upload id>} (the part size goes with it: a part's number comes from its
     * offset). S3 takes no part below 5 MiB but the last, so the bytes of a part not yet whole when an append ends or
     * breaks off are kept as an object of their own, {@code <key>.tail}, and read back into the part's buffer when the
     * upload goes on (at most one part, {@code part-size}; already hashed, so not hashed again).
     */
    @Override
    public String beginResumable() throws IOException {
        String id = UUID.randomUUID().toString();
        String key = resumableKey(id);
        String uploadId = call(() -> s3.createMultipartUpload(r -> r.bucket(bucket).key(key)).uploadId());
        return partSize + "/" + id + "/" + uploadId;
    }

    @Override
    public Held append(String staging, long offset, long length, ResumableSha256 sha256, InputStream content,
                       Checkpoints checkpoints) throws IOException {
        Resumable upload = Resumable.of(staging);
        byte[] buffer = new byte[upload.partSize];
        long partStart = offset - offset % upload.partSize;
        // the bytes of the part under way that arrived before (kept as the tail object, already hashed)
        int filled = (int) (offset - partStart);
        if (filled > 0) {
            readTail(upload, buffer, filled);
        }
        IOException brokeOff = null;
        boolean ended = false;
        while (partStart < length || length == 0 && partStart == 0) {
            int wanted = (int) Math.min(upload.partSize, length - partStart);
            while (filled < wanted && !ended) {
                int read;
                try {
                    read = content.read(buffer, filled, wanted - filled);
                } catch (IOException e) {
                    brokeOff = e;
                    break;
                }
                if (read == -1) {
                    ended = true;
                } else {
                    sha256.update(buffer, filled, read);
                    filled += read;
                }
            }
            if (filled < wanted) {
                // the content ended or broke off before the part was whole: what arrived of it is kept beside
                if (partStart + filled > offset) {
                    putTail(upload, buffer, filled);
                }
                return new Held(partStart + filled, brokeOff);
            }
            int number = (int) (partStart / upload.partSize) + 1;
            int size = filled;
            call(() -> s3.uploadPart(r -> r.bucket(bucket).key(upload.key(this)).uploadId(upload.uploadId)
                    .partNumber(number).contentLength((long) size),
                    RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, size), size)));
            partStart += size;
            filled = 0;
            if (checkpoints.due()) {
                checkpoints.save(partStart);
            }
            if (length == 0) {
                break;
            }
        }
        return new Held(partStart, brokeOff);
    }

    /**
     * The bytes of an incomplete part, kept as an object of their own beside the multipart upload (S3 takes no part
     * under 5 MiB but the last): read back into the part's buffer when the upload goes on, at most one part.
     */
    private void putTail(Resumable upload, byte[] buffer, int length) throws IOException {
        call(() -> s3.putObject(r -> r.bucket(bucket).key(tailKey(upload)).contentLength((long) length),
                RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, length), length)));
    }

    private void readTail(Resumable upload, byte[] buffer, int length) throws IOException {
        try (InputStream tail = call(() -> s3.getObject(r -> r.bucket(bucket).key(tailKey(upload))
                .range("bytes=0-" + (length - 1))))) {
            int read = tail.readNBytes(buffer, 0, length);
            if (read != length) {
                throw new IOException("The kept part of upload " + upload.id + " holds " + read + " bytes, not "
                        + length);
            }
        }
    }

    /** Deletes every version of the tail object, so that a versioned bucket keeps nothing of it. */
    private void dropTail(Resumable upload) throws IOException {
        String key = tailKey(upload);
        call(() -> {
            s3.listObjectVersionsPaginator(r -> r.bucket(bucket).prefix(key)).stream().forEach(page -> {
                page.versions().stream().filter(v -> v.key().equals(key)).forEach(v ->
                        s3.deleteObject(r -> r.bucket(bucket).key(key).versionId(v.versionId())));
                page.deleteMarkers().stream().filter(m -> m.key().equals(key)).forEach(m ->
                        s3.deleteObject(r -> r.bucket(bucket).key(key).versionId(m.versionId())));
            });
            return null;
        });
    }

    private String tailKey(Resumable upload) {
        return upload.key(this) + ".tail";
    }

    /**
     * No: S3 cannot read the parts of a multipart upload under way (GetObject sees only completed objects), so a
     * resumable upload here carries a saved hash state instead (decision 26, amended).
     */
    @Override
    public boolean readsBackResumable() {
        return false;
    }

    @Override
    public InputStream readResumable(String staging, long length) {
        throw new UnsupportedOperationException("S3 cannot read back the parts of a multipart upload under way");
    }

    @Override
    public Stored completeResumable(String staging, String sha256, long size) throws IOException {
        Resumable upload = Resumable.of(staging);
        String key = upload.key(this);
        List<CompletedPart> parts = new ArrayList<>();
        call(() -> {
            s3.listPartsPaginator(r -> r.bucket(bucket).key(key).uploadId(upload.uploadId)).parts()
                    .forEach(part -> parts.add(CompletedPart.builder().partNumber(part.partNumber())
                            .eTag(part.eTag()).build()));
            return parts;
        });
        parts.sort(java.util.Comparator.comparing(CompletedPart::partNumber));
        String version = call(() -> s3.completeMultipartUpload(r -> r.bucket(bucket).key(key)
                .uploadId(upload.uploadId).multipartUpload(m -> m.parts(parts))).versionId());
        dropTail(upload);
        return place(key, version, sha256, size);
    }

    @Override
    public void discardResumable(String staging) throws IOException {
        Resumable upload = Resumable.of(staging);
        call(() -> s3.abortMultipartUpload(r -> r.bucket(bucket).key(upload.key(this)).uploadId(upload.uploadId)));
        dropTail(upload);
    }

    private String resumableKey(String id) {
        return prefix + "incoming/resumable/" + id;
    }

    /** A resumable upload's name, taken apart. */
    private record Resumable(int partSize, String id, String uploadId) {
        static Resumable of(String staging) {
            String[] parts = staging.split("/", 3);
            return new Resumable(Integer.parseInt(parts[0]), UUID.fromString(parts[1]).toString(), parts[2]);
        }

        String key(S3BlobStore store) {
            return store.resumableKey(id);
        }
    }

    @Override
    public Optional<InputStream> open(String sha256, long offset, long length) throws IOException {
        if (!SHA_256.matcher(sha256).matches()) {
            return Optional.empty();
        }
        if (length == 0) {
            return exists(keyOf(sha256)) ? Optional.of(InputStream.nullInputStream()) : Optional.empty();
        }
        String range = "bytes=" + offset + "-" + (length == Long.MAX_VALUE || offset + length < 0 ? ""
                : String.valueOf(offset + length - 1));
        try {
            return Optional.of(call(() -> s3.getObject(r -> r.bucket(bucket).key(keyOf(sha256))
                    .range(offset == 0 && length == Long.MAX_VALUE ? null : range))));
        } catch (IOException e) {
            if (e.getCause() instanceof NoSuchKeyException) {
                return Optional.empty();
            }
            if (e.getCause() instanceof S3Exception s3e && s3e.statusCode() == 416 && exists(keyOf(sha256))) {
                // a range of an empty object (its first bytes, for its type): S3 finds none to give, there are none
                return Optional.of(InputStream.nullInputStream());
            }
            throw e;
        }
    }

    @Override
    public boolean legalHold(String sha256, boolean held) throws IOException {
        if (!objectLock || !SHA_256.matcher(sha256).matches()) {
            return false;
        }
        ObjectLockLegalHoldStatus status = held ? ObjectLockLegalHoldStatus.ON : ObjectLockLegalHoldStatus.OFF;
        call(() -> s3.putObjectLegalHold(r -> r.bucket(bucket).key(keyOf(sha256)).legalHold(h -> h.status(status))));
        LOG.infof("Legal hold %s on blob %s", status, sha256);
        return true;
    }

    /** Whether the bucket has Object Lock: only then do retention and legal holds exist. */
    boolean objectLock() {
        return objectLock;
    }

    String keyOf(String sha256) {
        return prefix + sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
    }

    private boolean objectLockEnabled() {
        try {
            return s3.getObjectLockConfiguration(r -> r.bucket(bucket)).objectLockConfiguration()
                    .objectLockEnabled() == ObjectLockEnabled.ENABLED;
        } catch (S3Exception e) {
            // AWS answers 404 ObjectLockConfigurationNotFoundError for a bucket without Object Lock, others 400 or
            // 501; a missing bucket or a missing permission is a mistake to report, not a store without the feature
            if (e.statusCode() == 403 || "NoSuchBucket".equals(e.awsErrorDetails().errorCode())) {
                throw e;
            }
            return false;
        }
    }

    private void copy(String staging, String stagingVersion, String target, long size) throws IOException {
        if (size <= singleCopyLimit) {
            call(() -> s3.copyObject(r -> r.sourceBucket(bucket).sourceKey(staging).sourceVersionId(stagingVersion)
                    .destinationBucket(bucket).destinationKey(target)));
            return;
        }
        String uploadId = call(() -> s3.createMultipartUpload(r -> r.bucket(bucket).key(target)).uploadId());
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long step = Math.max(singleCopyLimit, MIN_PART);
            for (long first = 0; first < size; first += step) {
                int number = parts.size() + 1;
                String range = "bytes=" + first + "-" + (Math.min(first + step, size) - 1);
                String etag = call(() -> s3.uploadPartCopy(r -> r.sourceBucket(bucket).sourceKey(staging)
                        .sourceVersionId(stagingVersion).copySourceRange(range).destinationBucket(bucket)
                        .destinationKey(target).uploadId(uploadId).partNumber(number)).copyPartResult().eTag());
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
            call(() -> s3.completeMultipartUpload(r -> r.bucket(bucket).key(target).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts))));
        } catch (IOException | RuntimeException e) {
            abort(target, uploadId, e);
            throw e;
        }
    }

    /** Sets the retention from now; content stored before keeps the later of its own and this one. */
    private void retain(String key, boolean present) throws IOException {
        if (retentionMode.isEmpty()) {
            return;
        }
        Instant until = clock.instant().plus(retention);
        if (present) {
            Optional<Instant> current = currentRetention(key);
            if (current.isPresent() && !current.get().isBefore(until)) {
                return;
            }
        }
        ObjectLockRetention wanted = ObjectLockRetention.builder().mode(retentionMode.get()).retainUntilDate(until)
                .build();
        call(() -> s3.putObjectRetention(r -> r.bucket(bucket).key(key).retention(wanted)));
    }

    private Optional<Instant> currentRetention(String key) throws IOException {
        try {
            return Optional.ofNullable(call(() -> s3.getObjectRetention(r -> r.bucket(bucket).key(key)).retention()
                    .retainUntilDate()));
        } catch (IOException e) {
            if (e.getCause() instanceof S3Exception s3e && s3e.statusCode() == 404) {
                return Optional.empty(); // NoSuchObjectLockConfiguration: none yet
            }
            throw e;
        }
    }

    private boolean exists(String key) throws IOException {
        try {
            call(() -> s3.headObject(r -> r.bucket(bucket).key(key)));
            return true;
        } catch (IOException e) {
            if (e.getCause() instanceof NoSuchKeyException
                    || e.getCause() instanceof S3Exception s3e && s3e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private void abort(String key, String uploadId, Throwable cause) {
        try {
            s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException e) {
            cause.addSuppressed(e); // the bucket's lifecycle rule removes what is left (object-storage.md)
        }
    }

    /** Reads until the buffer is full or the stream ends; answers the bytes read. */
    private static int fill(InputStream content, byte[] buffer) throws IOException {
        int filled = 0;
        while (filled < buffer.length) {
            int read = content.read(buffer, filled, buffer.length - filled);
            if (read == -1) {
                break;
            }
            filled += read;
        }
        return filled;
    }

    /** The store's failures as the I/O failures they are, for the callers of {@link BlobStore}. */
    private static <T> T call(S3Call<T> call) throws IOException {
        try {
            return call.run();
        } catch (SdkException e) {
            throw new IOException("Object storage: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface S3Call<T> {
        T run();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
