package org.compliance.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.compliance.api.audit.views.CheckpointVerification;
import org.compliance.audit.chain.Timestamps;
import org.compliance.audit.verifier.Anchors;
import org.compliance.audit.verifier.Bundle;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks a stored checkpoint as the offline verifier checks a bundle's (the same {@link Anchors}): its signature, its
 * time-stamps against the authorities' trusted roots ({@code compliance.audit.timestamp-trust}), and that the store as
 * it is now still extends the log of the checkpoint before it.
 */
@ApplicationScoped
public class CheckpointVerifier {

    private final Checkpoints checkpoints;
    private final List<X509Certificate> trusted;
    private final Duration maxDelay;

    public CheckpointVerifier(Checkpoints checkpoints,
                              @ConfigProperty(name = "compliance.audit.timestamp-trust") Optional<String> trust,
                              @ConfigProperty(name = "compliance.audit.timestamp-max-delay") Duration maxDelay) {
        this.checkpoints = checkpoints;
        this.trusted = trust.filter(path -> !path.isBlank())
                .map(path -> readCertificates(Path.of(path))).orElse(List.of());
        this.maxDelay = maxDelay;
    }

    private static List<X509Certificate> readCertificates(Path pem) {
        try {
            return Timestamps.certificates(Files.readAllBytes(pem));
        } catch (IOException | Timestamps.Invalid e) {
            throw new IllegalStateException("compliance.audit.timestamp-trust: cannot read the authorities' roots "
                    + "from " + pem + ": " + e.getMessage(), e);
        }
    }

    /** The trusted roots of the time-stamping authorities (empty: a token's own certificate, by fingerprint). */
    public List<X509Certificate> trusted() {
        return trusted;
    }

    public Duration maxDelay() {
        return maxDelay;
    }

    public CheckpointVerification verify(Bundle.SignedCheckpoint checkpoint) throws SQLException {
        List<String> problems = new ArrayList<>();
        boolean signature = checkpoint.checkpoint().verify(checkpoint.signature(), checkpoints.publicKey());
        if (!signature) {
            problems.add("the signature does not verify with the service's key: the checkpoint was changed after "
                    + "signing, or signed with another key");
        }
        List<Anchors.Finding> findings = Anchors.timestamps(checkpoint, trusted, maxDelay);
        problems.addAll(Anchors.problems(findings, checkpoint, maxDelay));
        List<CheckpointVerification.Stamp> stamps = findings.stream().map(f -> new CheckpointVerification.Stamp(
                f.authority(), f.valid(), f.stamp() == null ? null : f.stamp().time().toString(),
                f.stamp() == null ? null : f.stamp().authority(),
                f.stamp() == null ? null : f.stamp().certificateFingerprint(), f.late(), f.problem())).toList();

        Long previousPosition = null;
        Boolean consistent = null;
        List<Bundle.SignedCheckpoint> earlier = checkpoints.before(checkpoint.position());
        Optional<Bundle.SignedCheckpoint> previous = earlier.isEmpty() ? Optional.empty()
                : Optional.of(earlier.get(earlier.size() - 1));
        if (previous.isPresent() && previous.get().logRoot() != null && checkpoint.logRoot() != null) {
            previousPosition = previous.get().position();
            Optional<String> inconsistency;
            try {
                Bundle.Consistency proof = checkpoints.consistency(previous.get(), checkpoint);
                inconsistency = Anchors.inconsistency(previous.get(), checkpoint, proof.proof());
            } catch (Checkpoints.LogAltered e) {
                inconsistency = Optional.of(e.getMessage());
            }
            consistent = inconsistency.isEmpty();
            inconsistency.ifPresent(problems::add);
        }
        return new CheckpointVerification(checkpoint.position(), checkpoint.createdAt(), signature, stamps,
                previousPosition, consistent, problems.isEmpty(), problems);
    }
}
