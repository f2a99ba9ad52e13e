package org.compliance.evidence.adapters;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.io.input.BoundedInputStream;
import org.compliance.evidence.application.BlobStore;
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
            String hash = HexFormat.of().formatHex(sha256.digest());
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
        } finally {
            Files.deleteIfExists(temporary);
        }
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
