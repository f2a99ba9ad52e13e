package org.compliance.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.compliance.testing.LocalS3;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The S3 step of the backup and the restore against S3Mock (LocalS3): evidence objects out of one bucket into the
 * backup's file layout, hash-checked, and into a fresh bucket with Object Lock, retention and legal holds.
 */
class EvidenceBucketTest {

    private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");
    private static final String PREFIX = "evidence/";
    private static LocalS3 server;

    @TempDir
    Path backup;

    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();
    private S3Client s3;

    @BeforeAll
    static void aServer() {
        server = LocalS3.shared();
    }

    @BeforeEach
    void aClient() {
        s3 = target(server.newBucket(false), Map.of()).client();
    }

    @AfterEach
    void close() {
        s3.close();
    }

    @Test
    void download_copies_every_evidence_object_into_the_file_layout_and_skips_staging_objects() throws Exception {
        S3Target source = target(server.newBucket(false), Map.of());
        byte[] first = "first evidence".getBytes(StandardCharsets.UTF_8);
        byte[] second = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(7).nextBytes(second);
        String firstHash = put(source.bucket(), first);
        String secondHash = put(source.bucket(), second);
        s3.putObject(r -> r.bucket(source.bucket()).key(PREFIX + "incoming/0b7e-unfinished"),
                RequestBody.fromString("half an upload"));

        List<EvidenceBucket.Blob> copied = bucket(source).download(backup.resolve("blobs"));

        assertThat(copied).extracting(EvidenceBucket.Blob::sha256).containsExactlyInAnyOrder(firstHash, secondHash);
        assertThat(filesUnder(backup.resolve("blobs"))).containsExactlyInAnyOrder(path(firstHash), path(secondHash));
        assertThat(Files.readAllBytes(backup.resolve("blobs").resolve(path(firstHash)))).isEqualTo(first);
        assertThat(sha256(Files.readAllBytes(backup.resolve("blobs").resolve(path(secondHash)))))
                .isEqualTo(secondHash);
        assertThat(Files.getPosixFilePermissions(backup.resolve("blobs").resolve(path(firstHash))))
                .doesNotContain(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        assertThat(progress.toString()).contains("copied 2 blobs");
    }

    @Test
    void an_object_whose_content_does_not_match_its_key_fails_the_download() throws Exception {
        S3Target source = target(server.newBucket(false), Map.of());
        String genuine = put(source.bucket(), "genuine".getBytes(StandardCharsets.UTF_8));
        String claimed = sha256("what the database names".getBytes(StandardCharsets.UTF_8));
        s3.putObject(r -> r.bucket(source.bucket()).key(PREFIX + path(claimed)), RequestBody.fromString("tampered"));

        assertThatThrownBy(() -> bucket(source).download(backup.resolve("blobs")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(PREFIX + path(claimed))
                .hasMessageContaining("does not match its key")
                .hasMessageContaining(sha256("tampered".getBytes(StandardCharsets.UTF_8)));
        assertThat(filesUnder(backup.resolve("blobs"))).doesNotContain(path(claimed)).allSatisfy(
                file -> assertThat(file).isEqualTo(path(genuine)));
    }

    @Test
    void upload_puts_every_blob_under_its_key_with_retention_and_the_listed_legal_holds() throws Exception {
        Path blobs = backup.resolve("blobs");
        String held = write(blobs, "held evidence");
        String free = write(blobs, "evidence of a case not on hold");
        String alsoHeld = write(blobs, "more held evidence");
        S3Target restored = target(server.newBucket(true),
                Map.of("EVIDENCE_S3_RETENTION_MODE", "governance", "EVIDENCE_S3_RETENTION_DAYS", "30"));

        int put = bucket(restored).upload(blobs, Set.of(held, alsoHeld));

        assertThat(put).isEqualTo(3);
        assertThat(bucket(restored).blobs()).extracting(EvidenceBucket.Blob::path)
                .containsExactlyInAnyOrder(path(held), path(free), path(alsoHeld));
        for (String hash : List.of(held, free, alsoHeld)) {
            String key = PREFIX + path(hash);
            assertThat(s3.getObjectAsBytes(r -> r.bucket(restored.bucket()).key(key)).asByteArray())
                    .isEqualTo(Files.readAllBytes(blobs.resolve(path(hash))));
            var retention = s3.getObjectRetention(r -> r.bucket(restored.bucket()).key(key)).retention();
            assertThat(retention.mode()).isEqualTo(ObjectLockRetentionMode.GOVERNANCE);
            assertThat(retention.retainUntilDate()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        }
        assertThat(legalHold(restored, held)).isEqualTo(ObjectLockLegalHoldStatus.ON);
        assertThat(legalHold(restored, alsoHeld)).isEqualTo(ObjectLockLegalHoldStatus.ON);
        assertThat(legalHold(restored, free)).isNotEqualTo(ObjectLockLegalHoldStatus.ON);
    }

    @Test
    void upload_refuses_a_bucket_that_already_holds_objects_under_the_prefix() throws Exception {
        Path blobs = backup.resolve("blobs");
        write(blobs, "to restore");
        S3Target used = target(server.newBucket(true), Map.of());
        String already = put(used.bucket(), "already there".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> bucket(used).upload(blobs, Set.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already holds objects");
        assertThat(bucket(used).blobs()).extracting(EvidenceBucket.Blob::sha256).containsExactly(already);
    }

    @Test
    void upload_refuses_legal_holds_on_a_bucket_without_object_lock() throws Exception {
        Path blobs = backup.resolve("blobs");
        String held = write(blobs, "held, nowhere to hold it");
        S3Target plain = target(server.newBucket(false), Map.of());

        assertThatThrownBy(() -> bucket(plain).upload(blobs, Set.of(held)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no Object Lock");
        assertThat(bucket(plain).isEmpty()).isTrue();
    }

    private EvidenceBucket bucket(S3Target target) {
        return new EvidenceBucket(s3, target, Clock.fixed(NOW, ZoneOffset.UTC),
                new PrintStream(progress, true, StandardCharsets.UTF_8));
    }

    private static S3Target target(String bucket, Map<String, String> more) {
        Map<String, String> env = new HashMap<>(Map.of(
                "EVIDENCE_S3_ENDPOINT", server.endpoint().toString(),
                "EVIDENCE_S3_BUCKET", bucket,
                "EVIDENCE_S3_PATH_STYLE", "true",
                "EVIDENCE_S3_ACCESS_KEY_ID", "test-access-key",
                "EVIDENCE_S3_SECRET_ACCESS_KEY", "test-secret-key",
                "COMPLIANCE_EVIDENCE_S3_KEY_PREFIX", PREFIX));
        env.putAll(more);
        return S3Target.fromEnvironment(env);
    }

    private String put(String bucket, byte[] content) {
        String hash = sha256(content);
        s3.putObject(r -> r.bucket(bucket).key(PREFIX + path(hash)), RequestBody.fromBytes(content));
        return hash;
    }

    private ObjectLockLegalHoldStatus legalHold(S3Target target, String hash) {
        try {
            return s3.getObjectLegalHold(r -> r.bucket(target.bucket()).key(PREFIX + path(hash))).legalHold()
                    .status();
        } catch (S3Exception e) {
            assertThat(e.statusCode()).as("no legal hold recorded").isEqualTo(404);
            return ObjectLockLegalHoldStatus.OFF;
        }
    }

    private static String write(Path blobs, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        String hash = sha256(bytes);
        Path file = blobs.resolve(path(hash));
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return hash;
    }

    private static List<String> filesUnder(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString()).toList();
        }
    }

    private static String path(String sha256) {
        return sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
