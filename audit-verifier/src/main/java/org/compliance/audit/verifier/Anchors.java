package org.compliance.audit.verifier;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.compliance.audit.chain.LogTree;
import org.compliance.audit.chain.Timestamps;

/**
 * What holds a checkpoint beyond the operator's own key, checked the same way by audit-service and by the offline
 * verifier: the RFC 3161 time-stamps of outside authorities over its signed text, and its log's consistency with
 * earlier checkpoints that others may have kept.
 */
public final class Anchors {

    /** The default of how long after the moment a checkpoint claims its first time-stamp may be. */
    public static final Duration MAX_DELAY = Duration.ofHours(1);
    /** Clocks differ: a stamp this much before the claimed moment is still taken as at it. */
    private static final Duration SKEW = Duration.ofMinutes(2);

    /** One token's finding: its stamp when valid, else why not; {@code late} when stamped after the allowed delay. */
    public record Finding(String authority, Timestamps.Stamp stamp, String problem, boolean late) {

        public boolean valid() {
            return stamp != null && problem == null;
        }
    }

    private Anchors() {
    }

    /** Every token of the checkpoint, checked against {@code trusted} roots (none: the token's own certificate). */
    public static List<Finding> timestamps(Bundle.SignedCheckpoint checkpoint, List<X509Certificate> trusted,
                                           Duration maxDelay) {
        List<Finding> findings = new ArrayList<>();
        byte[] signed = checkpoint.checkpoint().signedBytes();
        Instant claimed = Instant.parse(checkpoint.createdAt());
        for (Bundle.TimestampToken token : checkpoint.timestamps()) {
            try {
                Timestamps.Stamp stamp = Timestamps.verify(Base64.getDecoder().decode(token.token()), signed, trusted);
                if (stamp.time().isBefore(claimed.minus(SKEW))) {
                    findings.add(new Finding(token.authority(), stamp, "stamped at " + stamp.time() + ", before the "
                            + "moment the checkpoint claims (" + claimed + "): the checkpoint's time is wrong", false));
                } else {
                    Duration delay = Duration.between(claimed, stamp.time());
                    findings.add(new Finding(token.authority(), stamp, null, delay.compareTo(maxDelay) > 0));
                }
            } catch (Timestamps.Invalid | IllegalArgumentException e) {
                findings.add(new Finding(token.authority(), null, e.getMessage(), false));
            }
        }
        return findings;
    }

    /**
     * Why the checkpoint is not anchored at the moment it claims, if it is not: no valid time-stamp at all, a token
     * that does not hold, or only stamps given later than {@code maxDelay} after that moment (as for a history
     * rewritten and signed again later: an authority stamps its own time, not the one the operator claims).
     */
    public static List<String> problems(List<Finding> findings, Bundle.SignedCheckpoint checkpoint, Duration maxDelay) {
        List<String> problems = new ArrayList<>();
        for (Finding finding : findings) {
            if (finding.problem() != null) {
                problems.add(finding.authority() + ": " + finding.problem());
            }
        }
        if (findings.stream().noneMatch(Finding::valid)) {
            problems.add("no valid time-stamp: the checkpoint's time rests on the operator's word alone");
        } else if (findings.stream().filter(Finding::valid).allMatch(Finding::late)) {
            Finding first = findings.stream().filter(Finding::valid)
                    .min((a, b) -> a.stamp().time().compareTo(b.stamp().time())).orElseThrow();
            problems.add("first time-stamped at " + first.stamp().time() + ", "
                    + describe(Duration.between(Instant.parse(checkpoint.createdAt()), first.stamp().time()))
                    + " after the moment the checkpoint claims (" + checkpoint.createdAt() + "; at most "
                    + describe(maxDelay) + " is allowed): it was signed later than it says");
        }
        return problems;
    }

    /**
     * Why {@code later} does not extend the log of {@code earlier} by {@code proof}, if it does not. Checkpoints of the
     * first form (no log) cannot be compared.
     */
    public static Optional<String> inconsistency(Bundle.SignedCheckpoint earlier, Bundle.SignedCheckpoint later,
                                                 List<String> proof) {
        if (earlier.logRoot() == null || later.logRoot() == null) {
            return Optional.of("checkpoint " + (earlier.logRoot() == null ? earlier : later).position()
                    + " does not sign the store as a log (taken before logs were signed)");
        }
        try {
            List<byte[]> hashes = proof.stream().map(Bundle::unhex).toList();
            if (LogTree.consistent(earlier.events(), Bundle.unhex(earlier.logRoot()), later.events(),
                    Bundle.unhex(later.logRoot()), hashes)) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException e) {
            return Optional.of("the proof is malformed: " + e.getMessage());
        }
        return Optional.of("checkpoint " + later.position() + " (" + later.events() + " events) does not extend "
                + "the log of checkpoint " + earlier.position() + " (" + earlier.events() + " events, root "
                + earlier.logRoot() + "): events it covered were changed, removed or reordered since");
    }

    static String describe(Duration duration) {
        if (duration.toDays() > 0) {
            return duration.toDays() + " d " + duration.toHoursPart() + " h";
        }
        if (duration.toHours() > 0) {
            return duration.toHours() + " h " + duration.toMinutesPart() + " min";
        }
        return duration.toMinutes() > 0 ? duration.toMinutes() + " min " + duration.toSecondsPart() + " s"
                : duration.toSeconds() + " s";
    }
}
