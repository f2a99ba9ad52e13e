package org.compliance.audit.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
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
import org.compliance.audit.verifier.BundleContents;
import org.jboss.logging.Logger;

/**
 * A case as one ZIP an outside auditor can verify with the offline verifier alone: the events (NDJSON,
 * exactly as stored, with their chain hashes), the evidence manifest, the signed checkpoint covering them
 * with the public key, each aggregate's Merkle proof into the checkpoint, the formal notice PDFs of its
 * requests (fetched from evidence-service as the exporting auditor), when asked the evidence files themselves
 * (streamed from evidence-service, their SHA-256 checked on the way), a report for people (HTML and PDF), and the
 * list of all those files with their SHA-256, signed with the checkpoint key (decision 25).
 */
@ApplicationScoped
public class BundleExport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(BundleExport.class);

    /** The case's newest events are younger than the checkpoints' settle time: try again shortly. */
    public static final class NotYetCovered extends RuntimeException {
        NotYetCovered(long needed, long position) {
            super("The case's events reach global position " + needed + "; the newest checkpoint that can be "
                    + "taken now covers " + position + ". Try again in a few seconds.");
        }
    }

    /**
     * A bundle ready to be written: {@code report} with the evidence not yet streamed, {@code files} null when the
     * bundle is exported without the evidence files.
     */
    public record Prepared(String caseId, List<Bundle.Event> events, Bundle.SignedCheckpoint checkpoint,
                           List<Bundle.Proof> proofs, List<Bundle.ManifestEntry> manifest,
                           Map<String, byte[]> formalNotices, CaseReport report, EvidenceFileSource.Downloads files,
                           List<Bundle.Consistency> consistency) {
    }

    private final EventStoreReader store;
    private final Checkpoints checkpoints;
    private final FormalNoticeSource notices;
    private final EvidenceFileSource evidenceFiles;
    private final Audit audit;
    private final TimeTravel timeTravel;
    private final AccessLog access;
    private final Clock clock;

    public BundleExport(EventStoreReader store, Checkpoints checkpoints, FormalNoticeSource notices,
                        EvidenceFileSource evidenceFiles, Audit audit, TimeTravel timeTravel, AccessLog access,
                        Clock clock) {
        this.store = store;
        this.checkpoints = checkpoints;
        this.notices = notices;
        this.evidenceFiles = evidenceFiles;
        this.audit = audit;
        this.timeTravel = timeTravel;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Everything but the evidence files, read while the auditor's request is served; {@code withFiles}: the files are
     * to be streamed in when the bundle is written, downloaded as the auditor ({@code exportedBy}).
     */
    public Optional<Prepared> prepare(String caseId, boolean withFiles, String exportedBy)
            throws SQLException, IOException {
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
        // a new checkpoint only when the latest does not cover the case (taking one replaces the latest's leaves)
        Optional<Bundle.SignedCheckpoint> covering = checkpoints.latest().filter(c -> c.position() >= needed);
        Bundle.SignedCheckpoint checkpoint = covering.isPresent() ? covering.get() : checkpoints.take();
        if (checkpoint.position() < needed) {
            throw new NotYetCovered(needed, checkpoint.position());
        }
        CaseReport report = CaseReport.of(caseId, events, timeTravel.atPosition(caseId, needed).orElse(null),
                timeTravel.timeline(caseId).orElse(null), audit.verifyCase(caseId).orElseThrow(), checkpoint,
                clock.instant(), exportedBy, withFiles, access.allOfCase(caseId));
        return Optional.of(new Prepared(caseId, events, checkpoint, proofs(aggregates, checkpoint),
                manifest(events), formalNotices(events), report, withFiles ? evidenceFiles.asCaller() : null,
                consistency(checkpoint)));
    }

    /**
     * The proofs from every earlier checkpoint to the bundle's; none when the store no longer adds up to the bundle's
     * checkpoint (events were altered since it was signed): the bundle is still exported, so that its verification can
     * show where, and a verifier given a kept checkpoint finds no proof to it.
     */
    private List<Bundle.Consistency> consistency(Bundle.SignedCheckpoint checkpoint) throws SQLException {
        try {
            return checkpoints.consistencyFromEach(checkpoint);
        } catch (Checkpoints.LogAltered e) {
            LOG.warnf("Bundle exported without consistency proofs: %s", e.getMessage());
            return List.of();
        }
    }

    public void write(Prepared bundle, OutputStream target) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(target)) {
            Contents contents = new Contents(zip);
            contents.entry(Bundle.README, readme(bundle).getBytes(StandardCharsets.UTF_8));
            StringBuilder ndjson = new StringBuilder();
            for (Bundle.Event event : bundle.events()) {
                ndjson.append(JSON.writeValueAsString(event)).append('\n');
            }
            contents.entry(Bundle.EVENTS, ndjson.toString().getBytes(StandardCharsets.UTF_8));
            contents.entry(Bundle.MANIFEST, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(bundle.manifest()));
            contents.entry(Bundle.CHECKPOINT, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(bundle.checkpoint()));
            contents.entry(Bundle.PROOFS, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(bundle.proofs()));
            contents.entry(Bundle.PUBLIC_KEY, (bundle.checkpoint().publicKey() + "\n").getBytes(StandardCharsets.UTF_8));
            contents.entry(Bundle.CONSISTENCY, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(
                    bundle.consistency()));
            for (var notice : bundle.formalNotices().entrySet()) {
                contents.entry(Bundle.formalNotice(notice.getKey()), notice.getValue());
            }
            CaseReport report = bundle.report();
            if (bundle.files() != null) {
                List<CaseReport.Evidence> outcomes = new ArrayList<>();
                for (CaseReport.Evidence file : report.evidence()) {
                    outcomes.add(file.inBundle(streamed(contents, bundle.files(), file)));
                }
                report = report.withEvidence(outcomes);
            }
            contents.entry(Bundle.REPORT_HTML, ReportHtml.render(report));
            contents.entry(Bundle.REPORT_PDF, ReportPdf.render(report));
            byte[] listing = contents.listing();
            entry(zip, Bundle.CONTENTS, listing);
            entry(zip, Bundle.CONTENTS_SIGNATURE, checkpoints.signContents(listing).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Thrown by a read from evidence-service, as against a write to the auditor, who may have gone. */
    private static final class SourceBrokeOff extends IOException {
        SourceBrokeOff(IOException cause) {
            super(cause);
        }
    }

    /**
     * Streams one evidence file into the ZIP, hashing it on the way, and says what became of it (for the report). A
     * file that differs from its submission event stays in the bundle, named in the report, for the verifier to fail:
     * the bytes have already gone out, and the auditor is who should see them.
     */
    private static String streamed(Contents contents, EvidenceFileSource.Downloads files, CaseReport.Evidence file)
            throws IOException {
        String name = Bundle.evidenceFile(file.requestId(), file.fileId(), file.fileName());
        InputStream in;
        try {
            in = files.open(file.requestId(), file.fileId());
        } catch (IOException e) {
            String why = e.getMessage() != null ? e.getMessage() : "no answer: " + e.getClass().getSimpleName();
            LOG.warnf("Evidence file %s of request %s left out of the bundle: %s", file.fileId(), file.requestId(), why);
            return "not included: evidence-service could not give it (" + why + ")";
        }
        MessageDigest sha256 = sha256();
        long size = 0;
        boolean complete = true;
        contents.zip().putNextEntry(new ZipEntry(name));
        try (in) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = read(in, buffer); n >= 0; n = read(in, buffer)) {
                sha256.update(buffer, 0, n);
                contents.zip().write(buffer, 0, n);
                size += n;
            }
        } catch (SourceBrokeOff e) {
            complete = false;
            LOG.warnf("The download of evidence file %s of request %s broke off after %d bytes: %s", file.fileId(),
                    file.requestId(), size, e.getCause().getMessage());
        }
        contents.zip().closeEntry();
        String hash = Bundle.hex(sha256.digest());
        contents.add(name, hash);
        if (!complete) {
            return "INCOMPLETE: included as " + name + ", but the download broke off after " + size + " bytes";
        }
        if (!hash.equals(file.sha256()) || size != file.sizeBytes()) {
            LOG.errorf("Evidence file %s of request %s as evidence-service gives it (%d bytes, SHA-256 %s) differs "
                    + "from its submission event (%d bytes, SHA-256 %s)", file.fileId(), file.requestId(), size, hash,
                    file.sizeBytes(), file.sha256());
            return "DIFFERS FROM THE RECORD: included as " + name + "; evidence-service gave " + size + " bytes with "
                    + "SHA-256 " + hash + ", not what the submission event records";
        }
        return "included as " + name + "; SHA-256 checked on the way: matches the submission event";
    }

    private static int read(InputStream in, byte[] buffer) throws SourceBrokeOff {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            throw new SourceBrokeOff(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ZIP being written and each entry's SHA-256 so far: the contents list (sha256sum format). */
    private record Contents(ZipOutputStream zip, StringBuilder lines) {

        Contents(ZipOutputStream zip) {
            this(zip, new StringBuilder());
        }

        void entry(String name, byte[] content) throws IOException {
            BundleExport.entry(zip, name, content);
            add(name, Bundle.hex(sha256().digest(content)));
        }

        void add(String name, String sha256Hex) {
            lines.append(BundleContents.line(sha256Hex, name));
        }

        byte[] listing() {
            return lines.toString().getBytes(StandardCharsets.UTF_8);
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
            if (event.payloadType().equals(Bundle.EVIDENCE_SUBMITTED)) {
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
                   Their SHA-256 is covered by the submission events, and so by the chain.
                %s<request id>/<file id>-<name>  the evidence files themselves, when the bundle was exported
                   with them (?files=true), as evidence-service gave them, their SHA-256 checked on the way; the
                   report says of each whether it matched. Without them, download them from evidence-service.
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

                %s, %s  the report for people: the case, its history in words, its decisions, its evidence
                   with each file's SHA-256, and the verification at export (chains, checkpoint, the signing key's
                   fingerprint as the verifier prints it), and who looked at the case before this export (read
                   from audit-service's record of reads, which this bundle does not carry: the verifier does not
                   check that list). A reading aid: the proof is the rest of the bundle.
                %s  every other file of the bundle with its SHA-256, in the format of sha256sum
                   ("sha256sum -c %s" checks an extracted bundle).
                %s  audit-service's Ed25519 signature (Base64), with the checkpoint's key, over the text
                   "compliance-bundle-contents/1\n" followed by the bytes of %s: it holds the report and
                   the evidence files, which no event can, unchanged since export.

                This bundle: %d events, checkpoint at position %d, %s.
                """.formatted(bundle.caseId(), Bundle.EVENTS, Bundle.MANIFEST, Bundle.EVIDENCE_FILES, Bundle.CHECKPOINT,
                Bundle.PROOFS, Bundle.PUBLIC_KEY, Bundle.FORMAL_NOTICES, Bundle.REPORT_HTML, Bundle.REPORT_PDF,
                Bundle.CONTENTS, Bundle.CONTENTS, Bundle.CONTENTS_SIGNATURE, Bundle.CONTENTS, bundle.events().size(),
                bundle.checkpoint().position(), bundle.files() != null ? "with the evidence files"
                        : "without the evidence files");
    }
}
