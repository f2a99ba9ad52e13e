package org.compliance.evidence.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.compliance.evidence.application.BlobStore;
import org.compliance.testing.LocalS3;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;

/**
 * The blob store contract on S3 (S3Mock, a process of its own, decision 16), in a bucket with Object Lock; then what
 * only object storage does: retention, legal holds, copies in parts, no staging object left in any version.
 */
class S3BlobStoreTest extends BlobStoreContract {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static LocalS3 server;

    private S3Client s3;
    private String bucket;
    private S3BlobStore store;

    @BeforeAll
    static void aServer() {
        server = LocalS3.shared();
    }

    @BeforeEach
    void aBucketWithObjectLock() {
        bucket = server.newBucket(true);
        S3Settings settings = settings(bucket, Optional.of(ObjectLockRetentionMode.GOVERNANCE), 30);
        s3 = BlobStores.client(settings);
        store = new S3BlobStore(s3, settings, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        s3.close();
    }

    @Override
    BlobStore store() {
        return store;
    }

    @Override
    long blobs() {
        return s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream()
                .filter(o -> !o.key().startsWith("evidence/incoming/")).count();
    }

    @Override
    long unfinished() {
        return s3.listMultipartUploads(r -> r.bucket(bucket)).uploads().size()
                + s3.listObjectVersions(r -> r.bucket(bucket).prefix("evidence/incoming/")).versions().size()
                + s3.listObjectsV2(r -> r.bucket(bucket).prefix("evidence/incoming/")).keyCount();
    }

    @Override
    long heldAfterBreakingOff(long arrived) {
        return arrived; // whole parts in the multipart upload, the rest of the part under way kept beside
    }

    @Test
    void blobs_are_keyed_by_their_hash_under_the_prefix() throws Exception {
        byte[] content = "keyed".getBytes(StandardCharsets.UTF_8);
        String sha256 = store.store(new ByteArrayInputStream(content), 100).sha256();
        assertThat(s3.headObject(r -> r.bucket(bucket).key("evidence/" + sha256.substring(0, 2) + "/"
                + sha256.substring(2, 4) + "/" + sha256)).contentLength()).isEqualTo(content.length);
    }

    @Test
    void each_blob_gets_the_configured_retention_and_a_later_upload_extends_it() throws Exception {
        byte[] content = ("retained " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        BlobStore.Stored stored = store.store(new ByteArrayInputStream(content), 1000);
        var retention = s3.getObjectRetention(r -> r.bucket(bucket).key(store.keyOf(stored.sha256()))).retention();
        assertThat(retention.mode()).isEqualTo(ObjectLockRetentionMode.GOVERNANCE);
        assertThat(retention.retainUntilDate()).isEqualTo(NOW.plus(Duration.ofDays(30)));

        S3Settings settings = settings(bucket, Optional.of(ObjectLockRetentionMode.GOVERNANCE), 30);
        Instant later = NOW.plus(Duration.ofDays(10));
        new S3BlobStore(s3, settings, Clock.fixed(later, ZoneOffset.UTC))
                .store(new ByteArrayInputStream(content), 1000);
        assertThat(s3.getObjectRetention(r -> r.bucket(bucket).key(store.keyOf(stored.sha256()))).retention()
                .retainUntilDate()).isEqualTo(later.plus(Duration.ofDays(30)));

        new S3BlobStore(s3, settings, Clock.fixed(NOW, ZoneOffset.UTC)).store(new ByteArrayInputStream(content), 1000);
        assertThat(s3.getObjectRetention(r -> r.bucket(bucket).key(store.keyOf(stored.sha256()))).retention()
                .retainUntilDate()).as("never shortened").isEqualTo(later.plus(Duration.ofDays(30)));
    }

    @Test
    void a_legal_hold_is_put_on_and_taken_off() throws Exception {
        String sha256 = store.store(new ByteArrayInputStream("held".getBytes(StandardCharsets.UTF_8)), 100).sha256();
        assertThat(store.legalHold(sha256, true)).isTrue();
        assertThat(s3.getObjectLegalHold(r -> r.bucket(bucket).key(store.keyOf(sha256))).legalHold().status())
                .isEqualTo(ObjectLockLegalHoldStatus.ON);
        assertThat(store.legalHold(sha256, false)).isTrue();
        assertThat(s3.getObjectLegalHold(r -> r.bucket(bucket).key(store.keyOf(sha256))).legalHold().status())
                .isEqualTo(ObjectLockLegalHoldStatus.OFF);
    }

    @Test
    void a_blob_larger_than_one_copy_is_copied_in_parts() throws Exception {
        S3Settings settings = settings(bucket, Optional.empty(), 0);
        S3BlobStore copyingInParts = new S3BlobStore(s3, settings, Clock.fixed(NOW, ZoneOffset.UTC),
                S3BlobStore.MIN_PART);
        byte[] content = bytes(SEVERAL_PARTS, 5);
        String sha256 = copyingInParts.store(new ByteArrayInputStream(content), Long.MAX_VALUE).sha256();
        assertThat(sha256).isEqualTo(sha256(content));
        try (InputStream in = copyingInParts.open(sha256).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(unfinished()).isZero();
    }

    @Test
    void without_object_lock_there_is_no_legal_hold_and_a_retention_is_refused() throws Exception {
        String plain = server.newBucket(false);
        S3BlobStore withoutLock = new S3BlobStore(s3, settings(plain, Optional.empty(), 0), Clock.systemUTC());
        assertThat(withoutLock.objectLock()).isFalse();
        String sha256 = withoutLock.store(new ByteArrayInputStream("plain".getBytes(StandardCharsets.UTF_8)), 100)
                .sha256();
        assertThat(withoutLock.legalHold(sha256, true)).isFalse();
        assertThatThrownBy(() -> new S3BlobStore(s3, settings(plain, Optional.of(ObjectLockRetentionMode.COMPLIANCE),
                7), Clock.systemUTC())).isInstanceOf(IllegalStateException.class).hasMessageContaining("Object Lock");
    }

    static S3Settings settings(String bucket, Optional<ObjectLockRetentionMode> mode, int days) {
        return new Settings(server.endpoint(), bucket, mode, days);
    }

    record Settings(URI endpointUri, String bucketName, Optional<ObjectLockRetentionMode> mode, int days)
            implements S3Settings {

        @Override
        public Optional<URI> endpoint() {
            return Optional.of(endpointUri);
        }

        @Override
        public String region() {
            return "us-east-1";
        }

        @Override
        public Optional<String> bucket() {
            return Optional.of(bucketName);
        }

        @Override
        public Optional<String> keyPrefix() {
            return Optional.of("evidence/");
        }

        @Override
        public boolean pathStyle() {
            return true;
        }

        @Override
        public Optional<String> accessKeyId() {
            return Optional.of("test-access-key");
        }

        @Override
        public Optional<String> secretAccessKey() {
            return Optional.of("test-secret-key");
        }

        @Override
        public int partSize() {
            return 8 * 1024 * 1024;
        }

        @Override
        public Retention retention() {
            return new Retention() {
                @Override
                public Optional<ObjectLockRetentionMode> mode() {
                    return mode;
                }

                @Override
                public int days() {
                    return days;
                }
            };
        }
    }
}
