package org.compliance.evidence.adapters;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import org.compliance.evidence.application.BlobStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Blobs as read-only files {@code <root>/ab/cd/<sha256>}. Bytes go to a temporary file in the same file
 * system first and are moved into place only once complete, so a broken upload leaves nothing behind.
 */
@ApplicationScoped
public class FileSystemBlobStore implements BlobStore {

    private static final Logger LOG = Logger.getLogger(FileSystemBlobStore.class);
    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER = 256 * 1024;

    private final Path root;
    private final Path incoming;

    public FileSystemBlobStore(@ConfigProperty(name = "compliance.evidence.blob-root") Path root) throws IOException {
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
    public Optional<InputStream> open(String sha256) throws IOException {
        if (!SHA_256.matcher(sha256).matches()) {
            return Optional.empty();
        }
        Path path = pathOf(sha256);
        return Files.exists(path) ? Optional.of(Files.newInputStream(path)) : Optional.empty();
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
