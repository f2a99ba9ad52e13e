package org.compliance.audit.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.compliance.audit.query.EventStoreReader;
import org.compliance.audit.chain.ChainLink;
import org.compliance.audit.chain.MerkleTree;
import org.compliance.audit.chain.StoredEvent;
import org.compliance.audit.verifier.Bundle;

/**
 * A case as one ZIP an outside auditor can verify with the offline verifier alone: the events (NDJSON,
 * exactly as stored, with their chain hashes), the evidence manifest, the signed checkpoint covering them
 * with the public key, each aggregate's Merkle proof into the checkpoint, and the formal notice PDFs of its
 * requests (fetched from evidence-service as the exporting auditor).
 */
@ApplicationScoped
public class BundleExport {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The case's newest events are younger than the checkpoints' settle time: try again shortly. */
    public static final class NotYetCovered extends RuntimeException {
        NotYetCovered(long needed, long position) {
            super("The case's events reach global position " + needed + "; the newest checkpoint that can be "
                    + "taken now covers " + position + ". Try again in a few seconds.");
        }
    }

    /** A bundle ready to be written. */
    public record Prepared(String caseId, List<Bundle.Event> events, Bundle.SignedCheckpoint checkpoint,
                           List<Bundle.Proof> proofs, List<Bundle.ManifestEntry> manifest,
                           Map<String, byte[]> formalNotices) {
    }

    private final EventStoreReader store;
    private final Checkpoints checkpoints;
    private final FormalNoticeSource notices;

    public BundleExport(EventStoreReader store, Checkpoints checkpoints, FormalNoticeSource notices) {
        this.store = store;
        this.checkpoints = checkpoints;
        this.notices = notices;
    }

    public Optional<Prepared> prepare(String caseId) throws SQLException, IOException {
        Set<String> aggregates = store.aggregatesOfCase(caseId);
        if (aggregates.isEmpty()) {
            return Optional.empty();
        }
        List<Bundle.Event> events = new ArrayList<>();
        for (String aggregate : aggregates) {
            Map<Long, ChainLink> links = new HashMap<>();
            store.links(aggregate).forEach(link -> links.put(link.sequenceNumber(), link));
            for (StoredEvent event : store.events(aggregate)) {
                events.add(Bundle.Event.of(event, links.get(event.sequenceNumber())));
            }
        }
        events.sort(Comparator.comparingLong(Bundle.Event::globalIndex));
        long needed = events.stream().mapToLong(Bundle.Event::globalIndex).max().orElse(0);
        Bundle.SignedCheckpoint checkpoint = checkpoints.latest().filter(c -> c.position() >= needed)
                .orElse(checkpoints.take());
        if (checkpoint.position() < needed) {
            throw new NotYetCovered(needed, checkpoint.position());
        }
        return Optional.of(new Prepared(caseId, events, checkpoint, proofs(aggregates, checkpoint),
                manifest(events), formalNotices(events)));
    }

    public void write(Prepared bundle, OutputStream target) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(target)) {
            entry(zip, Bundle.README, readme(bundle).getBytes(StandardCharsets.UTF_8));
            StringBuilder ndjson = new StringBuilder();
            for (Bundle.Event event : bundle.events()) {
                ndjson.append(JSON.writeValueAsString(event)).append('\n');
            }
            entry(zip, Bundle.EVENTS, ndjson.toString().getBytes(StandardCharsets.UTF_8));
            entry(zip, Bundle.MANIFEST, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(bundle.manifest()));
            entry(zip, Bundle.CHECKPOINT, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(bundle.checkpoint()));
            entry(zip, Bundle.PROOFS, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(bundle.proofs()));
            entry(zip, Bundle.PUBLIC_KEY, (bundle.checkpoint().publicKey() + "\n").getBytes(StandardCharsets.UTF_8));
            for (var notice : bundle.formalNotices().entrySet()) {
                entry(zip, Bundle.formalNotice(notice.getKey()), notice.getValue());
            }
        }
    }

    private List<Bundle.Proof> proofs(Set<String> aggregates, Bundle.SignedCheckpoint checkpoint) throws SQLException {
        List<EventStoreReader.Head> heads = checkpoints.signedLeaves(checkpoint);
        List<byte[]> leaves = heads.stream()
                .map(h -> MerkleTree.leaf(h.aggregateId(), h.sequenceNumber(), h.hash())).toList();
        List<Bundle.Proof> proofs = new ArrayList<>();
        for (int i = 0; i < heads.size(); i++) {
            EventStoreReader.Head head = heads.get(i);
            if (aggregates.contains(head.aggregateId())) {
                proofs.add(new Bundle.Proof(head.aggregateId(), head.sequenceNumber(), Bundle.hex(head.hash()), i,
                        MerkleTree.proof(leaves, i).stream()
                                .map(s -> new Bundle.Step(Bundle.hex(s.sibling()), s.left())).toList()));
            }
        }
        return proofs;
    }

    private static List<Bundle.ManifestEntry> manifest(List<Bundle.Event> events) throws IOException {
        List<Bundle.ManifestEntry> manifest = new ArrayList<>();
        for (Bundle.Event event : events) {
            if (event.payloadType().equals("org.compliance.api.evidence.EvidenceSubmitted")) {
                JsonNode payload = JSON.readTree(event.stored().payload());
                for (JsonNode file : payload.path("files")) {
                    manifest.add(new Bundle.ManifestEntry(payload.path("requestId").asText(),
                            payload.path("submissionId").asText(), file.path("fileId").asText(),
                            file.path("fileName").asText(), file.path("sizeBytes").asLong(),
                            file.path("sha256").asText()));
                }
            }
        }
        return manifest;
    }

    /** The formal notice PDFs of the case's requests that were issued as notices, by request id. */
    private Map<String, byte[]> formalNotices(List<Bundle.Event> events) throws IOException {
        Map<String, byte[]> pdfs = new LinkedHashMap<>();
        for (Bundle.Event event : events) {
            if (event.payloadType().equals(Bundle.REQUEST_ISSUED)) {
                JsonNode payload = JSON.readTree(event.stored().payload());
                if (payload.path("formalNotice").isObject()) {
                    String requestId = payload.path("requestId").asText();
                    notices.pdf(requestId).ifPresent(pdf -> pdfs.put(requestId, pdf));
                }
            }
        }
        return pdfs;
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static String readme(Prepared bundle) {
        return """
                Case bundle of case %s
                =======================

                Verify it offline (Java 17 or newer):
                   java -jar audit-verifier.jar <this file>.zip --public-key <base64>
                with the key the regulator publishes (GET /audit/checkpoints/public-key on audit-service); without
                --public-key, compare the key fingerprint it prints with the published one. Exit code 0 and a last
                line VERIFIED: the bundle is intact; 1 and NOT VERIFIED: it is not (each failed check says where).

                %s  one event per line, in commit order, exactly as stored: globalIndex, eventId, type
                   (aggregate type), aggregateId, sequenceNumber, timeStamp, payloadType, payloadRevision,
                   payload and metaData (Base64 of the stored JSON bytes), hash and previousHash (hex).
                   hash = SHA-256 over event id, type, aggregate id, sequence number (decimal), time stamp,
                   payload type, payload revision ('' when absent), payload, metadata (empty when absent) and
                   the previous hash (empty for sequence number 0), each preceded by its length as a 4-byte
                   big-endian integer; text in UTF-8.
                %s  the files the submissions recorded (request, submission, file id and name, size, SHA-256).
                   The files themselves are downloaded from evidence-service; their SHA-256 is covered by the
                   submission events, and so by the chain.
                %s  the checkpoint: at global position P, the Merkle root over the latest hash of every
                   aggregate in the store, signed with Ed25519 over the text
                   "compliance-checkpoint/1\\n<position>\\n<createdAt>\\n<aggregates>\\n<root>".
                %s  for each aggregate of the case: its leaf (aggregate id, sequence number, hash), its index,
                   and the audit path to the root. Leaf = SHA-256(0x00 | len|aggregate id | len|sequence
                   number | len|hash); node = SHA-256(0x01 | left | right); an odd node moves up unchanged.
                %s  the public key (X.509, Base64) the checkpoint verifies with.
                %s<request id>.pdf  each formal information notice of the case's requests, as evidence-service
                   keeps it; its SHA-256 is in the request's EvidenceRequestIssued event (formalNotice.sha256), and
                   so covered by the chain. Its signature (formalNotice.signature, Ed25519 with evidence-service's
                   receipt key, GET /receipts/public-key) covers "compliance-formal-notice/1\\n<request id>\\n<sha256>".

                This bundle: %d events, checkpoint at position %d.
                """.formatted(bundle.caseId(), Bundle.EVENTS, Bundle.MANIFEST, Bundle.CHECKPOINT, Bundle.PROOFS,
                Bundle.PUBLIC_KEY, Bundle.FORMAL_NOTICES, bundle.events().size(), bundle.checkpoint().position());
    }
}
