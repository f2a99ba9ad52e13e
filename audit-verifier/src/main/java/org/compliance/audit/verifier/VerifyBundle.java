package org.compliance.audit.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.compliance.audit.chain.ChainCheck;
import org.compliance.audit.chain.ChainLink;
import org.compliance.audit.chain.Checkpoint;
import org.compliance.audit.chain.MerkleTree;
import org.compliance.audit.chain.StoredEvent;

/**
 * Checks a case bundle offline: every event against its hash chain, every aggregate's latest link against
 * the signed checkpoint through its Merkle proof, the checkpoint's signature, the evidence manifest
 * against the submission events, and each formal notice PDF against the SHA-256 in its request's issue event. Prints what it verified and the first failure of each kind, with where.
 * Usage: {@code java -jar audit-verifier.jar case-bundle.zip [--public-key <base64>]}; exit code 0 when the
 * bundle verifies, 1 when it does not, 2 when it cannot be read.
 */
public final class VerifyBundle {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final List<String> failures = new ArrayList<>();

    public VerifyBundle(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        if (args.length != 1 && !(args.length == 3 && args[1].equals("--public-key"))) {
            System.err.println("usage: java -jar audit-verifier.jar case-bundle.zip [--public-key <base64>]");
            System.exit(2);
        }
        try {
            boolean ok = new VerifyBundle(System.out).verify(Path.of(args[0]), args.length == 3 ? args[2] : null);
            System.exit(ok ? 0 : 1);
        } catch (IOException | RuntimeException e) {
            System.err.println("The bundle cannot be read: " + e.getMessage());
            System.exit(2);
        }
    }

    /** True when everything verifies. */
    public boolean verify(Path bundle, String pinnedPublicKey) throws IOException {
        Map<String, byte[]> files = read(bundle);
        for (String name : List.of(Bundle.EVENTS, Bundle.CHECKPOINT, Bundle.PROOFS, Bundle.MANIFEST)) {
            if (!files.containsKey(name)) {
                throw new IOException(name + " is missing from " + bundle);
            }
        }
        Map<String, List<Bundle.Event>> byAggregate = events(files.get(Bundle.EVENTS));
        chains(byAggregate);
        Bundle.SignedCheckpoint signed = JSON.readValue(files.get(Bundle.CHECKPOINT), Bundle.SignedCheckpoint.class);
        signature(signed, pinnedPublicKey);
        proofs(JSON.readValue(files.get(Bundle.PROOFS), Bundle.Proof[].class), signed, byAggregate);
        manifest(JSON.readValue(files.get(Bundle.MANIFEST), Bundle.ManifestEntry[].class), byAggregate);
        formalNotices(files, byAggregate);
        out.println(failures.isEmpty() ? "VERIFIED: the bundle is intact and signed by the key above"
                : "NOT VERIFIED: " + failures.size() + " failure(s)");
        return failures.isEmpty();
    }

    private Map<String, List<Bundle.Event>> events(byte[] ndjson) throws IOException {
        Map<String, List<Bundle.Event>> byAggregate = new LinkedHashMap<>();
        String[] lines = new String(ndjson, StandardCharsets.UTF_8).split("\n");
        int count = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                Bundle.Event event = JSON.readValue(lines[i], Bundle.Event.class);
                event.stored();
                byAggregate.computeIfAbsent(event.aggregateId(), k -> new ArrayList<>()).add(event);
                count++;
            } catch (IOException | IllegalArgumentException e) {
                fail(Bundle.EVENTS + " line " + (i + 1) + " is not a readable event: " + e.getMessage());
            }
        }
        out.printf("Read %d events of %d aggregates from %s%n", count, byAggregate.size(), Bundle.EVENTS);
        return byAggregate;
    }

    private void chains(Map<String, List<Bundle.Event>> byAggregate) {
        int intact = 0;
        for (var entry : byAggregate.entrySet()) {
            List<StoredEvent> events = entry.getValue().stream().map(Bundle.Event::stored).toList();
            List<ChainLink> links = entry.getValue().stream().map(Bundle.Event::link).filter(l -> l != null).toList();
            var problem = ChainCheck.of(entry.getKey(), events, links);
            if (problem.isPresent()) {
                var p = problem.get();
                fail("hash chain of " + p.aggregateId() + " broken at sequence number " + p.sequenceNumber()
                        + " (event " + p.eventId() + ", global position " + p.globalIndex() + "): " + p.reason());
            } else {
                intact++;
            }
        }
        out.printf("Hash chains: %d of %d aggregates intact%n", intact, byAggregate.size());
    }

    private void signature(Bundle.SignedCheckpoint signed, String pinned) {
        Checkpoint checkpoint = new Checkpoint(signed.position(), Instant.parse(signed.createdAt()),
                signed.aggregates(), signed.root());
        out.printf("Checkpoint at global position %d of %s, %d aggregates, root %s%n", signed.position(),
                signed.createdAt(), signed.aggregates(), signed.root());
        out.printf("Signing key fingerprint (SHA-256): %s%n", Checkpoint.fingerprint(signed.publicKey()));
        if (pinned != null && !pinned.equals(signed.publicKey())) {
            fail("the checkpoint is signed with another key than the one given with --public-key");
        }
        if (checkpoint.verify(signed.signature(), signed.publicKey())) {
            out.println("Checkpoint signature (Ed25519): valid");
        } else {
            fail("the checkpoint's signature does not verify with its public key (" + Bundle.CHECKPOINT + ")");
        }
    }

    private void proofs(Bundle.Proof[] proofs, Bundle.SignedCheckpoint checkpoint,
                        Map<String, List<Bundle.Event>> byAggregate) {
        Set<String> proven = new LinkedHashSet<>();
        for (Bundle.Proof proof : proofs) {
            Bundle.Event event = byAggregate.getOrDefault(proof.aggregateId(), List.of()).stream()
                    .filter(e -> e.sequenceNumber() == proof.sequenceNumber()).findFirst().orElse(null);
            if (event == null || event.hash() == null || !event.hash().equals(proof.hash())) {
                fail("the checkpoint's leaf for " + proof.aggregateId() + " (sequence number "
                        + proof.sequenceNumber() + ") does not match the bundle's events");
                continue;
            }
            byte[] leaf = MerkleTree.leaf(proof.aggregateId(), proof.sequenceNumber(), Bundle.unhex(proof.hash()));
            byte[] root = MerkleTree.rootFrom(leaf, proof.path().stream()
                    .map(s -> new MerkleTree.Step(Bundle.unhex(s.sibling()), s.left())).toList());
            if (!Arrays.equals(root, Bundle.unhex(checkpoint.root()))) {
                fail("the Merkle proof of " + proof.aggregateId() + " does not lead to the checkpoint's root");
                continue;
            }
            proven.add(proof.aggregateId());
        }
        for (String aggregate : byAggregate.keySet()) {
            if (!proven.contains(aggregate)) {
                fail("aggregate " + aggregate + " has no valid proof that the checkpoint covers it");
            }
        }
        out.printf("Merkle proofs: %d of %d aggregates proven in the checkpoint%n", proven.size(), byAggregate.size());
    }

    private void manifest(Bundle.ManifestEntry[] manifest, Map<String, List<Bundle.Event>> byAggregate) {
        Map<String, Bundle.ManifestEntry> recorded = new HashMap<>();
        for (var events : byAggregate.values()) {
            for (Bundle.Event event : events) {
                if (event.payloadType().equals("org.compliance.api.evidence.EvidenceSubmitted")) {
                    JsonNode payload;
                    try {
                        payload = JSON.readTree(event.stored().payload());
                    } catch (IOException e) {
                        fail("the payload of event " + event.eventId() + " is not readable JSON");
                        continue;
                    }
                    for (JsonNode file : payload.path("files")) {
                        recorded.put(file.path("fileId").asText(), new Bundle.ManifestEntry(
                                payload.path("requestId").asText(), payload.path("submissionId").asText(),
                                file.path("fileId").asText(), file.path("fileName").asText(),
                                file.path("sizeBytes").asLong(), file.path("sha256").asText()));
                    }
                }
            }
        }
        int matching = 0;
        for (Bundle.ManifestEntry entry : manifest) {
            if (entry.equals(recorded.get(entry.fileId()))) {
                matching++;
            } else {
                fail("evidence manifest entry " + entry.fileId() + " (" + entry.fileName() + ") differs from what "
                        + "its submission event records");
            }
        }
        if (manifest.length != recorded.size()) {
            fail("the evidence manifest lists " + manifest.length + " files, the submission events "
                    + recorded.size());
        }
        out.printf("Evidence manifest: %d of %d files match their submission events (SHA-256 and size)%n",
                matching, recorded.size());
    }

    /** Each formal notice PDF against the SHA-256 its request's issue event records (and so the chain covers). */
    private void formalNotices(Map<String, byte[]> files, Map<String, List<Bundle.Event>> byAggregate) {
        Set<String> expected = new LinkedHashSet<>();
        int matching = 0;
        for (var events : byAggregate.values()) {
            for (Bundle.Event event : events) {
                if (!event.payloadType().equals(Bundle.REQUEST_ISSUED)) {
                    continue;
                }
                JsonNode payload;
                try {
                    payload = JSON.readTree(event.stored().payload());
                } catch (IOException e) {
                    fail("the payload of event " + event.eventId() + " is not readable JSON");
                    continue;
                }
                JsonNode notice = payload.path("formalNotice");
                if (!notice.isObject()) {
                    continue;
                }
                String requestId = payload.path("requestId").asText();
                String entry = Bundle.formalNotice(requestId);
                expected.add(entry);
                byte[] pdf = files.get(entry);
                if (pdf == null) {
                    fail("the formal notice of request " + requestId + " is missing from the bundle (" + entry + ")");
                } else if (!sha256(pdf).equals(notice.path("sha256").asText())) {
                    fail("the formal notice of request " + requestId + " (" + entry + ") differs from the SHA-256 "
                            + "its issue event records (event " + event.eventId() + ")");
                } else {
                    matching++;
                }
            }
        }
        files.keySet().stream().filter(name -> name.startsWith(Bundle.FORMAL_NOTICES) && !expected.contains(name))
                .sorted().forEach(name -> fail(name + " is the formal notice of no request issued in the bundle"));
        out.printf("Formal notices: %d of %d match the SHA-256 their issue events record%n", matching,
                expected.size());
    }

    private static String sha256(byte[] content) {
        try {
            return Bundle.hex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void fail(String failure) {
        failures.add(failure);
        out.println("FAILED: " + failure);
    }

    private static Map<String, byte[]> read(Path bundle) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (InputStream in = Files.newInputStream(bundle); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        }
        return files;
    }
}
