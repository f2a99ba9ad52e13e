package org.compliance.audit.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each check prints its own result and the verdict agrees with all of them (in process; the jar: VerifierJarOnJava17IT). */
class VerifyBundleTest {

    @TempDir
    Path directory;

    private final TestBundle bundle = new TestBundle();

    @Test
    void an_intact_bundle_is_verified_with_every_check_valid() throws Exception {
        Verified result = verify(bundle.files(), bundle.publicKey());
        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(result.lines()).contains(
                "Bundle files: valid (4 events of 2 aggregates; checkpoint, proofs and evidence manifest readable)",
                "Hash chains: valid (2 of 2 aggregates intact)",
                "Checkpoint signature (Ed25519): valid (verifies with the key given with --public-key)",
                "Merkle proofs: valid (2 of 2 aggregates proven in the checkpoint, each at its last event)",
                "Evidence manifest: valid (1 of 1 files match their submission events in SHA-256 and size)",
                "Formal notices: valid (1 of 1 match the SHA-256 their issue events record)");
        assertThat(result.lines().get(result.lines().size() - 1)).startsWith("VERIFIED: all 6 checks are valid")
                .endsWith("(given with --public-key)");
        assertThat(result.output()).doesNotContain("FAILED", "not checked");
    }

    @Test
    void without_a_key_given_the_bundle_verifies_with_its_own_and_says_to_compare_the_fingerprint() throws Exception {
        Verified result = verify(bundle.files(), null);
        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(result.output()).contains("compare it with the fingerprint the regulator publishes",
                "Checkpoint signature (Ed25519): valid (verifies with the bundle's own key)");
    }

    @Test
    void with_another_key_the_signature_fails_no_line_calls_it_valid_and_the_proofs_are_not_checked() throws Exception {
        Verified result = verify(bundle.files(), TestBundle.anotherPublicKey());
        assertThat(result.ok()).isFalse();
        assertThat(result.lines()).contains(
                "Checkpoint signature (Ed25519): FAILED (does not verify with the key given with --public-key)",
                "Merkle proofs: not checked because the checkpoint's signature is not valid: a proof into an "
                        + "unsigned root proves nothing",
                "NOT VERIFIED: 1 of 6 checks failed, 1 not checked");
        assertThat(result.output()).contains("the checkpoint is signed with another key");
        assertThat(result.lines()).noneMatch(line -> line.startsWith("Checkpoint signature") && line.contains("valid ("));
        assertThat(result.output()).doesNotContain("VERIFIED: all");
    }

    @Test
    void a_changed_event_fails_the_chain_at_that_event() throws Exception {
        Map<String, byte[]> files = TestBundle.withPayloadChanged(bundle.files(), "req-1-e1", "policy.pdf", "policy2.pdf");
        Verified result = verify(files, null);
        assertThat(result.ok()).isFalse();
        assertThat(result.output()).contains("Hash chains: FAILED (1 of 2 aggregates intact)",
                "hash chain of req-1 broken at sequence number 1 (event req-1-e1, global position 4): the event does "
                        + "not match its hash",
                "evidence manifest entry f-1 (policy.pdf) differs from what its submission event records",
                "NOT VERIFIED: 2 of 6 checks failed");
    }

    @Test
    void a_changed_formal_notice_or_manifest_entry_is_named() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>(bundle.files());
        files.put(Bundle.formalNotice(TestBundle.REQUEST), "%PDF-1.7 another notice".getBytes(StandardCharsets.UTF_8));
        files.put(Bundle.MANIFEST, new String(files.get(Bundle.MANIFEST), StandardCharsets.UTF_8).replace("1234", "1235")
                .getBytes(StandardCharsets.UTF_8));
        Verified result = verify(files, null);
        assertThat(result.ok()).isFalse();
        assertThat(result.output()).contains("Hash chains: valid",
                "Formal notices: FAILED (0 of 1 match the SHA-256 their issue events record)",
                "the formal notice of request req-1 (formal-notices/req-1.pdf) differs from the SHA-256 its issue "
                        + "event records (event req-1-e0)",
                "evidence manifest entry f-1 (policy.pdf) differs", "NOT VERIFIED: 2 of 6 checks failed");
    }

    @Test
    void events_made_up_after_the_signed_end_of_a_chain_fail_even_with_their_hashes_recomputed() throws Exception {
        Map<String, byte[]> signed = new LinkedHashMap<>(bundle.files());
        bundle.add(TestBundle.REQUEST, "org.compliance.api.evidence.EvidenceRequestWithdrawn", "{\"requestId\":\"req-1\"}");
        signed.put(Bundle.EVENTS, bundle.files().get(Bundle.EVENTS));
        Verified result = verify(signed, null);
        assertThat(result.ok()).isFalse();
        assertThat(result.output()).contains("Hash chains: valid (2 of 2 aggregates intact)",
                "Merkle proofs: FAILED (1 of 2 aggregates proven",
                "aggregate req-1 has events after sequence number 1, where the checkpoint signed the end of its chain",
                "NOT VERIFIED: 1 of 6 checks failed");
    }

    @Test
    void a_missing_file_fails_the_bundle_and_leaves_what_needs_it_not_checked() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>(bundle.files());
        files.remove(Bundle.PROOFS);
        files.put(Bundle.PUBLIC_KEY, (TestBundle.anotherPublicKey() + "\n").getBytes(StandardCharsets.UTF_8));
        Verified result = verify(files, null);
        assertThat(result.ok()).isFalse();
        assertThat(result.output()).contains("Bundle files: FAILED (1 missing or unreadable)", "  - proofs.json is missing",
                "Merkle proofs: not checked because events.ndjson, checkpoint.json or proofs.json is missing",
                "public-key.txt holds another key", "NOT VERIFIED: 2 of 6 checks failed, 1 not checked");
    }

    @Test
    void a_file_that_is_no_zip_cannot_be_read() throws Exception {
        Path notZip = Files.writeString(directory.resolve("bundle.zip"), "not a zip");
        assertThatThrownBy(() -> new VerifyBundle(new PrintStream(new ByteArrayOutputStream())).verify(notZip, null))
                .isInstanceOf(IOException.class).hasMessageContaining("is not a ZIP archive");
    }

    private record Verified(boolean ok, String output) {
        List<String> lines() {
            return output.lines().toList();
        }
    }

    private Verified verify(Map<String, byte[]> files, String publicKey) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        boolean ok = new VerifyBundle(new PrintStream(text, true, StandardCharsets.UTF_8))
                .verify(TestBundle.zip(files, directory, "bundle-" + System.nanoTime() + ".zip"), publicKey);
        return new Verified(ok, text.toString(StandardCharsets.UTF_8));
    }
}
