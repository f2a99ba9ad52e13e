package org.compliance.evidence.adapters;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.commons.io.input.BoundedInputStream;
import org.compliance.evidence.application.BlobStore;
import org.compliance.evidence.application.ResumableSha256;
import org.jboss.logging.Logger;

/**
 * Blobs as read-only files {@code <root>/ab/cd/<sha256>}. Bytes go to a temporary file in the same file
 * system first and are moved into place only once complete, so a broken upload leaves nothing behind. A file system
 * has no legal hold: the files are read-only and the service never deletes one.
 */
public class FileSystemBlobStore implements BlobStore {

    private static final Logger LOG = Logger.getLogger(FileSystemBlobStore.class);
    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER = 256 * 1024;

    private final Path root;
    private final Path incoming;

    public FileSystemBlobStore(Path root) throws IOException {
        this.root = root.toAbsolutePath();
        this.incoming = this.root.resolve("incoming");
        Files.createDirectories(incoming);
    }

    @Override
    public Stored store(InputStream content, long maxBytes) throws IOException {
        Path temporary = Files.createTempFile(incoming, "upload-", ".part");
        try {
            MessageDigest sha256 = sha256();
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), sha256)) {
                byte[] buffer = new byte[BUFFER];
                for (int read = content.read(buffer); read != -1; read = content.read(buffer)) {
                    size += read;
                    if (size > maxBytes) {
                        throw new TooLarge(maxBytes);
                    }
                    out.write(buffer, 0, read);
                }
            }
            return place(temporary, HexFormat.of().formatHex(sha256.digest()), size);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Moves a complete temporary file to its content address, unless that content is already there. */
    private Stored place(Path temporary, String hash, long size) throws IOException {
        Path target = pathOf(hash);
        if (Files.exists(target)) {
            return new Stored(hash, size, true);
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
            if (!Files.exists(target)) {
                throw raced;
            }
            return new Stored(hash, size, true);
        }
        target.toFile().setReadOnly();
        LOG.infof("Stored blob %s (%d bytes)", hash, size);
        return new Stored(hash, size, false);
    }

    /** A resumable upload's bytes: {@code incoming/<uuid>.resumable}, written in place, forced to disk at checkpoints. */
    @Override
    public String beginResumable() throws IOException {
        String staging = UUID.randomUUID().toString();
        Files.createFile(resumable(staging));
        return staging;
    }

    @Override
    public Held append(String staging, long offset, long length, ResumableSha256 sha256, InputStream content,
                       Checkpoints checkpoints) throws IOException {
        try (FileChannel file = FileChannel.open(resumable(staging), StandardOpenOption.WRITE)) {
            // bytes written after the last saved checkpoint are not held: write them again
            file.truncate(offset).position(offset);
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
            long held = offset;
            IOException brokeOff = null;
            while (held < length) {
                int read;
                try {
                    read = content.read(buffer.array(), 0, (int) Math.min(BUFFER, length - held));
                } catch (IOException e) {
                    brokeOff = e;
                    break;
                }
                if (read == -1) {
                    break;
                }
                buffer.clear().limit(read);
                while (buffer.hasRemaining()) {
                    file.write(buffer);
                }
                sha256.update(buffer.array(), 0, read);
                held += read;
                if (checkpoints.due()) {
                    file.force(false);
                    checkpoints.save(held);
                }
            }
            file.force(false);
            return new Held(held, brokeOff);
        }
    }

    @Override
    public boolean readsBackResumable() {
        return true;
    }

    @Override
    public InputStream readResumable(String staging, long length) throws IOException {
        return BoundedInputStream.builder().setInputStream(Files.newInputStream(resumable(staging)))
                .setMaxCount(length).get();
    }

    @Override
    public Stored completeResumable(String staging, String sha256, long size) throws IOException {
        Path temporary = resumable(staging);
        try {
            return place(temporary, sha256, size);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public void discardResumable(String staging) throws IOException {
        Files.deleteIfExists(resumable(staging));
    }

    private Path resumable(String staging) {
        return incoming.resolve(UUID.fromString(staging) + ".resumable");
    }

    @Override
    public Optional<InputStream> open(String sha256, long offset, long length) throws IOException {
        if (!SHA_256.matcher(sha256).matches()) {
            return Optional.empty();
        }
        Path path = pathOf(sha256);
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        SeekableByteChannel channel = Files.newByteChannel(path).position(offset);
        return Optional.of(BoundedInputStream.builder().setInputStream(Channels.newInputStream(channel))
                .setMaxCount(length).get());
    }

    @Override
    public boolean legalHold(String sha256, boolean held) {
        return false;
    }

    private Path pathOf(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
