package org.compliance.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockRetention;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The evidence objects of one bucket, {@code <prefix>ab/cd/<sha256>} as evidence-service's S3 blob store keeps them,
 * copied to and from the file-system layout of a backup ({@code blobs/ab/cd/<sha256>}). Staging objects
 * ({@code <prefix>incoming/}) are unfinished uploads, not evidence: never copied.
 */
public final class EvidenceBucket {

    /** A blob's path relative to the prefix (or to the backup's blobs directory): ab/cd/abcd…, 64 hex digits. */
    private static final Pattern BLOB = Pattern.compile("([0-9a-f]{2})/([0-9a-f]{2})/\\1\\2[0-9a-f]{60}");
    private static final int PROGRESS_EVERY = 500;

    private final S3Client s3;
    private final S3Target target;
    private final Clock clock;
    private final PrintStream progress;

    public EvidenceBucket(S3Client s3, S3Target target, Clock clock, PrintStream progress) {
        this.s3 = s3;
        this.target = target;
        this.clock = clock;
        this.progress = progress;
    }

    /** One evidence object: its path relative to the prefix (ab/cd/<sha256>) and its size. */
    public record Blob(String path, long size) {
        public String sha256() {
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    /** Every evidence object under the prefix, in key order; other keys (staging objects, strays) are left out. */
    public List<Blob> blobs() {
        String prefix = target.keyPrefix();
        List<Blob> blobs = new ArrayList<>();
        int others = 0;
        for (var object : s3.listObjectsV2Paginator(r -> r.bucket(target.bucket()).prefix(prefix)).contents()) {
            String path = object.key().substring(prefix.length());
            if (BLOB.matcher(path).matches()) {
                blobs.add(new Blob(path, object.size()));
            } else if (!path.startsWith("incoming/")) {
                others++;
            }
        }
        if (others > 0) {
            say(others + " objects under the prefix are not evidence blobs (not <prefix>ab/cd/<sha256>): left out");
        }
        return blobs;
    }

    /** Whether nothing at all is stored under the prefix (staging objects count: the bucket is in use). */
    public boolean isEmpty() {
        return s3.listObjectsV2(r -> r.bucket(target.bucket()).prefix(target.keyPrefix()).maxKeys(1)).contents()
                .isEmpty();
    }

    /**
     * Streams every evidence object into {@code directory/ab/cd/<sha256>}, hashing on the way: an object whose content
     * does not hash to its key fails the copy (and is not left behind). Answers the objects copied.
     */
    public List<Blob> download(Path directory) throws IOException {
        List<Blob> blobs = blobs();
        long total = blobs.stream().mapToLong(Blob::size).sum();
        say("copying " + blobs.size() + " blobs (" + total + " bytes) from " + target.describe());
        long bytes = 0;
        int copied = 0;
        for (Blob blob : blobs) {
            download(blob, directory.resolve(blob.path()));
            bytes += blob.size();
            copied++;
            if (copied % PROGRESS_EVERY == 0) {
                say("  copied " + copied + " of " + blobs.size() + " blobs (" + bytes + " of " + total + " bytes)");
            }
        }
        say("copied " + copied + " blobs (" + bytes + " bytes), each matching its SHA-256");
        return blobs;
    }

    /**
     * Puts every blob file of {@code directory} (ab/cd/<sha256>) under the same key in the bucket, which must hold
     * nothing under the prefix; with Object Lock, each gets the configured retention (from now) and the blobs in
     * {@code held} an object legal hold. Answers the number of objects put.
     */
    public int upload(Path directory, Set<String> held) throws IOException {
        if (!isEmpty()) {
            throw new IllegalStateException(target.describe() + " already holds objects: restore into an empty "
                    + "bucket or prefix");
        }
        List<Path> files = blobFiles(directory);
        Set<String> present = new TreeSet<>();
        files.forEach(f -> present.add(f.getFileName().toString()));
        Set<String> absent = new TreeSet<>(held);
        absent.removeAll(present);
        if (!absent.isEmpty()) {
            throw new IllegalStateException("blobs under legal hold are not in " + directory + ": " + first(absent));
        }
        boolean objectLock = objectLockEnabled();
        if (!objectLock && target.retentionMode().isPresent()) {
            throw new IllegalStateException("EVIDENCE_S3_RETENTION_MODE is set but bucket " + target.bucket()
                    + " has no Object Lock: create the bucket with Object Lock enabled, or unset the retention");
        }
        if (!objectLock && !held.isEmpty()) {
            throw new IllegalStateException(held.size() + " blobs are under legal hold but bucket "
                    + target.bucket() + " has no Object Lock: create the bucket with Object Lock enabled");
        }
        long total = 0;
        for (Path file : files) {
            total += Files.size(file);
        }
        say("putting " + files.size() + " blobs (" + total + " bytes) into " + target.describe() + "; retention "
                + target.retentionMode().map(m -> m + " " + target.retentionDays() + " days").orElse("none")
                + ", " + held.size() + " legal holds");
        Instant retainUntil = clock.instant().plus(Duration.ofDays(target.retentionDays()));
        long bytes = 0;
        int put = 0;
        for (Path file : files) {
            String sha256 = file.getFileName().toString();
            String key = target.keyPrefix() + directory.relativize(file).toString().replace('\\', '/');
            // From the file: the SDK knows the length and can re-read it on a retry; S3 takes up to 5 GiB in one
            // request, the largest file evidence-service accepts.
            s3.putObject(r -> r.bucket(target.bucket()).key(key), RequestBody.fromFile(file));
            if (target.retentionMode().isPresent()) {
                ObjectLockRetention retention = ObjectLockRetention.builder().mode(target.retentionMode().get())
                        .retainUntilDate(retainUntil).build();
                s3.putObjectRetention(r -> r.bucket(target.bucket()).key(key).retention(retention));
            }
            if (held.contains(sha256)) {
                s3.putObjectLegalHold(r -> r.bucket(target.bucket()).key(key)
                        .legalHold(h -> h.status(ObjectLockLegalHoldStatus.ON)));
            }
            bytes += Files.size(file);
            put++;
            if (put % PROGRESS_EVERY == 0) {
                say("  put " + put + " of " + files.size() + " blobs (" + bytes + " of " + total + " bytes)");
            }
        }
        say("put " + put + " blobs (" + bytes + " bytes)");
        return put;
    }

    private void download(Blob blob, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        MessageDigest sha256 = sha256();
        String key = target.keyPrefix() + blob.path();
        try (InputStream in = new DigestInputStream(s3.getObject(r -> r.bucket(target.bucket()).key(key)), sha256);
                OutputStream out = Files.newOutputStream(partial)) {
            in.transferTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        String actual = HexFormat.of().formatHex(sha256.digest());
        if (!actual.equals(blob.sha256())) {
            Files.delete(partial);
            throw new IllegalStateException("object " + key + " does not match its key: its content hashes to "
                    + actual);
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        if (!file.toFile().setReadOnly()) { // read-only, as the file-system store keeps its blobs
            throw new IOException("could not make " + file + " read-only");
        }
    }

    private static List<Path> blobFiles(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("no directory " + directory);
        }
        try (Stream<Path> files = Files.find(directory, 3, (path, attributes) -> attributes.isRegularFile()
                && BLOB.matcher(directory.relativize(path).toString().replace('\\', '/')).matches())) {
            return files.sorted().toList();
        }
    }

    private boolean objectLockEnabled() {
        try {
            return s3.getObjectLockConfiguration(r -> r.bucket(target.bucket())).objectLockConfiguration()
                    .objectLockEnabled() == ObjectLockEnabled.ENABLED;
        } catch (S3Exception e) {
            // as evidence-service: "no configuration" answers vary by store; a missing bucket or permission does not
            if (e.statusCode() == 403 || e.awsErrorDetails() != null
                    && "NoSuchBucket".equals(e.awsErrorDetails().errorCode())) {
                throw e;
            }
            return false;
        }
    }

    private void say(String line) {
        progress.printf("%tT [s3] %s%n", clock.instant().atZone(java.time.ZoneOffset.UTC), line);
    }

    private static String first(Collection<String> values) {
        return String.join(" ", values.stream().limit(5).toList()) + (values.size() > 5 ? " …" : "");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
