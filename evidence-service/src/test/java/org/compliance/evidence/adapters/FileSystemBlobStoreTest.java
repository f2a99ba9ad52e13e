package org.compliance.evidence.adapters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.compliance.evidence.application.BlobStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The blob store contract on the file system: {@code <root>/ab/cd/<sha256>}, temporary files in {@code incoming}. */
class FileSystemBlobStoreTest extends BlobStoreContract {

    @TempDir
    Path root;
    private FileSystemBlobStore store;

    @BeforeEach
    void aStore() throws IOException {
        store = new FileSystemBlobStore(root);
    }

    @Override
    BlobStore store() {
        return store;
    }

    @Override
    long blobs() throws IOException {
        try (var files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.startsWith(root.resolve("incoming"))).count();
        }
    }

    @Override
    long unfinished() throws IOException {
        try (var files = Files.list(root.resolve("incoming"))) {
            return files.count();
        }
    }

    @Override
    long heldAfterBreakingOff(long arrived) {
        return arrived; // written in place as it arrives
    }
}
