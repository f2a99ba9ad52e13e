package org.compliance.evidence.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.compliance.api.evidence.EvidenceSubmitted;
import org.compliance.api.evidence.RequestDocument;
import org.compliance.api.evidence.views.PublishedKey;
import org.compliance.api.evidence.views.SignedReceipt;
import org.compliance.api.evidence.views.Verification;
import org.compliance.evidence.application.Receipts;
import org.compliance.platform.identity.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Receipts: a submission's signed receipt again, the key receipts are signed with, and a check of a receipt
 * against it. (The receipt answered at submission comes from {@link EvidenceFileResource}.)
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Receipts", description = "The key receipts are signed with, and a check of a receipt")
public class ReceiptResource {

    private final Receipts receipts;
    private final CurrentCaller caller;
    private final VisibleRequests requests;
    private final Clock clock;

    public ReceiptResource(Receipts receipts, CurrentCaller caller, VisibleRequests requests, Clock clock) {
        this.receipts = receipts;
        this.caller = caller;
        this.requests = requests;
        this.clock = clock;
    }

    @GET
    @Path("/requests/{requestId}/submissions/{submissionId}/receipt")
    @RolesAllowed({"investigator", "supervisor", "auditor", "company"})
    @WithSession
    @Tag(name = RequestLifecycleResource.TAG, description = RequestLifecycleResource.TAG_DESCRIPTION)
    @Operation(operationId = "getSubmissionReceipt",
            summary = "The signed receipt of a submission, again", description = "The same facts as the receipt "
            + "answered at submission, signed now (its issuedAt is this moment); check it at /receipts/verification.")
    public Uni<SignedReceipt> receipt(@PathParam("requestId") String requestId,
                                               @PathParam("submissionId") String submissionId) {
        return requests.visible(requestId, caller.get(), row -> VisibleRequests.document(row).submissions.stream()
                .anyMatch(submission -> submission.submissionId().equals(submissionId))).map(row -> {
            RequestDocument request = VisibleRequests.document(row);
            RequestDocument.Submission s = request.submissions.stream()
                    .filter(submission -> submission.submissionId().equals(submissionId)).findFirst()
                    .orElseThrow(() -> new NotFoundException("Request " + requestId + " has no submission "
                            + submissionId));
            return receipts.issue(new EvidenceSubmitted(requestId, request.caseId, s.submissionId(), s.files(),
                    s.description(), s.statementOfTruth(), s.submittedBy(), s.submittedAt(), s.late()),
                    request.organisationAlias, clock.instant());
        });
    }

    @GET
    @Path("/receipts/public-key")
    @RolesAllowed({"investigator", "supervisor", "auditor", "company"})
    @Operation(operationId = "getReceiptPublicKey",
            summary = "The Ed25519 public key receipts are signed with", description = "Base64 of its X.509 "
            + "encoding. A receipt's signature covers its canonical JSON: properties in alphabetical order, no "
            + "whitespace, instants in ISO-8601.")
    public Uni<PublishedKey> publicKey() {
        return Uni.createFrom().item(receipts.publishedKey());
    }

    @POST
    @Path("/receipts/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"investigator", "supervisor", "auditor", "company"})
    @Operation(operationId = "verifyReceipt",
            summary = "Check a signed receipt", description = "valid is false, with the reason, for a receipt "
            + "changed in any way or signed by another key.")
    public Uni<Verification> verify(@NotNull SignedReceipt receipt) {
        return Uni.createFrom().item(() -> receipts.verify(receipt));
    }
}
