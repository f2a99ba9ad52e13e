package org.compliance.audit.verifier;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.compliance.audit.chain.ChainLink;
import org.compliance.audit.chain.StoredEvent;

/**
 * The files of a case bundle (a ZIP) and their JSON shapes; audit-service writes them, {@link VerifyBundle}
 * reads them. Binary values are Base64 (payload, metadata) or lower-case hex (hashes).
 */
public final class Bundle {

    public static final String README = "README.txt";
    public static final String EVENTS = "events.ndjson";
    public static final String MANIFEST = "evidence-manifest.json";
    public static final String CHECKPOINT = "checkpoint.json";
    public static final String PROOFS = "proofs.json";
    public static final String PUBLIC_KEY = "public-key.txt";
    public static final String CONSISTENCY = "consistency.json";
    /** The folder of formal notice PDFs, one per request issued as a notice: {@code formal-notices/<id>.pdf}. */
    public static final String FORMAL_NOTICES = "formal-notices/";
    /** The report for people (what the case went through, its evidence, the verification at export), two forms. */
    public static final String REPORT_HTML = "report.html";
    public static final String REPORT_PDF = "report.pdf";
    /** The folder of the evidence files, when the bundle was exported with them: {@link #evidenceFile}. */
    public static final String EVIDENCE_FILES = "evidence-files/";
    /** Every other file of the bundle with its SHA-256, and audit-service's signature over that list: {@link BundleContents}. */
    public static final String CONTENTS = "contents.sha256";
    public static final String CONTENTS_SIGNATURE = "contents.sig";
    public static final String REQUEST_ISSUED = "org.compliance.api.evidence.EvidenceRequestIssued";
    public static final String EVIDENCE_SUBMITTED = "org.compliance.api.evidence.EvidenceSubmitted";

    /** One line of events.ndjson: the stored event exactly, its chain link, and (to read) its payload type. */
    public record Event(long globalIndex, String eventId, String type, String aggregateId, long sequenceNumber,
                        String timeStamp, String payloadType, String payloadRevision, String payload,
                        String metaData, String hash, String previousHash) {

        public static Event of(StoredEvent e, ChainLink link) {
            return new Event(e.globalIndex(), e.eventId(), e.type(), e.aggregateId(), e.sequenceNumber(),
                    e.timeStamp(), e.payloadType(), e.payloadRevision(), Base64.getEncoder().encodeToString(e.payload()),
                    e.metaData() == null ? null : Base64.getEncoder().encodeToString(e.metaData()),
                    link == null ? null : hex(link.hash()), link == null || link.previousHash() == null ? null
                    : hex(link.previousHash()));
        }

        public StoredEvent stored() {
            return new StoredEvent(globalIndex, eventId, type, aggregateId, sequenceNumber, timeStamp, payloadType,
                    payloadRevision, Base64.getDecoder().decode(payload),
                    metaData == null ? null : Base64.getDecoder().decode(metaData));
        }

        public ChainLink link() {
            return hash == null ? null : new ChainLink(aggregateId, sequenceNumber, eventId, unhex(hash),
                    previousHash == null ? null : unhex(previousHash));
        }
    }

    /**
     * checkpoint.json: the checkpoint, its Ed25519 signature, the public key it verifies with, and the RFC 3161
     * time-stamps outside authorities gave its signed text. {@code events} and {@code logRoot} are absent from
     * checkpoints of the first form (before the store was signed as a log); {@code timestamps} may be empty.
     */
    public record SignedCheckpoint(long position, String createdAt, long aggregates, String root, String signature,
                                   String publicKey, Long events, String logRoot, List<TimestampToken> timestamps) {

        public SignedCheckpoint {
            timestamps = timestamps == null ? List.of() : List.copyOf(timestamps);
        }

        /** What was signed. */
        public org.compliance.audit.chain.Checkpoint checkpoint() {
            java.time.Instant at = java.time.Instant.parse(createdAt);
            return logRoot == null ? new org.compliance.audit.chain.Checkpoint(position, at, aggregates, root)
                    : new org.compliance.audit.chain.Checkpoint(position, at, aggregates, root,
                    events == null ? 0 : events, logRoot);
        }

        public SignedCheckpoint withTimestamps(List<TimestampToken> stamps) {
            return new SignedCheckpoint(position, createdAt, aggregates, root, signature, publicKey, events, logRoot,
                    stamps);
        }
    }

    /** An RFC 3161 time-stamp token (DER, Base64) over a checkpoint's signed text, and the authority asked. */
    public record TimestampToken(String authority, String token) {
    }

    /**
     * consistency.json: for each earlier checkpoint, the proof that the bundle's checkpoint extends its log
     * ({@link org.compliance.audit.chain.LogTree}), so that whoever kept any of them can check the bundle against it.
     */
    public record Consistency(long fromPosition, long fromEvents, String fromLogRoot, long toPosition, long toEvents,
                              String toLogRoot, List<String> proof) {
    }

    /** One entry of proofs.json: an aggregate's latest link at the checkpoint and its path to the root. */
    public record Proof(String aggregateId, long sequenceNumber, String hash, int leafIndex, List<Step> path) {
    }

    public record Step(String sibling, boolean left) {
    }

    /** One entry of evidence-manifest.json: a submitted file as its submission event records it. */
    public record ManifestEntry(String requestId, String submissionId, String fileId, String fileName,
                                long sizeBytes, String sha256) {
    }

    private Bundle() {
    }

    /** The entry of a request's formal notice PDF. */
    public static String formalNotice(String requestId) {
        return FORMAL_NOTICES + safe(requestId) + ".pdf";
    }

    /**
     * The entry of a submitted file: {@code evidence-files/<request>/<file id>-<name>}. The name is the company's, so
     * only letters, digits, '.', '-' and '_' are kept (no folder, no "..", at most 100 characters): a ZIP tool
     * extracting the bundle writes nothing outside its folder.
     */
    public static String evidenceFile(String requestId, String fileId, String fileName) {
        String name = fileName == null ? "" : fileName.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "_");
        if (name.length() > 100) {
            name = name.substring(name.length() - 100);
        }
        return EVIDENCE_FILES + safe(requestId) + "/" + safe(fileId) + "-" + name;
    }

    private static String safe(String id) {
        return String.valueOf(id).replaceAll("[^A-Za-z0-9-]", "_");
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    public static byte[] unhex(String text) {
        return HexFormat.of().parseHex(text);
    }
}
