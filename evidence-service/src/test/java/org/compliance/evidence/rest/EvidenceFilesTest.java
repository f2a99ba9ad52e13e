package org.compliance.evidence.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.compliance.testing.RealPeers;

/** Evidence files on the file system store (the default): blobs at {@code target/evidence-blobs/ab/cd/<sha256>}. */
@QuarkusTest
@WithTestResource(RealPeers.class)
class EvidenceFilesTest extends EvidenceFiles {

    private static final Path BLOBS = Path.of("target", "evidence-blobs");

    @Override
    long blobs() throws Exception {
        return EvidenceApi.countFiles(BLOBS) - unfinished();
    }

    @Override
    boolean stored(String sha256) {
        return Files.exists(BLOBS.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256));
    }

    @Override
    long unfinished() throws Exception {
        Path incoming = BLOBS.resolve("incoming");
        if (!Files.exists(incoming)) {
            return 0;
        }
        try (var files = Files.list(incoming)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".part")).count();
        }
    }
}
