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
                "Formal notices: valid (1 of 1 match the SHA-256 their issue events record)",
                "Evidence files: valid (1 of 1 included files match the SHA-256 and size their submission events record)",
                "Bundle contents: valid (10 of 10 files (report.html and report.pdf among them) match the list signed "
                        + "with the key given with --public-key)");
        assertThat(result.lines().get(result.lines().size() - 1)).startsWith("VERIFIED: all 10 checks are valid")
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
                "NOT VERIFIED: 2 of 10 checks failed, 1 not checked");
        assertThat(result.output()).contains("the checkpoint is signed with another key");
        assertThat(result.lines()).noneMatch(line -> line.startsWith("Checkpoint signature") && line.contains("valid ("));
        assertThat(result.output()).doesNotContain("VERIFIED: all");
    }

    @Test
    void with_another_key_every_line_names_that_key_and_none_calls_anything_signed_by_it() throws Exception {
        String another = TestBundle.anotherPublicKey();
        String given = org.compliance.audit.chain.Checkpoint.fingerprint(another);
        String own = org.compliance.audit.chain.Checkpoint.fingerprint(bundle.publicKey());
        Verified result = verify(bundle.files(), another);
        assertThat(result.ok()).isFalse();
        assertThat(result.lines()).contains(
                "Key the signature is checked with: SHA-256 fingerprint " + given + ", given with --public-key",
                "  - checkpoint.json names the key with fingerprint " + own + ", not the one given with --public-key: "
                        + "the checkpoint is signed with another key",
                "Bundle contents: FAILED (10 of 10 files (report.html and report.pdf among them) match the list that "
                        + "does not verify with the key given with --public-key)",
                "  - contents.sig does not verify with the key given with --public-key (fingerprint " + given + "): the "
                        + "list was changed after export, or signed with another key");
        // the bundle's own key is named only as the one the checkpoint names, never as the one checked with
        assertThat(result.lines()).filteredOn(line -> line.contains(own)).hasSize(1);
        assertThat(result.lines()).noneMatch(line -> line.contains("signed with the key")
                || line.contains("verifies with") && !line.contains("does not verify"));
        assertThat(result.lines().get(result.lines().size() - 1)).isEqualTo("NOT VERIFIED: 2 of 10 checks failed, "
                + "1 not checked");
    }

    @Test
    void a_changed_evidence_file_is_named_with_both_hashes() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>(bundle.files());
        byte[] changed = TestBundle.FILE.clone();
        changed[100] ^= 1;
        files.put(TestBundle.FILE_ENTRY, changed);
        Verified result = verify(files, bundle.publicKey());
        assertThat(result.ok()).isFalse();
        assertThat(result.lines()).contains(
                "Hash chains: valid (2 of 2 aggregates intact)",
                "Evidence manifest: valid (1 of 1 files match their submission events in SHA-256 and size)",
                "Evidence files: FAILED (0 of 1 included files match the SHA-256 and size their submission events record)",
                "  - evidence file evidence-files/req-1/f-1-policy.pdf (file f-1 of request req-1) has SHA-256 "
                        + Bundle.hex(TestBundle.sha256(changed)) + " and 1234 bytes; its submission event records "
                        + TestBundle.FILE_SHA256 + " and 1234 bytes: the file was changed",
                "  - evidence-files/req-1/f-1-policy.pdf differs from the SHA-256 contents.sha256 lists for it (it has "
                        + Bundle.hex(TestBundle.sha256(changed)) + "): it was changed after export",
                "NOT VERIFIED: 2 of 10 checks failed");
    }

    @Test
    void a_changed_report_fails_the_contents_even_with_its_line_rewritten() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>(bundle.files());
        byte[] report = "<!DOCTYPE html><title>Case case-1</title><p>Nothing happened".getBytes(StandardCharsets.UTF_8);
        files.put(Bundle.REPORT_HTML, report);
        Verified changed = verify(files, bundle.publicKey());
        assertThat(changed.ok()).isFalse();
        assertThat(changed.lines()).contains("Bundle contents: FAILED (9 of 10 files (report.html and report.pdf among "
                        + "them) match the list signed with the key given with --public-key)",
                "  - report.html differs from the SHA-256 contents.sha256 lists for it (it has "
                        + Bundle.hex(TestBundle.sha256(report)) + "): it was changed after export",
                "NOT VERIFIED: 1 of 10 checks failed");

        String listing = new String(files.get(Bundle.CONTENTS), StandardCharsets.UTF_8).replace(
                Bundle.hex(TestBundle.sha256(TestBundle.REPORT_HTML)), Bundle.hex(TestBundle.sha256(report)));
        files.put(Bundle.CONTENTS, listing.getBytes(StandardCharsets.UTF_8));
        Verified relisted = verify(files, bundle.publicKey());
        assertThat(relisted.ok()).isFalse();
        assertThat(relisted.output()).contains("contents.sig does not verify with the key given with --public-key",
                "NOT VERIFIED: 1 of 10 checks failed");

        files.remove(Bundle.REPORT_PDF);
        files.remove(Bundle.CONTENTS_SIGNATURE);
        assertThat(verify(files, bundle.publicKey()).output()).contains("Bundle contents: FAILED (no signed list of "
                + "contents)", "  - contents.sig is missing: nothing shows the report (report.html, report.pdf) "
                + "unchanged since export");
    }

    @Test
    void a_bundle_exported_without_the_files_verifies_and_says_so() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>(bundle.files());
        files.remove(TestBundle.FILE_ENTRY);
        Verified result = verify(bundle.signContents(files), bundle.publicKey());
        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(result.lines()).contains("Evidence files: valid (none included: the bundle was exported without "
                + "the files (1 recorded; the evidence manifest gives their SHA-256))");

        files.put(Bundle.EVIDENCE_FILES + "req-1/f-9-extra.pdf", new byte[]{1, 2, 3});
        Verified extra = verify(bundle.signContents(files), bundle.publicKey());
        assertThat(extra.output()).contains("  - evidence-files/req-1/f-9-extra.pdf is no file a submission event of "
                + "the bundle records", "NOT VERIFIED: 1 of 10 checks failed");
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
                "evidence-files/req-1/f-1-policy.pdf is no file a submission event of the bundle records",
                "events.ndjson differs from the SHA-256 contents.sha256 lists for it",
                "NOT VERIFIED: 4 of 10 checks failed");
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
                "evidence manifest entry f-1 (policy.pdf) differs", "NOT VERIFIED: 3 of 10 checks failed");
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
                "events.ndjson differs from the SHA-256 contents.sha256 lists for it",
                "NOT VERIFIED: 2 of 10 checks failed");
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
                "public-key.txt holds another key", "proofs.json is listed in contents.sha256 but missing from the bundle",
                "NOT VERIFIED: 3 of 10 checks failed, 1 not checked");
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
