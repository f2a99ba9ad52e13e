package org.compliance.audit.verifier;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.compliance.audit.chain.Checkpoint;
import org.compliance.audit.chain.Timestamps;

/**
 * Checks checkpoints someone kept, without the service:
 * <ul>
 *   <li>{@code checkpoint <checkpoint.json>}: its signature and its RFC 3161 time-stamps;</li>
 *   <li>{@code consistency <earlier.json> <later.json> <proof.json>}: both as above, and that the later one extends
 *       the earlier one's log by the proof ({@code GET /audit/checkpoints/consistency?from=..&to=..}).</li>
 * </ul>
 * Options: {@code --tsa-certificate <pem>} the authorities' trusted root(s) (else a token's own certificate, reported
 * by fingerprint), {@code --public-key <base64>} the regulator's published key (else each checkpoint's own),
 * {@code --max-delay <ISO-8601 duration>} how long after its claimed moment a checkpoint's first stamp may come
 * (default one hour). One line per check, then one verdict; exit code 0 when it holds, 1 when not, 2 when a file or
 * option cannot be read.
 */
public final class VerifyCheckpoints {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private VerifyCheckpoints() {
    }

    public static boolean handles(String command) {
        return command.equals("checkpoint") || command.equals("consistency");
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out));
    }

    /** Runs one command; answers the exit code. */
    public static int run(List<String> args, PrintStream out) {
        List<String> files = new ArrayList<>();
        List<X509Certificate> trusted = List.of();
        String key = null;
        Duration maxDelay = Anchors.MAX_DELAY;
        try {
            for (int i = 1; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--tsa-certificate" -> trusted = Timestamps.certificates(
                            Files.readAllBytes(Path.of(args.get(++i))));
                    case "--public-key" -> key = args.get(++i).trim();
                    case "--max-delay" -> maxDelay = Duration.parse(args.get(++i));
                    default -> files.add(arg);
                }
            }
            String command = args.isEmpty() ? "" : args.get(0);
            if (command.equals("checkpoint") && files.size() == 1) {
                Bundle.SignedCheckpoint checkpoint = read(Path.of(files.get(0)), Bundle.SignedCheckpoint.class);
                List<String> problems = checked("Checkpoint", checkpoint, key, trusted, maxDelay, out);
                return verdict(problems, out, "HOLDS: the checkpoint is signed and was time-stamped by an outside "
                        + "authority when it says", "DOES NOT HOLD");
            }
            if (command.equals("consistency") && files.size() == 3) {
                Bundle.SignedCheckpoint earlier = read(Path.of(files.get(0)), Bundle.SignedCheckpoint.class);
                Bundle.SignedCheckpoint later = read(Path.of(files.get(1)), Bundle.SignedCheckpoint.class);
                Bundle.Consistency proof = read(Path.of(files.get(2)), Bundle.Consistency.class);
                List<String> problems = new ArrayList<>();
                problems.addAll(checked("Earlier checkpoint (kept)", earlier, key, trusted, maxDelay, out));
                problems.addAll(checked("Later checkpoint", later, key, trusted, maxDelay, out));
                List<String> proofProblems = new ArrayList<>();
                if (proof.toPosition() != later.position() || !later.logRoot().equals(proof.toLogRoot())) {
                    proofProblems.add("the proof ends at another checkpoint (position " + proof.toPosition()
                            + ", root " + proof.toLogRoot() + ") than the later one");
                }
                if (proof.fromPosition() != earlier.position() || !String.valueOf(earlier.logRoot())
                        .equals(proof.fromLogRoot())) {
                    proofProblems.add("the proof starts from another log (position " + proof.fromPosition()
                            + ", root " + proof.fromLogRoot() + ") than the kept checkpoint's (root "
                            + earlier.logRoot() + ")");
                }
                Anchors.inconsistency(earlier, later, proof.proof()).ifPresent(proofProblems::add);
                line(out, "Consistency (RFC 9162 proof)", proofProblems.isEmpty()
                        ? "valid: checkpoint " + later.position() + " (" + later.events() + " events) extends "
                        + "checkpoint " + earlier.position() + " (" + earlier.events() + " events)" : null,
                        proofProblems);
                problems.addAll(proofProblems);
                return verdict(problems, out, "CONSISTENT: the later checkpoint extends the one kept, and both are "
                        + "signed and time-stamped when they say", "NOT CONSISTENT");
            }
            out.println("usage: java -jar audit-verifier.jar checkpoint <checkpoint.json> [options]");
            out.println("       java -jar audit-verifier.jar consistency <earlier.json> <later.json> <proof.json> "
                    + "[options]");
            out.println("options: --tsa-certificate <pem> --public-key <base64> --max-delay <PT1H>");
            return 2;
        } catch (IOException | Timestamps.Invalid | RuntimeException e) {
            out.println("Cannot be read: " + e.getMessage());
            return 2;
        }
    }

    private static List<String> checked(String what, Bundle.SignedCheckpoint checkpoint, String key,
                                        List<X509Certificate> trusted, Duration maxDelay, PrintStream out) {
        out.printf("%s: global position %d of %s, %s events, log root %s%n", what, checkpoint.position(),
                checkpoint.createdAt(), checkpoint.events(), checkpoint.logRoot());
        List<String> problems = new ArrayList<>();
        String with = key != null ? key : checkpoint.publicKey();
        if (!checkpoint.checkpoint().verify(checkpoint.signature(), with)) {
            problems.add(what + ": the signature does not verify with the key with fingerprint "
                    + Checkpoint.fingerprint(with));
        }
        line(out, what + " signature (Ed25519)", problems.isEmpty() ? "valid with the key with fingerprint "
                + Checkpoint.fingerprint(with) + (key != null ? " (given)" : " (the checkpoint's own)") : null, problems);
        List<Anchors.Finding> findings = Anchors.timestamps(checkpoint, trusted, maxDelay);
        List<String> stampProblems = Anchors.problems(findings, checkpoint, maxDelay).stream()
                .map(p -> what + ": " + p).toList();
        Optional<Anchors.Finding> first = findings.stream().filter(Anchors.Finding::valid)
                .min((a, b) -> a.stamp().time().compareTo(b.stamp().time()));
        line(out, what + " time-stamps (RFC 3161)", stampProblems.isEmpty() && first.isPresent()
                ? "valid: stamped at " + first.get().stamp().time() + " by " + first.get().stamp().authority()
                + " (certificate " + first.get().stamp().certificateFingerprint() + (trusted.isEmpty()
                ? ", not checked against a trusted root: give --tsa-certificate)" : ", under a trusted root)")
                : null, stampProblems);
        problems.addAll(stampProblems);
        return problems;
    }

    private static void line(PrintStream out, String check, String valid, List<String> problems) {
        if (problems.isEmpty()) {
            out.println(check + ": " + valid);
        } else {
            out.println(check + ": FAILED");
            problems.forEach(p -> out.println("  - " + p));
        }
    }

    private static int verdict(List<String> problems, PrintStream out, String holds, String fails) {
        if (problems.isEmpty()) {
            out.println(holds);
            return 0;
        }
        out.println(fails + ": " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + ": "
                + String.join("; ", problems));
        return 1;
    }

    private static <T> T read(Path file, Class<T> type) throws IOException {
        return JSON.readValue(file.toFile(), type);
    }
}
