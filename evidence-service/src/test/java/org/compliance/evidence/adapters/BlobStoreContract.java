package org.compliance.evidence.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.HexFormat;
import java.util.Random;
import org.compliance.evidence.application.BlobStore;
import org.compliance.evidence.application.ResumableSha256;
import org.compliance.evidence.application.Sha256State;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BlobStore} promises, run against each store (the file system, S3): content-addressed and
 * stored once, read back whole or in ranges, nothing kept from an upload that breaks off or is too large.
 */
abstract class BlobStoreContract {

    /** Larger than one S3 part (5 MiB at the smallest), so that uploads and ranges cross part boundaries. */
    static final int SEVERAL_PARTS = 11 * 1024 * 1024 + 17;

    abstract BlobStore store();

    /** How many blobs the store holds. */
    abstract long blobs() throws IOException;

    /** How many uploads are under way or left behind (temporary files, multipart uploads, staging objects). */
    abstract long unfinished() throws IOException;

    @Test
    void a_blob_is_stored_under_its_sha256_and_read_back() throws Exception {
        byte[] content = bytes(SEVERAL_PARTS, 1);
        BlobStore.Stored stored = store().store(new ByteArrayInputStream(content), Long.MAX_VALUE);
        assertThat(stored.sha256()).isEqualTo(sha256(content));
        assertThat(stored.sizeBytes()).isEqualTo(content.length);
        assertThat(stored.alreadyPresent()).isFalse();
        try (InputStream in = store().open(stored.sha256()).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(unfinished()).isZero();
    }

    @Test
    void the_same_content_is_stored_once() throws Exception {
        byte[] content = ("Unique content " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        long before = blobs();
        BlobStore.Stored first = store().store(new ByteArrayInputStream(content), Long.MAX_VALUE);
        BlobStore.Stored second = store().store(new ByteArrayInputStream(content), Long.MAX_VALUE);
        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(second.alreadyPresent()).isTrue();
        assertThat(blobs()).isEqualTo(before + 1);
        assertThat(unfinished()).isZero();
    }

    @Test
    void a_range_is_read_from_its_offset() throws Exception {
        byte[] content = bytes(SEVERAL_PARTS, 2);
        String sha256 = store().store(new ByteArrayInputStream(content), Long.MAX_VALUE).sha256();
        int partBoundary = 8 * 1024 * 1024;
        try (InputStream in = store().open(sha256, partBoundary - 10, 20).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(content, partBoundary - 10, partBoundary + 10));
        }
        try (InputStream in = store().open(sha256, content.length - 3, 100).orElseThrow()) {
            assertThat(in.readAllBytes()).as("a range past the end ends with the blob")
                    .isEqualTo(Arrays.copyOfRange(content, content.length - 3, content.length));
        }
        try (InputStream in = store().open(sha256, 0, 0).orElseThrow()) {
            assertThat(in.readAllBytes()).isEmpty();
        }
    }

    @Test
    void an_empty_file_is_a_blob_too() throws Exception {
        BlobStore.Stored stored = store().store(InputStream.nullInputStream(), Long.MAX_VALUE);
        assertThat(stored.sha256()).isEqualTo(sha256(new byte[0]));
        assertThat(stored.sizeBytes()).isZero();
        try (InputStream in = store().open(stored.sha256()).orElseThrow()) {
            assertThat(in.readAllBytes()).isEmpty();
        }
    }

    @Test
    void content_over_the_limit_is_refused_and_nothing_is_kept() throws Exception {
        long before = blobs();
        byte[] content = bytes(SEVERAL_PARTS, 3);
        assertThatThrownBy(() -> store().store(new ByteArrayInputStream(content), content.length - 1))
                .isInstanceOf(BlobStore.TooLarge.class);
        assertThat(store().open(sha256(content))).isEmpty();
        assertThat(blobs()).isEqualTo(before);
        assertThat(unfinished()).isZero();
    }

    @Test
    void an_upload_that_breaks_off_leaves_nothing_behind() throws Exception {
        long before = blobs();
        byte[] content = bytes(SEVERAL_PARTS, 4);
        InputStream breaking = new InputStream() {
            private final InputStream first = new ByteArrayInputStream(content, 0, 6 * 1024 * 1024);

            @Override
            public int read() throws IOException {
                int b = first.read();
                if (b == -1) {
                    throw new IOException("Connection reset");
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = first.read(buffer, offset, length);
                if (read == -1) {
                    throw new IOException("Connection reset");
                }
                return read;
            }
        };
        assertThatThrownBy(() -> store().store(breaking, Long.MAX_VALUE)).isInstanceOf(IOException.class)
                .hasMessageContaining("Connection reset");
        assertThat(blobs()).isEqualTo(before);
        assertThat(unfinished()).isZero();
    }

    /** What the store holds of a resumable upload after {@code arrived} bytes came and the content broke off. */
    abstract long heldAfterBreakingOff(long arrived);

    @Test
    void a_resumable_upload_that_breaks_off_keeps_what_it_holds_and_resumes_from_there_hashing_on() throws Exception {
        long before = blobs();
        byte[] content = bytes(SEVERAL_PARTS, 5);
        int arrived = 9 * 1024 * 1024 + 5;
        String staging = store().beginResumable();
        List<Long> saved = new ArrayList<>();
        ResumableSha256 hash = ResumableSha256.live();
        BlobStore.Held first = store().append(staging, 0, content.length, hash, breakingAfter(content, arrived),
                checkpoints(saved, hash));
        assertThat(first.brokeOff()).hasMessageContaining("Connection reset");
        assertThat(first.offset()).isEqualTo(heldAfterBreakingOff(arrived));
        assertThat(hash.covered()).as("the hash covers what is held, no more").isEqualTo(first.offset());
        assertThat(saved).as("a checkpoint at each durable step").isNotEmpty().allMatch(o -> o <= first.offset());
        if (store().readsBackResumable()) {
            try (InputStream held = store().readResumable(staging, first.offset())) {
                assertThat(held.readAllBytes()).as("what is held reads back")
                        .isEqualTo(Arrays.copyOf(content, (int) first.offset()));
            }
        }

        BlobStore.Held rest = store().append(staging, first.offset(), content.length, hash,
                new ByteArrayInputStream(content, (int) first.offset(), content.length),
                checkpoints(new ArrayList<>(), hash));
        assertThat(rest.brokeOff()).isNull();
        assertThat(rest.offset()).isEqualTo(content.length);
        String sha256 = hash.hex();
        assertThat(sha256).isEqualTo(sha256(content));

        BlobStore.Stored stored = store().completeResumable(staging, sha256, content.length);
        assertThat(stored.alreadyPresent()).isFalse();
        try (InputStream in = store().open(sha256).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(blobs()).isEqualTo(before + 1);
        assertThat(unfinished()).isZero();
    }

    @Test
    void a_resumable_upload_sent_in_pieces_smaller_than_a_part_goes_on_with_each() throws Exception {
        byte[] content = bytes(SEVERAL_PARTS, 7);
        int piece = 3 * 1024 * 1024 + 1;
        String staging = store().beginResumable();
        long offset = 0;
        byte[] state = Sha256State.initial();
        while (offset < content.length) {
            int length = (int) Math.min(piece, content.length - offset);
            // a saved state taken up for each piece, as a store that cannot read back goes on
            ResumableSha256 hash = ResumableSha256.saved(state, offset);
            BlobStore.Held held = store().append(staging, offset, content.length, hash,
                    new ByteArrayInputStream(content, (int) offset, length), checkpoints(new ArrayList<>(), hash));
            assertThat(held.brokeOff()).isNull();
            assertThat(held.offset()).as("every byte of the piece is held").isEqualTo(offset + length);
            offset = held.offset();
            state = hash.state();
        }
        String sha256 = ResumableSha256.saved(state, offset).hex();
        assertThat(sha256).isEqualTo(sha256(content));
        store().completeResumable(staging, sha256, content.length);
        try (InputStream in = store().open(sha256).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(unfinished()).isZero();
    }

    @Test
    void a_resumable_upload_of_content_already_stored_is_stored_once_and_a_dropped_one_leaves_nothing()
            throws Exception {
        byte[] content = ("Resumed content " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        store().store(new ByteArrayInputStream(content), Long.MAX_VALUE);
        long before = blobs();
        String staging = store().beginResumable();
        ResumableSha256 hash = ResumableSha256.live();
        store().append(staging, 0, content.length, hash, new ByteArrayInputStream(content),
                checkpoints(new ArrayList<>(), hash));
        assertThat(store().completeResumable(staging, hash.hex(), content.length).alreadyPresent()).isTrue();
        assertThat(blobs()).isEqualTo(before);

        String dropped = store().beginResumable();
        ResumableSha256 droppedHash = ResumableSha256.live();
        store().append(dropped, 0, SEVERAL_PARTS, droppedHash, breakingAfter(bytes(SEVERAL_PARTS, 6),
                SEVERAL_PARTS - 1), checkpoints(new ArrayList<>(), droppedHash));
        store().discardResumable(dropped);
        assertThat(blobs()).isEqualTo(before);
        assertThat(unfinished()).isZero();
    }

    /** Saves every time it is asked (each buffer, each part), noting the offsets, each exactly what the hash covers. */
    private static BlobStore.Checkpoints checkpoints(List<Long> saved, ResumableSha256 hash) {
        return new BlobStore.Checkpoints() {
            @Override
            public boolean due() {
                return true;
            }

            @Override
            public void save(long offset) {
                assertThat(hash.covered()).as("the hash at a checkpoint").isEqualTo(offset);
                saved.add(offset);
            }
        };
    }

    /** The first {@code arrived} bytes of the content, then the connection resets. */
    static InputStream breakingAfter(byte[] content, int arrived) {
        return new InputStream() {
            private final InputStream first = new ByteArrayInputStream(content, 0, arrived);

            @Override
            public int read() throws IOException {
                int b = first.read();
                if (b == -1) {
                    throw new IOException("Connection reset");
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = first.read(buffer, offset, length);
                if (read == -1) {
                    throw new IOException("Connection reset");
                }
                return read;
            }
        };
    }

    @Test
    void an_unknown_or_malformed_hash_finds_nothing() throws Exception {
        assertThat(store().open(sha256("never stored".getBytes(StandardCharsets.UTF_8)))).isEmpty();
        assertThat(store().open("../../etc/passwd")).isEmpty();
        assertThat(store().open("ABCDEF")).isEmpty();
    }

    static byte[] bytes(int size, long seed) {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        return content;
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
