package org.compliance.audit.verifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.compliance.audit.chain.ChainLink;
import org.compliance.audit.chain.Checkpoint;
import org.compliance.audit.chain.Ed25519;
import org.compliance.audit.chain.EventHash;
import org.compliance.audit.chain.MerkleTree;
import org.compliance.audit.chain.StoredEvent;

/**
 * A case bundle laid out as audit-service's BundleExport writes it, made from the shared chain functions without a
 * store: a case and one evidence request (issued as a formal notice, one submission with one file), and a checkpoint
 * signed over them and one aggregate of another case, so that each proof has a path to walk.
 */
final class TestBundle {

    static final String CASE = "case-1";
    static final String REQUEST = "req-1";
    static final byte[] NOTICE_PDF = "%PDF-1.7 formal notice of req-1".getBytes(StandardCharsets.UTF_8);
    /** The one evidence file, 1234 bytes. */
    static final byte[] FILE = "policy ".repeat(200).substring(0, 1234).getBytes(StandardCharsets.UTF_8);
    static final String FILE_SHA256 = Bundle.hex(sha256(FILE));
    static final String FILE_ENTRY = Bundle.evidenceFile(REQUEST, "f-1", "policy.pdf");
    static final byte[] REPORT_HTML = "<!DOCTYPE html><title>Case case-1</title><p>Market abuse".getBytes(
            StandardCharsets.UTF_8);
    static final byte[] REPORT_PDF = "%PDF-1.7 report of case-1".getBytes(StandardCharsets.UTF_8);

    private static final ObjectMapper JSON = new ObjectMapper();

    final KeyPair key = newKey();
    /** The events by aggregate, each chained; events of the case first. */
    final Map<String, List<StoredEvent>> events = new TreeMap<>();
    private long globalIndex;

    TestBundle() {
        add(CASE, "org.compliance.api.cases.CaseOpened", "{\"caseId\":\"case-1\",\"title\":\"Market abuse\"}");
        add(REQUEST, Bundle.REQUEST_ISSUED, "{\"requestId\":\"req-1\",\"caseId\":\"case-1\",\"formalNotice\":"
                + "{\"sha256\":\"" + Bundle.hex(sha256(NOTICE_PDF)) + "\"}}");
        add(CASE, "org.compliance.api.cases.CaseAssigned", "{\"caseId\":\"case-1\",\"investigator\":\"ivy\"}");
        add(REQUEST, VerifyBundle.SUBMITTED, "{\"requestId\":\"req-1\",\"submissionId\":\"sub-1\",\"files\":"
                + "[{\"fileId\":\"f-1\",\"fileName\":\"policy.pdf\",\"sizeBytes\":1234,\"sha256\":\""
                + FILE_SHA256 + "\"}]}");
    }

    /** Appends an event to an aggregate's chain, its hash computed as the store's trigger does. */
    void add(String aggregate, String payloadType, String payload) {
        List<StoredEvent> chain = events.computeIfAbsent(aggregate, k -> new ArrayList<>());
        chain.add(new StoredEvent(++globalIndex, aggregate + "-e" + chain.size(),
                aggregate.startsWith("case") ? "InvestigationCase" : "EvidenceRequest", aggregate, chain.size(),
                Instant.parse("2026-11-22T10:00:00Z").plusSeconds(globalIndex).toString(), payloadType, null,
                payload.getBytes(StandardCharsets.UTF_8), "{\"actorSubject\":\"ivy\"}".getBytes(StandardCharsets.UTF_8)));
    }

    /** The bundle's files, the checkpoint taken over the events as they are now. */
    Map<String, byte[]> files() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, ChainLink> heads = new TreeMap<>();
        StringBuilder ndjson = new StringBuilder();
        List<Bundle.Event> lines = new ArrayList<>();
        for (var chain : events.values()) {
            byte[] previous = null;
            for (StoredEvent event : chain) {
                byte[] hash = EventHash.of(event, previous);
                ChainLink link = new ChainLink(event.aggregateId(), event.sequenceNumber(), event.eventId(), hash,
                        previous);
                lines.add(Bundle.Event.of(event, link));
                heads.put(event.aggregateId(), link);
                previous = hash;
            }
        }
        lines.sort((a, b) -> Long.compare(a.globalIndex(), b.globalIndex()));
        for (Bundle.Event line : lines) {
            ndjson.append(JSON.writeValueAsString(line)).append('\n');
        }
        heads.put("case-0-other", new ChainLink("case-0-other", 4, "x", sha256(new byte[]{4}), null));
        List<ChainLink> leavesInOrder = new ArrayList<>(heads.values());
        List<byte[]> leaves = leavesInOrder.stream()
                .map(h -> MerkleTree.leaf(h.aggregateId(), h.sequenceNumber(), h.hash())).toList();
        Checkpoint checkpoint = new Checkpoint(globalIndex + 5, Instant.parse("2026-11-22T11:00:00Z"), leaves.size(),
                Bundle.hex(MerkleTree.root(leaves)));
        String publicKey = publicKey();
        Bundle.SignedCheckpoint signed = new Bundle.SignedCheckpoint(checkpoint.position(),
                checkpoint.createdAt().toString(), checkpoint.aggregates(), checkpoint.root(),
                checkpoint.sign(Base64.getEncoder().encodeToString(key.getPrivate().getEncoded())), publicKey, null, null,
                List.of());
        List<Bundle.Proof> proofs = new ArrayList<>();
        for (int i = 0; i < leavesInOrder.size(); i++) {
            ChainLink head = leavesInOrder.get(i);
            if (events.containsKey(head.aggregateId())) {
                proofs.add(new Bundle.Proof(head.aggregateId(), head.sequenceNumber(), Bundle.hex(head.hash()), i,
                        MerkleTree.proof(leaves, i).stream()
                                .map(s -> new Bundle.Step(Bundle.hex(s.sibling()), s.left())).toList()));
            }
        }
        files.put(Bundle.README, "Case bundle of case case-1\n".getBytes(StandardCharsets.UTF_8));
        files.put(Bundle.EVENTS, ndjson.toString().getBytes(StandardCharsets.UTF_8));
        files.put(Bundle.MANIFEST, JSON.writeValueAsBytes(List.of(new Bundle.ManifestEntry(REQUEST, "sub-1", "f-1",
                "policy.pdf", 1234, FILE_SHA256))));
        files.put(Bundle.CHECKPOINT, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(signed));
        files.put(Bundle.PROOFS, JSON.writeValueAsBytes(proofs));
        files.put(Bundle.PUBLIC_KEY, (publicKey + "\n").getBytes(StandardCharsets.UTF_8));
        files.put(Bundle.formalNotice(REQUEST), NOTICE_PDF);
        files.put(FILE_ENTRY, FILE);
        files.put(Bundle.REPORT_HTML, REPORT_HTML);
        files.put(Bundle.REPORT_PDF, REPORT_PDF);
        return signContents(files);
    }

    /** The files with their contents list and its signature written anew over them, as the export does. */
    Map<String, byte[]> signContents(Map<String, byte[]> files) {
        Map<String, byte[]> signed = new LinkedHashMap<>(files);
        signed.remove(Bundle.CONTENTS);
        signed.remove(Bundle.CONTENTS_SIGNATURE);
        StringBuilder listing = new StringBuilder();
        signed.forEach((name, content) -> listing.append(BundleContents.line(Bundle.hex(sha256(content)), name)));
        byte[] list = listing.toString().getBytes(StandardCharsets.UTF_8);
        signed.put(Bundle.CONTENTS, list);
        signed.put(Bundle.CONTENTS_SIGNATURE, Ed25519.sign(BundleContents.statement(list),
                Base64.getEncoder().encodeToString(key.getPrivate().getEncoded())).getBytes(StandardCharsets.UTF_8));
        return signed;
    }

    String publicKey() {
        return Base64.getEncoder().encodeToString(key.getPublic().getEncoded());
    }

    static String anotherPublicKey() {
        return Base64.getEncoder().encodeToString(newKey().getPublic().getEncoded());
    }

    static Path zip(Map<String, byte[]> files, Path directory, String name) throws IOException {
        Path bundle = directory.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bundle))) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return bundle;
    }

    /** The files with one event's payload changed after the fact (its recorded hash left as it was). */
    static Map<String, byte[]> withPayloadChanged(Map<String, byte[]> files, String eventId, String from, String to)
            throws IOException {
        StringBuilder ndjson = new StringBuilder();
        for (String line : new String(files.get(Bundle.EVENTS), StandardCharsets.UTF_8).split("\n")) {
            Bundle.Event e = JSON.readValue(line, Bundle.Event.class);
            if (e.eventId().equals(eventId)) {
                String payload = new String(Base64.getDecoder().decode(e.payload()), StandardCharsets.UTF_8);
                e = new Bundle.Event(e.globalIndex(), e.eventId(), e.type(), e.aggregateId(), e.sequenceNumber(),
                        e.timeStamp(), e.payloadType(), e.payloadRevision(), Base64.getEncoder().encodeToString(
                        payload.replace(from, to).getBytes(StandardCharsets.UTF_8)), e.metaData(), e.hash(),
                        e.previousHash());
            }
            ndjson.append(JSON.writeValueAsString(e)).append('\n');
        }
        Map<String, byte[]> changed = new LinkedHashMap<>(files);
        changed.put(Bundle.EVENTS, ndjson.toString().getBytes(StandardCharsets.UTF_8));
        return changed;
    }

    static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair newKey() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
