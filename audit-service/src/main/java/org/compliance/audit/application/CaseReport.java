package org.compliance.audit.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.compliance.api.audit.EventKinds;
import org.compliance.api.audit.ReadKinds;
import org.compliance.api.audit.Who;
import org.compliance.api.audit.views.Access;
import org.compliance.api.audit.views.AsOf;
import org.compliance.api.audit.views.CaseTimeline;
import org.compliance.api.audit.views.HistoryEntry;
import org.compliance.api.audit.views.Verification;
import org.compliance.api.cases.CaseDocument;
import org.compliance.api.cases.DecisionIssued;
import org.compliance.api.cases.Respondent;
import org.compliance.audit.chain.Checkpoint;
import org.compliance.audit.verifier.Bundle;

/**
 * What a bundle's report tells a person (report.html and report.pdf say the same): the case as it stood at export,
 * its history in words (the kinds of event as {@link EventKinds} words them, who by name and role as {@link Who}
 * names them, as the portal does), its decisions, its evidence with each file's SHA-256 and what became of it in the
 * bundle, and the verification as of export (the chain, the checkpoint, the key's fingerprint as the verifier prints
 * it). Nothing here is new knowledge: every fact is read from the events the bundle carries, by the same folds and
 * words the API and the portal use; but for who looked ({@link Read}): the case's reads are events of their own
 * aggregate (decision 28), which the bundle does not carry, so the report says so of them.
 */
public record CaseReport(String caseId, String title, String authority, String status, List<String> legalBases,
                         List<String> respondents, Instant exportedAt, String exportedBy, List<HistoryLine> history,
                         List<Decision> decisions, List<Evidence> evidence, boolean filesAsked, Proof proof,
                         List<Read> reads) {

    /**
     * A recorded read of the case before the export, as "who looked" gives it: when, who by name, what they looked at in
     * words and its detail; {@code onRecord} and {@code intact} as {@link org.compliance.api.audit.views.Access} has
     * them.
     */
    public record Read(Instant at, String who, String what, String detail, boolean onRecord, boolean intact) {

        static Read of(Access access) {
            return new Read(access.accessedAt(), access.userName() != null ? access.userName()
                    : access.userId() != null ? access.userId() : "someone unnamed", ReadKinds.inWords(access.what()),
                    access.detail(), access.onRecord(), access.intact());
        }
    }

    /** One event: when, its place in the store, what happened in words, to what, and who did it. */
    public record HistoryLine(Instant at, long position, String what, String concerning, String who) {
    }

    /** A decision issued; {@code addressee} "the whole case" when it is to all respondents. */
    public record Decision(String kind, String addressee, String reasons, String penalty, String decidedBy, Instant at) {
    }

    /** A submitted file, as its submission event records it, and what became of it in this bundle. */
    public record Evidence(String requestId, String subject, String fileId, String fileName, long sizeBytes,
                           String sha256, String submittedBy, Instant submittedAt, String inBundle) {

        Evidence inBundle(String outcome) {
            return new Evidence(requestId, subject, fileId, fileName, sizeBytes, sha256, submittedBy, submittedAt,
                    outcome);
        }
    }

    /**
     * The verification at export: audit-service's own check of the case's chains in the store, and the checkpoint the
     * bundle carries with the fingerprint (SHA-256 of the public key, hex) the verifier prints.
     */
    public record Proof(boolean chainsIntact, String chainProblem, long events, long aggregates,
                        Boolean checkpointMatches, long checkpointPosition, String checkpointCreatedAt,
                        String checkpointRoot, String keyFingerprint) {
    }

    /** What the report says of a file when the bundle was exported without the files. */
    static final String NOT_ASKED = "not included (exported without the files)";

    CaseReport withEvidence(List<Evidence> outcomes) {
        return new CaseReport(caseId, title, authority, status, legalBases, respondents, exportedAt, exportedBy,
                history, decisions, List.copyOf(outcomes), filesAsked, proof, reads);
    }

    /** The facts from the bundle's events, the case as it stood at its last event, its timeline and the verification. */
    static CaseReport of(String caseId, List<Bundle.Event> events, AsOf state, CaseTimeline timeline,
                         Verification verification, Bundle.SignedCheckpoint checkpoint, Instant exportedAt,
                         String exportedBy, boolean filesAsked, List<Access> reads) {
        CaseDocument file = state == null ? null : state.caseFile();
        Map<String, String> subjects = new HashMap<>();
        if (timeline != null) {
            timeline.requests().forEach(r -> subjects.put(r.requestId(), r.subject()));
        }
        List<HistoryLine> history = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        for (Bundle.Event event : events) {
            HistoryEntry entry = Audit.entry(event.stored());
            String concerning = entry.aggregateId().equals(caseId) ? "the case"
                    : "evidence request \"" + subjects.getOrDefault(entry.aggregateId(), entry.aggregateId()) + "\"";
            String who = Who.of(entry);
            history.add(new HistoryLine(entry.time(), entry.position(), EventKinds.inWords(entry.type()), concerning,
                    who));
            if (event.payloadType().equals(Bundle.EVIDENCE_SUBMITTED) && entry.payload().get("files") instanceof List<?> files) {
                for (Object f : files) {
                    if (f instanceof Map<?, ?> fileOf) {
                        evidence.add(new Evidence(entry.aggregateId(), subjects.getOrDefault(entry.aggregateId(),
                                entry.aggregateId()), text(fileOf.get("fileId")), text(fileOf.get("fileName")),
                                fileOf.get("sizeBytes") instanceof Number n ? n.longValue() : -1,
                                text(fileOf.get("sha256")), who, entry.time(), NOT_ASKED));
                    }
                }
            }
        }
        List<Decision> decisions = new ArrayList<>();
        if (file != null) {
            for (DecisionIssued d : file.decisions) {
                decisions.add(new Decision(code(d.kind()), d.addresseeOrganisationAlias() == null ? "the whole case"
                        : d.addresseeOrganisationAlias(), d.reasons(), d.monetaryPenalty() == null ? null
                        : d.monetaryPenalty().currency() + " " + d.monetaryPenalty().amount().toPlainString(),
                        d.decidedBy() == null ? null : d.decidedBy().name(), d.issuedAt()));
            }
        }
        Verification.ChainProblem problem = verification.firstProblem();
        Proof proof = new Proof(verification.intact(), problem == null ? null : problem.aggregateId() + " at sequence "
                + "number " + problem.sequenceNumber() + " (event " + problem.eventId() + "): " + problem.reason(),
                verification.events(), verification.aggregates(), verification.checkpointMatches(),
                checkpoint.position(), checkpoint.createdAt(), checkpoint.root(),
                Checkpoint.fingerprint(checkpoint.publicKey()));
        return new CaseReport(caseId, file == null ? caseId : file.title, file == null ? null : file.authority,
                file == null || file.status == null ? null : code(file.status),
                file == null ? List.of() : List.copyOf(file.legalBases),
                file == null ? List.of() : file.respondents.stream().map(Respondent::name).toList(),
                exportedAt, exportedBy, history, decisions, evidence, filesAsked, proof,
                reads.stream().filter(a -> !a.accessedAt().isAfter(exportedAt)).map(Read::of).toList());
    }

    /** MONETARY_PENALTY as "Monetary penalty". */
    private static String code(Enum<?> code) {
        String words = code.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
