package org.compliance.audit.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.compliance.audit.chain.ChainCheck;
import org.compliance.audit.chain.ChainLink;
import org.compliance.audit.chain.Checkpoint;
import org.compliance.audit.chain.Ed25519;
import org.compliance.audit.chain.MerkleTree;
import org.compliance.audit.chain.StoredEvent;

/**
 * Checks a case bundle offline, ten checks each printed as its own line (valid, FAILED with every reason and
 * where, or not checked and why), then one verdict: VERIFIED only when all eight are valid.
 * <ol>
 *   <li>Bundle files: events, checkpoint, proofs and manifest are present and readable.</li>
 *   <li>Hash chains: every event against its hash chain (what audit-service's verification recomputes).</li>
 *   <li>Checkpoint signature: Ed25519, with the key given with {@code --public-key}, else the bundle's own.</li>
 *   <li>Merkle proofs: each aggregate's last event is the leaf the signed checkpoint holds for it (as the service
 *       checks that the store still ends where the checkpoint signed it); not checked without a valid signature.</li>
 *   <li>Evidence manifest: against the submission events.</li>
 *   <li>Formal notices: each PDF against the SHA-256 in its request's issue event.</li>
 *   <li>Evidence files: each file the bundle carries against the SHA-256 and size its submission event records.</li>
 *   <li>Bundle contents: every file of the ZIP (the report among them) against the list audit-service signed at
 *       export, with the same key as the checkpoint.</li>
 * </ol>
 * Usage: {@code java -jar audit-verifier.jar case-bundle.zip [--public-key <base64>]}; exit code 0 when the
 * bundle verifies, 1 when it does not, 2 when it (or the key given) cannot be read. Runs on Java 17.
 */
public final class VerifyBundle {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SUBMITTED = Bundle.EVIDENCE_SUBMITTED;

    private final PrintStream out;

    public VerifyBundle(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        if (args.length > 0 && VerifyCheckpoints.handles(args[0])) {
            VerifyCheckpoints.main(args);
            return;
        }
        Options options;
        try {
            options = Options.parse(java.util.Arrays.asList(args));
        } catch (IllegalArgumentException | IOException | org.compliance.audit.chain.Timestamps.Invalid e) {
            System.err.println(e.getMessage());
            System.err.println("usage: java -jar audit-verifier.jar case-bundle.zip [--public-key <base64>] "
                    + "[--tsa-certificate <pem>] [--since <kept-checkpoint.json>] [--max-delay <PT1H>]");
            System.exit(2);
            return;
        }
        try {
            boolean ok = new VerifyBundle(System.out).verify(options);
            System.exit(ok ? 0 : 1);
        } catch (IOException | RuntimeException e) {
            System.err.println("The bundle cannot be read: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * What the auditor gives besides the bundle: the regulator's published key, the time-stamping authorities' roots,
     * a checkpoint they kept earlier, and how late a first time-stamp may come.
     */
    public record Options(Path bundle, String publicKey, List<java.security.cert.X509Certificate> trusted,
                          Bundle.SignedCheckpoint since, java.time.Duration maxDelay) {

        public static Options of(Path bundle, String publicKey) {
            return new Options(bundle, publicKey, List.of(), null, Anchors.MAX_DELAY);
        }

        public static Options parse(List<String> args) throws IOException, org.compliance.audit.chain.Timestamps.Invalid {
            Path bundle = null;
            String key = null;
            List<java.security.cert.X509Certificate> trusted = List.of();
            Bundle.SignedCheckpoint since = null;
            java.time.Duration maxDelay = Anchors.MAX_DELAY;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                boolean option = arg.startsWith("--");
                if (option && i + 1 >= args.size()) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                switch (arg) {
                    case "--public-key" -> key = args.get(++i).trim();
                    case "--tsa-certificate" -> trusted = org.compliance.audit.chain.Timestamps.certificates(
                            java.nio.file.Files.readAllBytes(Path.of(args.get(++i))));
                    case "--since" -> since = JSON.readValue(Path.of(args.get(++i)).toFile(),
                            Bundle.SignedCheckpoint.class);
                    case "--max-delay" -> maxDelay = java.time.Duration.parse(args.get(++i));
                    default -> {
                        if (option || bundle != null) {
                            throw new IllegalArgumentException("Unknown argument: " + arg);
                        }
                        bundle = Path.of(arg);
                    }
                }
            }
            if (bundle == null) {
                throw new IllegalArgumentException("Give the bundle to verify");
            }
            if (key != null && !isPublicKey(key)) {
                throw new IllegalArgumentException("The key given with --public-key is not an Ed25519 public key "
                        + "(X.509, Base64), as GET /audit/checkpoints/public-key publishes it");
            }
            return new Options(bundle, key, trusted, since, maxDelay);
        }
    }

    /** True when every check is valid. */
    public boolean verify(Path bundle, String pinnedPublicKey) throws IOException {
        return verify(Options.of(bundle, pinnedPublicKey));
    }

    /** True when every check is valid. */
    public boolean verify(Options options) throws IOException {
        Path bundle = options.bundle();
        String pinnedPublicKey = options.publicKey();
        BundleFiles files = BundleFiles.read(bundle);
        out.println("Case bundle: " + bundle);
        Bundle.SignedCheckpoint checkpoint = files.checkpoint();
        String key = pinnedPublicKey != null ? pinnedPublicKey : checkpoint == null ? null : checkpoint.publicKey();
        if (checkpoint != null) {
            out.printf("Checkpoint: global position %d of %s, %d aggregates, root %s%n", checkpoint.position(),
                    checkpoint.createdAt(), checkpoint.aggregates(), checkpoint.root());
        }
        if (key != null) {
            out.println("Key the signature is checked with: SHA-256 fingerprint " + fingerprint(key)
                    + (pinnedPublicKey != null ? ", given with --public-key"
                    : ", the bundle's own: compare it with the fingerprint the regulator publishes "
                    + "(GET /audit/checkpoints/public-key), or give the key with --public-key"));
        }
        List<Check> checks = new ArrayList<>();
        checks.add(Check.of("Bundle files", files.problems().isEmpty()
                ? files.eventCount() + " events of " + files.eventsByAggregate().size() + " aggregates; checkpoint, "
                + "proofs and evidence manifest readable"
                : files.problems().size() + " missing or unreadable", files.problems()));
        checks.add(chains(files));
        Check signature = signature(files, pinnedPublicKey);
        checks.add(signature);
        checks.add(proofs(files, signature.result() == Check.Result.VALID));
        checks.add(manifest(files));
        checks.add(formalNotices(files));
        checks.add(evidenceFiles(files));
        checks.add(contents(files, key, pinnedPublicKey != null));
        checks.add(timestamps(files, options));
        checks.add(earlierCheckpoints(files, options));
        checks.forEach(check -> check.lines().forEach(out::println));

        long failed = checks.stream().filter(c -> c.result() == Check.Result.FAILED).count();
        long notChecked = checks.stream().filter(c -> c.result() == Check.Result.NOT_CHECKED).count();
        if (failed == 0 && notChecked == 0) {
            out.println("VERIFIED: all " + checks.size() + " checks are valid; the bundle is intact and its checkpoint "
                    + "is signed by the key with fingerprint " + fingerprint(key)
                    + (pinnedPublicKey != null ? " (given with --public-key)" : " (the bundle's own)"));
            return true;
        }
        out.println("NOT VERIFIED: " + failed + " of " + checks.size() + " checks failed"
                + (notChecked == 0 ? "" : ", " + notChecked + " not checked"));
        return false;
    }

    /**
     * The checkpoint's RFC 3161 time-stamps (decision 27): each valid and over exactly its signed text, under a trusted
     * root when one is given, the first within the allowed delay of the moment the checkpoint claims. Without any, the
     * checkpoint's moment rests on the operator's key: said, and a failure once the auditor gave an authority's root.
     */
    private static Check timestamps(BundleFiles files, Options options) {
        String name = "Time-stamps (RFC 3161)";
        Bundle.SignedCheckpoint checkpoint = files.checkpoint();
        if (checkpoint == null) {
            return Check.notChecked(name, Bundle.CHECKPOINT + " is missing or unreadable");
        }
        if (checkpoint.timestamps().isEmpty()) {
            return options.trusted().isEmpty()
                    ? Check.of(name, "none: the checkpoint's moment rests on the operator's key alone (give "
                    + "--tsa-certificate to require an authority's)", List.of())
                    : Check.of(name, "none", List.of("the checkpoint carries no time-stamp, though an authority's "
                    + "root was given with --tsa-certificate"));
        }
        List<Anchors.Finding> findings = Anchors.timestamps(checkpoint, options.trusted(), options.maxDelay());
        List<String> problems = Anchors.problems(findings, checkpoint, options.maxDelay());
        Anchors.Finding first = findings.stream().filter(Anchors.Finding::valid)
                .min((a, b) -> a.stamp().time().compareTo(b.stamp().time())).orElse(null);
        return Check.of(name, first == null ? findings.size() + " token(s), none valid"
                : "stamped at " + first.stamp().time() + " by " + first.stamp().authority() + " (certificate "
                + first.stamp().certificateFingerprint() + (options.trusted().isEmpty()
                ? ", not checked against a trusted root: give --tsa-certificate)" : ", under a root given)"), problems);
    }

    /**
     * The proofs in consistency.json that the bundle's checkpoint extends the log of each earlier one; with
     * {@code --since}, the checkpoint the auditor kept must be among them, with the same log root.
     */
    private static Check earlierCheckpoints(BundleFiles files, Options options) {
        String name = "Earlier checkpoints (RFC 9162 consistency)";
        Bundle.SignedCheckpoint checkpoint = files.checkpoint();
        if (checkpoint == null) {
            return Check.notChecked(name, Bundle.CHECKPOINT + " is missing or unreadable");
        }
        List<Bundle.Consistency> proofs = files.consistency();
        List<String> problems = new ArrayList<>();
        for (Bundle.Consistency proof : proofs) {
            Bundle.SignedCheckpoint earlier = new Bundle.SignedCheckpoint(proof.fromPosition(), checkpoint.createdAt(),
                    0, "", "", "", proof.fromEvents(), proof.fromLogRoot(), List.of());
            if (proof.toPosition() != checkpoint.position() || !String.valueOf(checkpoint.logRoot())
                    .equals(proof.toLogRoot())) {
                problems.add("the proof from checkpoint " + proof.fromPosition() + " ends at another log than the "
                        + "bundle's checkpoint's");
                continue;
            }
            Anchors.inconsistency(earlier, checkpoint, proof.proof()).ifPresent(problems::add);
        }
        Bundle.SignedCheckpoint kept = options.since();
        if (kept != null) {
            if (kept.position() == checkpoint.position()) {
                if (!java.util.Objects.equals(kept.logRoot(), checkpoint.logRoot())
                        || !java.util.Objects.equals(kept.root(), checkpoint.root())) {
                    problems.add("the checkpoint kept (--since) is at the same position as the bundle's but signs "
                            + "other roots: the store was rewritten");
                }
            } else {
                Bundle.Consistency proof = proofs.stream().filter(p -> p.fromPosition() == kept.position())
                        .findFirst().orElse(null);
                if (proof == null) {
                    problems.add("no proof from the checkpoint kept (--since, position " + kept.position()
                            + "): the bundle's checkpoint is not shown to extend it");
                } else if (!String.valueOf(kept.logRoot()).equals(proof.fromLogRoot())
                        || !java.util.Objects.equals(kept.events(), proof.fromEvents())) {
                    problems.add("the checkpoint kept (--since, position " + kept.position() + ", log root "
                            + kept.logRoot() + ") is not the one the bundle's proof starts from (" + proof.fromLogRoot()
                            + "): the store was rewritten after it");
                } else {
                    Anchors.inconsistency(kept, checkpoint, proof.proof()).ifPresent(problems::add);
                }
            }
        }
        String valid = proofs.isEmpty() && kept == null ? "none in the bundle (no earlier checkpoint of the log)"
                : "the bundle's checkpoint extends " + proofs.size() + " earlier checkpoint(s)"
                + (kept == null ? "" : ", the one kept (position " + kept.position() + ") among them");
        return Check.of(name, valid, problems);
    }

    private static Check chains(BundleFiles files) {
        String name = "Hash chains";
        if (files.eventsByAggregate() == null) {
            return Check.notChecked(name, Bundle.EVENTS + " is missing");
        }
        List<String> reasons = new ArrayList<>();
        int intact = 0;
        for (var entry : files.eventsByAggregate().entrySet()) {
            List<StoredEvent> events = entry.getValue().stream().map(Bundle.Event::stored).toList();
            List<ChainLink> links = entry.getValue().stream().map(Bundle.Event::link).filter(Objects::nonNull).toList();
            var problem = ChainCheck.of(entry.getKey(), events, links);
            if (problem.isPresent()) {
                var p = problem.get();
                reasons.add("hash chain of " + p.aggregateId() + " broken at sequence number " + p.sequenceNumber()
                        + " (event " + p.eventId() + ", global position " + p.globalIndex() + "): " + p.reason());
            } else {
                intact++;
            }
        }
        return Check.of(name, intact + " of " + files.eventsByAggregate().size() + " aggregates intact", reasons);
    }

    private static Check signature(BundleFiles files, String pinned) {
        String name = "Checkpoint signature (Ed25519)";
        Bundle.SignedCheckpoint signed = files.checkpoint();
        if (signed == null) {
            return Check.notChecked(name, Bundle.CHECKPOINT + " is missing or unreadable");
        }
        String with = pinned != null ? "the key given with --public-key" : "the bundle's own key";
        Instant createdAt;
        try {
            createdAt = Instant.parse(signed.createdAt());
        } catch (DateTimeParseException e) {
            return Check.of(name, "not checked with " + with, List.of(Bundle.CHECKPOINT + " has no readable "
                    + "createdAt: " + signed.createdAt()));
        }
        boolean valid = signed.checkpoint().verify(signed.signature(), pinned != null ? pinned : signed.publicKey());
        List<String> reasons = new ArrayList<>();
        boolean anotherKey = pinned != null && !pinned.equals(signed.publicKey());
        if (anotherKey) {
            reasons.add(Bundle.CHECKPOINT + " names the key with fingerprint " + fingerprint(signed.publicKey())
                    + ", not the one given with --public-key" + (valid ? "" : ": the checkpoint is signed with "
                    + "another key"));
        } else if (!valid) {
            reasons.add("the checkpoint's signature does not verify: the checkpoint (position, time, aggregates, "
                    + "roots, events) or its signature was changed after signing");
        }
        String keyText = files.publicKeyText();
        if (keyText != null && !keyText.equals(signed.publicKey())) {
            reasons.add(Bundle.PUBLIC_KEY + " holds another key (fingerprint " + fingerprint(keyText) + ") than "
                    + Bundle.CHECKPOINT + " (fingerprint " + fingerprint(signed.publicKey()) + ")");
        }
        return Check.of(name, (valid ? "verifies with " : "does not verify with ") + with, reasons);
    }

    /**
     * Each aggregate's last event in the bundle must be the leaf the signed checkpoint holds for it: without that
     * rule, events appended after the signed end of a chain (their hashes computed anew) would pass.
     */
    private static Check proofs(BundleFiles files, boolean signatureValid) {
        String name = "Merkle proofs";
        Map<String, List<Bundle.Event>> byAggregate = files.eventsByAggregate();
        Bundle.SignedCheckpoint checkpoint = files.checkpoint();
        if (byAggregate == null || checkpoint == null || files.proofs() == null) {
            return Check.notChecked(name, Bundle.EVENTS + ", " + Bundle.CHECKPOINT + " or " + Bundle.PROOFS
                    + " is missing or unreadable");
        }
        if (!signatureValid) {
            return Check.notChecked(name, "the checkpoint's signature is not valid: a proof into an unsigned root "
                    + "proves nothing");
        }
        List<String> reasons = new ArrayList<>();
        Set<String> proven = new LinkedHashSet<>();
        for (Bundle.Proof proof : files.proofs()) {
            List<Bundle.Event> events = byAggregate.getOrDefault(proof.aggregateId(), List.of());
            Bundle.Event event = events.stream().filter(e -> e.sequenceNumber() == proof.sequenceNumber())
                    .findFirst().orElse(null);
            long last = events.stream().mapToLong(Bundle.Event::sequenceNumber).max().orElse(-1);
            if (event == null || event.hash() == null || !event.hash().equals(proof.hash())) {
                reasons.add("the checkpoint's leaf for " + proof.aggregateId() + " (sequence number "
                        + proof.sequenceNumber() + ") does not match the bundle's events");
                continue;
            }
            if (last != proof.sequenceNumber()) {
                reasons.add("aggregate " + proof.aggregateId() + " has events after sequence number "
                        + proof.sequenceNumber() + ", where the checkpoint signed the end of its chain (up to "
                        + last + ": added after the checkpoint, or made up)");
                continue;
            }
            try {
                byte[] leaf = MerkleTree.leaf(proof.aggregateId(), proof.sequenceNumber(), Bundle.unhex(proof.hash()));
                byte[] root = MerkleTree.rootFrom(leaf, proof.path().stream()
                        .map(s -> new MerkleTree.Step(Bundle.unhex(s.sibling()), s.left())).toList());
                if (!Arrays.equals(root, Bundle.unhex(checkpoint.root()))) {
                    reasons.add("the Merkle proof of " + proof.aggregateId() + " does not lead to the checkpoint's "
                            + "root");
                    continue;
                }
            } catch (IllegalArgumentException | NullPointerException e) {
                reasons.add("the Merkle proof of " + proof.aggregateId() + " is not readable hex");
                continue;
            }
            proven.add(proof.aggregateId());
        }
        for (String aggregate : byAggregate.keySet()) {
            if (!proven.contains(aggregate)) {
                reasons.add("aggregate " + aggregate + " has no valid proof that the checkpoint covers it");
            }
        }
        return Check.of(name, proven.size() + " of " + byAggregate.size() + " aggregates proven in the checkpoint, "
                + "each at its last event", reasons);
    }

    private static Check manifest(BundleFiles files) {
        String name = "Evidence manifest";
        if (files.eventsByAggregate() == null || files.manifest() == null) {
            return Check.notChecked(name, Bundle.EVENTS + " or " + Bundle.MANIFEST + " is missing or unreadable");
        }
        List<String> reasons = new ArrayList<>();
        Map<String, Bundle.ManifestEntry> recorded = new HashMap<>();
        for (Payload submitted : payloadsOf(files, SUBMITTED, reasons)) {
            JsonNode payload = submitted.json();
            for (JsonNode file : payload.path("files")) {
                recorded.put(file.path("fileId").asText(), new Bundle.ManifestEntry(
                        payload.path("requestId").asText(), payload.path("submissionId").asText(),
                        file.path("fileId").asText(), file.path("fileName").asText(),
                        file.path("sizeBytes").asLong(), file.path("sha256").asText()));
            }
        }
        int matching = 0;
        for (Bundle.ManifestEntry entry : files.manifest()) {
            if (entry != null && entry.equals(recorded.get(entry.fileId()))) {
                matching++;
            } else {
                reasons.add("evidence manifest entry " + (entry == null ? "null" : entry.fileId() + " ("
                        + entry.fileName() + ")") + " differs from what its submission event records");
            }
        }
        if (files.manifest().length != recorded.size()) {
            reasons.add("the evidence manifest lists " + files.manifest().length + " files, the submission events "
                    + recorded.size());
        }
        return Check.of(name, matching + " of " + recorded.size() + " files match their submission events in SHA-256 "
                + "and size", reasons);
    }

    /** Each formal notice PDF against the SHA-256 its request's issue event records (and so the chain covers). */
    private static Check formalNotices(BundleFiles files) {
        String name = "Formal notices";
        if (files.eventsByAggregate() == null) {
            return Check.notChecked(name, Bundle.EVENTS + " is missing");
        }
        List<String> reasons = new ArrayList<>();
        Set<String> expected = new LinkedHashSet<>();
        int matching = 0;
        for (Payload issued : payloadsOf(files, Bundle.REQUEST_ISSUED, reasons)) {
            JsonNode payload = issued.json();
            JsonNode notice = payload.path("formalNotice");
            if (!notice.isObject()) {
                continue;
            }
            String requestId = payload.path("requestId").asText();
            String entry = Bundle.formalNotice(requestId);
            expected.add(entry);
            byte[] pdf = files.files().get(entry);
            if (pdf == null) {
                reasons.add("the formal notice of request " + requestId + " is missing from the bundle (" + entry + ")");
            } else if (!sha256(pdf).equals(notice.path("sha256").asText())) {
                reasons.add("the formal notice of request " + requestId + " (" + entry + ") differs from the SHA-256 "
                        + "its issue event records (event " + issued.event().eventId() + ")");
            } else {
                matching++;
            }
        }
        files.files().keySet().stream().filter(n -> n.startsWith(Bundle.FORMAL_NOTICES) && !expected.contains(n))
                .sorted().forEach(n -> reasons.add(n + " is the formal notice of no request issued in the bundle"));
        return Check.of(name, expected.isEmpty() && reasons.isEmpty()
                ? "no request of the bundle was issued as a formal notice"
                : matching + " of " + expected.size() + " match the SHA-256 their issue events record", reasons);
    }

    /** Each evidence file the bundle carries against its submission event; a bundle may carry none of them. */
    private static Check evidenceFiles(BundleFiles files) {
        String name = "Evidence files";
        if (files.eventsByAggregate() == null) {
            return Check.notChecked(name, Bundle.EVENTS + " is missing");
        }
        List<String> reasons = new ArrayList<>();
        Map<String, Bundle.ManifestEntry> expected = new LinkedHashMap<>();
        for (Payload submitted : payloadsOf(files, SUBMITTED, reasons)) {
            JsonNode payload = submitted.json();
            for (JsonNode file : payload.path("files")) {
                Bundle.ManifestEntry entry = new Bundle.ManifestEntry(payload.path("requestId").asText(),
                        payload.path("submissionId").asText(), file.path("fileId").asText(),
                        file.path("fileName").asText(), file.path("sizeBytes").asLong(), file.path("sha256").asText());
                expected.put(Bundle.evidenceFile(entry.requestId(), entry.fileId(), entry.fileName()), entry);
            }
        }
        int included = 0;
        int matching = 0;
        for (var file : expected.entrySet()) {
            BundleFiles.Digest digest = files.digests().get(file.getKey());
            if (digest == null) {
                continue;
            }
            included++;
            Bundle.ManifestEntry recorded = file.getValue();
            if (!digest.sha256().equals(recorded.sha256()) || digest.size() != recorded.sizeBytes()) {
                reasons.add("evidence file " + file.getKey() + " (file " + recorded.fileId() + " of request "
                        + recorded.requestId() + ") has SHA-256 " + digest.sha256() + " and " + digest.size()
                        + " bytes; its submission event records " + recorded.sha256() + " and "
                        + recorded.sizeBytes() + " bytes: the file was changed");
            } else {
                matching++;
            }
        }
        files.digests().keySet().stream().filter(n -> n.startsWith(Bundle.EVIDENCE_FILES) && !expected.containsKey(n))
                .sorted().forEach(n -> reasons.add(n + " is no file a submission event of the bundle records"));
        if (included == 0 && reasons.isEmpty()) {
            return Check.of(name, "none included: the bundle was exported without the files (" + expected.size()
                    + " recorded; the evidence manifest gives their SHA-256)", reasons);
        }
        return Check.of(name, matching + " of " + included + " included files match the SHA-256 and size their "
                + "submission events record" + (included < expected.size() ? "; " + (expected.size() - included)
                + " of the " + expected.size() + " recorded not included" : ""), reasons);
    }

    /**
     * Every file of the ZIP against the contents list audit-service signed at export: the report is written then, and
     * nothing in the chain covers it, so only this signature shows it unchanged (and no file added or taken out).
     */
    private static Check contents(BundleFiles files, String key, boolean pinned) {
        String name = "Bundle contents";
        byte[] listing = files.files().get(Bundle.CONTENTS);
        byte[] signature = files.files().get(Bundle.CONTENTS_SIGNATURE);
        if (listing == null || signature == null) {
            return Check.of(name, "no signed list of contents", List.of((listing == null ? Bundle.CONTENTS
                    : Bundle.CONTENTS_SIGNATURE) + " is missing: nothing shows the report (" + Bundle.REPORT_HTML
                    + ", " + Bundle.REPORT_PDF + ") unchanged since export"));
        }
        if (key == null) {
            return Check.notChecked(name, "there is no key to check its signature with (" + Bundle.CHECKPOINT
                    + " is missing or unreadable and no --public-key was given)");
        }
        String with = pinned ? "the key given with --public-key" : "the bundle's own key";
        Map<String, String> listed;
        try {
            listed = BundleContents.parse(listing);
        } catch (IllegalArgumentException e) {
            return Check.of(name, Bundle.CONTENTS + " is not readable", List.of(Bundle.CONTENTS + " " + e.getMessage()));
        }
        List<String> reasons = new ArrayList<>();
        boolean signed = Ed25519.verify(BundleContents.statement(listing),
                new String(signature, StandardCharsets.UTF_8), key);
        if (!signed) {
            reasons.add(Bundle.CONTENTS_SIGNATURE + " does not verify with " + with + " (fingerprint "
                    + fingerprint(key) + "): the list was changed after export, or signed with another key");
        }
        int matching = 0;
        for (var entry : listed.entrySet()) {
            BundleFiles.Digest digest = files.digests().get(entry.getKey());
            if (digest == null) {
                reasons.add(entry.getKey() + " is listed in " + Bundle.CONTENTS + " but missing from the bundle");
            } else if (!digest.sha256().equals(entry.getValue())) {
                reasons.add(entry.getKey() + " differs from the SHA-256 " + Bundle.CONTENTS + " lists for it (it has "
                        + digest.sha256() + "): it was changed after export");
            } else {
                matching++;
            }
        }
        for (String file : files.digests().keySet()) {
            if (!listed.containsKey(file) && !file.equals(Bundle.CONTENTS) && !file.equals(Bundle.CONTENTS_SIGNATURE)) {
                reasons.add(file + " is not in " + Bundle.CONTENTS + ": it was added after export");
            }
        }
        for (String report : List.of(Bundle.REPORT_HTML, Bundle.REPORT_PDF)) {
            if (!listed.containsKey(report)) {
                reasons.add(Bundle.CONTENTS + " does not list " + report);
            }
        }
        return Check.of(name, matching + " of " + listed.size() + " files (" + Bundle.REPORT_HTML + " and "
                + Bundle.REPORT_PDF + " among them) match the list " + (signed ? "signed" : "that does not verify")
                + " with " + with, reasons);
    }

    private record Payload(Bundle.Event event, JsonNode json) {
    }

    /** The payloads of the events of one type that are JSON; each other one is a reason to fail. */
    private static List<Payload> payloadsOf(BundleFiles files, String payloadType, List<String> reasons) {
        List<Payload> readable = new ArrayList<>();
        for (List<Bundle.Event> events : files.eventsByAggregate().values()) {
            for (Bundle.Event event : events) {
                if (!event.payloadType().equals(payloadType)) {
                    continue;
                }
                JsonNode json = payload(event);
                if (json == null) {
                    reasons.add("the payload of event " + event.eventId() + " is not readable JSON");
                } else {
                    readable.add(new Payload(event, json));
                }
            }
        }
        return readable;
    }

    private static JsonNode payload(Bundle.Event event) {
        try {
            return JSON.readTree(event.stored().payload());
        } catch (IOException e) {
            return null;
        }
    }

    private static String sha256(byte[] content) {
        try {
            return Bundle.hex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fingerprint(String publicKey) {
        try {
            return Checkpoint.fingerprint(publicKey);
        } catch (IllegalArgumentException e) {
            return "(not a Base64 key)";
        }
    }

    private static boolean isPublicKey(String base64) {
        try {
            KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return true;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
