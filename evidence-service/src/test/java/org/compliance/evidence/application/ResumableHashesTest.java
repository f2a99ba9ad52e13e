package org.compliance.evidence.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.compliance.evidence.adapters.FileSystemBlobStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hashes kept between PATCHes on the file system store: taken up without re-reading while kept at the offset
 * held, rebuilt from the bytes held when they are not (lost, at another offset, evicted), and always the file's.
 */
class ResumableHashesTest {

    @TempDir
    Path root;

    private final MovingClock clock = new MovingClock();
    private FileSystemBlobStore store;
    private final byte[] content = new byte[3 * 1024 * 1024 + 5];

    @BeforeEach
    void aStore() throws IOException {
        store = new FileSystemBlobStore(root);
        new Random(26).nextBytes(content);
    }

    @Test
    void a_hash_kept_at_the_offset_held_goes_on_without_re_reading_and_one_lost_is_rebuilt_from_the_bytes_held()
            throws Exception {
        ResumableHashes hashes = new ResumableHashes(store, clock, 10, Duration.ofHours(1));
        UUID id = UUID.randomUUID();
        String staging = store.beginResumable();
        assertThat(hashes.initialState()).as("nothing to save where the store reads back").isNull();

        append(hashes, id, staging, 0, 1_000_000);
        append(hashes, id, staging, 1_000_000, 2_000_000);
        assertThat(hashes.reread()).isZero();

        assertThat(hashes.forgetAll()).isEqualTo(1);
        AtomicInteger told = new AtomicInteger();
        ResumableSha256 rebuilt = append(hashes, id, staging, 2_000_000, content.length, told::incrementAndGet);
        assertThat(hashes.reread()).isEqualTo(2_000_000);
        assertThat(told).as("the PATCH is told while it re-reads, to renew its claim").hasPositiveValue();
        assertThat(rebuilt.hex()).isEqualTo(sha256(content));
    }

    @Test
    void a_hash_kept_at_another_offset_than_the_one_held_is_not_used() throws Exception {
        ResumableHashes here = new ResumableHashes(store, clock, 10, Duration.ofHours(1));
        ResumableHashes elsewhere = new ResumableHashes(store, clock, 10, Duration.ofHours(1));
        UUID id = UUID.randomUUID();
        String staging = store.beginResumable();
        append(here, id, staging, 0, 1_000_000);
        append(elsewhere, id, staging, 1_000_000, 1_500_000); // another instance went on with the upload
        assertThat(elsewhere.reread()).isEqualTo(1_000_000);

        ResumableSha256 sha256 = append(here, id, staging, 1_500_000, content.length);
        assertThat(here.reread()).as("the hash kept here covered fewer bytes than are held").isEqualTo(1_500_000);
        assertThat(sha256.hex()).isEqualTo(sha256(content));
    }

    @Test
    void hashes_are_bounded_in_number_and_idle_time_and_forgotten_when_their_upload_ends() throws Exception {
        ResumableHashes hashes = new ResumableHashes(store, clock, 2, Duration.ofMinutes(30));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        for (UUID id : new UUID[] {first, second, third}) {
            append(hashes, id, store.beginResumable(), 0, 1000);
        }
        assertThat(hashes.holds(first)).as("the least recently left goes first").isFalse();
        assertThat(hashes.holds(second)).isTrue();
        assertThat(hashes.holds(third)).isTrue();

        hashes.forget(third);
        assertThat(hashes.holds(third)).isFalse();

        clock.move(Duration.ofMinutes(31));
        UUID fourth = UUID.randomUUID();
        append(hashes, fourth, store.beginResumable(), 0, 1000);
        assertThat(hashes.holds(second)).as("idle too long").isFalse();
        assertThat(hashes.holds(fourth)).isTrue();
    }

    /** One PATCH: takes the hash up, appends the content's bytes from {@code from} to {@code to}, leaves it. */
    private ResumableSha256 append(ResumableHashes hashes, UUID id, String staging, int from, int to)
            throws IOException {
        return append(hashes, id, staging, from, to, () -> { });
    }

    private ResumableSha256 append(ResumableHashes hashes, UUID id, String staging, int from, int to,
                                   ResumableHashes.Rereading rereading) throws IOException {
        ResumableSha256 sha256 = hashes.takeUp(id, staging, from, null, rereading);
        BlobStore.Held held = store.append(staging, from, content.length, sha256,
                new ByteArrayInputStream(content, from, to - from), checkpoints());
        assertThat(held.offset()).isEqualTo(to);
        assertThat(sha256.covered()).isEqualTo(to);
        hashes.leave(id, sha256);
        return sha256;
    }

    private static BlobStore.Checkpoints checkpoints() {
        return new BlobStore.Checkpoints() {
            @Override
            public boolean due() {
                return false;
            }

            @Override
            public void save(long offset) {
            }
        };
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-12-02T09:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
