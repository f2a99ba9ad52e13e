package org.compliance.evidence.application;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.compliance.api.cases.LegalHoldLifted;
import org.compliance.api.cases.LegalHoldPlaced;
import org.compliance.api.evidence.EvidenceRequestIssued;
import org.compliance.api.evidence.EvidenceSubmitted;
import org.compliance.api.evidence.EvidenceFile;

/**
 * A case's legal hold, carried to its evidence objects: while a case is under legal hold, every blob its evidence
 * uses (submitted files, formal notices) has an object legal hold in the blob store, where the store offers one
 * (S3 Object Lock). A blob is content-addressed, so cases can share it: it stays held while any case using it is
 * held. Files submitted to a held case are held as they arrive. Setting a hold twice is harmless, so an event
 * retried after a failure does no harm. A processing group of its own, not a projection: a rebuild of the views
 * never re-runs it; a new installation's first start runs it over the whole store, holding what is already there.
 */
@ApplicationScoped
@Unremovable
@ProcessingGroup(LegalHoldPolicy.GROUP)
public class LegalHoldPolicy {

    public static final String GROUP = "evidence-legal-holds";

    private final HeldBlobs heldBlobs;
    private final BlobStore blobs;

    public LegalHoldPolicy(HeldBlobs heldBlobs, BlobStore blobs) {
        this.heldBlobs = heldBlobs;
        this.blobs = blobs;
    }

    @EventHandler
    void on(EvidenceRequestIssued event) {
        if (event.formalNotice() != null) {
            use(event.caseId(), event.formalNotice().sha256());
        }
    }

    @EventHandler
    void on(EvidenceSubmitted event) {
        for (EvidenceFile file : event.files()) {
            use(event.caseId(), file.sha256());
        }
    }

    @EventHandler
    void on(LegalHoldPlaced event) {
        heldBlobs.place(event.caseId()).forEach(sha256 -> hold(sha256, true));
    }

    @EventHandler
    void on(LegalHoldLifted event) {
        heldBlobs.lift(event.caseId()).forEach(sha256 -> hold(sha256, false));
    }

    private void use(String caseId, String sha256) {
        if (heldBlobs.use(caseId, sha256)) {
            hold(sha256, true);
        }
    }

    private void hold(String sha256, boolean held) {
        try {
            blobs.legalHold(sha256, held);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not set the legal hold of blob " + sha256, e);
        }
    }
}
