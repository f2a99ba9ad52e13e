package org.compliance.audit.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged target/audit-verifier.jar, as auditors get it, run on a Java 17 runtime: the oldest the verifier
 * promises. The JDK is {@code -Dverifier.java17.home}, else the one under /usr/lib/jvm whose release file says 17;
 * without one the test fails (it must not pass by skipping).
 */
class VerifierJarOnJava17IT {

    @TempDir
    Path directory;

    private final TestBundle bundle = new TestBundle();

    @Test
    void a_good_bundle_is_verified_with_exit_code_0() throws Exception {
        Run run = run(TestBundle.zip(bundle.files(), directory, "good.zip"), "--public-key", bundle.publicKey());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.lines()).contains("Checkpoint signature (Ed25519): valid (verifies with the key given with "
                + "--public-key)", "Hash chains: valid (2 of 2 aggregates intact)");
        assertThat(run.lines().get(run.lines().size() - 1)).startsWith("VERIFIED: all 10 checks are valid");
    }

    @Test
    void the_same_bundle_with_a_wrong_key_is_not_verified_and_no_line_says_the_signature_is_valid() throws Exception {
        Run run = run(TestBundle.zip(bundle.files(), directory, "good.zip"), "--public-key",
                TestBundle.anotherPublicKey());
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.lines()).contains(
                "Checkpoint signature (Ed25519): FAILED (does not verify with the key given with --public-key)",
                "NOT VERIFIED: 2 of 10 checks failed, 1 not checked");
        assertThat(run.lines()).noneMatch(line -> line.startsWith("Checkpoint signature") && line.contains("valid ("))
                .noneMatch(line -> line.startsWith("VERIFIED"));
    }

    @Test
    void a_bundle_with_one_changed_event_is_not_verified_and_names_the_event() throws Exception {
        Map<String, byte[]> files = TestBundle.withPayloadChanged(bundle.files(), "case-1-e1", "ivy", "eve");
        Run run = run(TestBundle.zip(files, directory, "changed.zip"), "--public-key", bundle.publicKey());
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("Hash chains: FAILED (1 of 2 aggregates intact)",
                "hash chain of case-1 broken at sequence number 1 (event case-1-e1, global position 3)");
        assertThat(run.lines().get(run.lines().size() - 1)).isEqualTo("NOT VERIFIED: 2 of 10 checks failed");
    }

    @Test
    void a_bundle_with_a_changed_evidence_file_is_not_verified_and_names_the_file() throws Exception {
        Map<String, byte[]> files = new java.util.LinkedHashMap<>(bundle.files());
        byte[] changed = TestBundle.FILE.clone();
        changed[0] ^= 1;
        files.put(TestBundle.FILE_ENTRY, changed);
        Run run = run(TestBundle.zip(files, directory, "changed-file.zip"), "--public-key", bundle.publicKey());
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("Evidence files: FAILED (0 of 1 included files match",
                "evidence file " + TestBundle.FILE_ENTRY + " (file f-1 of request req-1) has SHA-256 ");
        assertThat(run.lines().get(run.lines().size() - 1)).isEqualTo("NOT VERIFIED: 2 of 10 checks failed");
    }

    @Test
    void a_file_that_is_no_bundle_exits_with_2() throws Exception {
        Run run = run(Files.writeString(directory.resolve("notes.zip"), "not a zip"));
        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("The bundle cannot be read");
    }

    private record Run(int exitCode, String output) {
        List<String> lines() {
            return output.lines().toList();
        }
    }

    private static Run run(Path bundle, String... options) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("verifier.jar", "target/audit-verifier.jar"));
        assertThat(jar).as("the verifier jar, built in the package phase").exists();
        List<String> command = new ArrayList<>(List.of(java17().resolve("bin/java").toString(), "-jar",
                jar.toString(), bundle.toString()));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the verifier ends").isTrue();
        return new Run(process.exitValue(), output);
    }

    private static Path java17() throws IOException {
        String given = System.getProperty("verifier.java17.home");
        if (given != null && !given.isBlank()) {
            if (!isJava17(Path.of(given))) {
                fail("-Dverifier.java17.home=" + given + " is no Java 17 home (its release file does not say 17)");
            }
            return Path.of(given);
        }
        Optional<Path> found;
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            found = jdks.filter(VerifierJarOnJava17IT::isJava17).sorted().findFirst();
        } catch (IOException e) {
            found = Optional.empty();
        }
        return found.orElseGet(() -> fail("No Java 17 runtime found under /usr/lib/jvm: the verifier must be shown to "
                + "run on Java 17. Install one (apt-get install openjdk-17-jre-headless) or give its home with "
                + "-Dverifier.java17.home=..."));
    }

    private static boolean isJava17(Path home) {
        if (!Files.isExecutable(home.resolve("bin/java"))) {
            return false;
        }
        try {
            return Files.readAllLines(home.resolve("release")).stream()
                    .anyMatch(line -> line.equals("JAVA_VERSION=\"17\"") || line.startsWith("JAVA_VERSION=\"17."));
        } catch (IOException e) {
            return false;
        }
    }
}
