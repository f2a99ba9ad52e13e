package org.compliance.audit.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.compliance.audit.chain.ChainCheck;
import org.compliance.audit.chain.ChainLink;
import org.compliance.audit.chain.Checkpoint;
import org.compliance.audit.chain.MerkleTree;
import org.compliance.audit.chain.StoredEvent;

/**
 * Checks a case bundle offline, six checks each printed as its own line (valid, FAILED with every reason and
 * where, or not checked and why), then one verdict: VERIFIED only when all six are valid.
 * <ol>
 *   <li>Bundle files: events, checkpoint, proofs and manifest are present and readable.</li>
 *   <li>Hash chains: every event against its hash chain (what audit-service's verification recomputes).</li>
 *   <li>Checkpoint signature: Ed25519, with the key given with {@code --public-key}, else the bundle's own.</li>
 *   <li>Merkle proofs: each aggregate's last event is the leaf the signed checkpoint holds for it (as the service
 *       checks that the store still ends where the checkpoint signed it); not checked without a valid signature.</li>
 *   <li>Evidence manifest: against the submission events.</li>
 *   <li>Formal notices: each PDF against the SHA-256 in its request's issue event.</li>
 * </ol>
 * Usage: {@code java -jar audit-verifier.jar case-bundle.zip [--public-key <base64>]}; exit code 0 when the
 * bundle verifies, 1 when it does not, 2 when it (or the key given) cannot be read. Runs on Java 17.
 */
public final class VerifyBundle {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SUBMITTED = "org.compliance.api.evidence.EvidenceSubmitted";

    private final PrintStream out;

    public VerifyBundle(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        if (args.length > 0 && VerifyCheckpoints.handles(args[0])) {
            VerifyCheckpoints.main(args);
            return;
        }
        if (args.length != 1 && !(args.length == 3 && args[1].equals("--public-key"))) {
            System.err.println("usage: java -jar audit-verifier.jar case-bundle.zip [--public-key <base64>]");
            System.exit(2);
        }
        String pinned = args.length == 3 ? args[2].trim() : null;
        if (pinned != null && !isPublicKey(pinned)) {
            System.err.println("The key given with --public-key is not an Ed25519 public key (X.509, Base64), as "
                    + "GET /audit/checkpoints/public-key publishes it");
            System.exit(2);
        }
        try {
            boolean ok = new VerifyBundle(System.out).verify(Path.of(args[0]), pinned);
            System.exit(ok ? 0 : 1);
        } catch (IOException | RuntimeException e) {
            System.err.println("The bundle cannot be read: " + e.getMessage());
            System.exit(2);
        }
    }

    /** True when every check is valid. */
    public boolean verify(Path bundle, String pinnedPublicKey) throws IOException {
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
