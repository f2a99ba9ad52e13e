package org.compliance.evidence.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
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
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.compliance.api.evidence.EvidenceSubmitted;
import org.compliance.api.evidence.RequestDocument;
import org.compliance.api.evidence.RequestSubjects;
import org.compliance.api.evidence.views.PublishedKey;
import org.compliance.api.evidence.views.SignedReceipt;
import org.compliance.api.evidence.views.Verification;
import org.compliance.evidence.application.ReceiptHeading;
import org.compliance.evidence.application.Receipts;
import org.compliance.evidence.query.KnownCaseRepository;
import org.compliance.evidence.query.RespondentNames;
import org.compliance.platform.identity.CurrentCaller;
import org.compliance.platform.reactive.CallerContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Receipts: a submission's signed receipt again (JSON, or a PDF to keep), the key receipts are signed with, and a check of a receipt
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
    private final KnownCaseRepository knownCases;

    public ReceiptResource(Receipts receipts, CurrentCaller caller, VisibleRequests requests, Clock clock,
                           KnownCaseRepository knownCases) {
        this.receipts = receipts;
        this.caller = caller;
        this.requests = requests;
        this.clock = clock;
        this.knownCases = knownCases;
    }

    @GET
    @Path("/requests/{requestId}/submissions/{submissionId}/receipt")
    @RolesAllowed({"investigator", "supervisor", "auditor", "company"})
    @WithSession
    @Tag(name = RequestLifecycleResource.TAG, description = RequestLifecycleResource.TAG_DESCRIPTION)
    @Operation(operationId = "getSubmissionReceipt",
            summary = "The signed receipt of a submission, again", description = "The same facts as the receipt "
            + "answered at submission, signed now (its issuedAt is this moment); check it at /receipts/verification. "
            + "As a PDF to keep: receipt.pdf beside it.")
    public Uni<SignedReceipt> receipt(@PathParam("requestId") String requestId,
                                               @PathParam("submissionId") String submissionId) {
        return submission(requestId, submissionId).map(found -> signed(found.request(), found.submission()));
    }

    @GET
    @Path("/requests/{requestId}/submissions/{submissionId}/receipt.pdf")
    @Produces(FormalNoticeResource.PDF)
    @RolesAllowed({"investigator", "supervisor", "auditor", "company"})
    @WithSession
    @Tag(name = RequestLifecycleResource.TAG, description = RequestLifecycleResource.TAG_DESCRIPTION)
    @Operation(operationId = "downloadSubmissionReceiptPdf",
            summary = "The signed receipt of a submission as a PDF to keep", description = "The receipt of "
            + "GET .../receipt (signed now) for a person: case, request and organisation by name, who submitted and "
            + "when (UK time), each file's name, size and SHA-256, the statement of truth, the signature, the key's "
            + "fingerprint and how to check it. The signed JSON receipt and the exact bytes its signature covers are "
            + "attached to the PDF. 404 for another organisation's request, as for the JSON receipt.")
    @APIResponse(responseCode = "200", description = "The receipt", content = @Content(
            mediaType = FormalNoticeResource.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such request or submission visible to the caller")
    public Uni<Response> receiptPdf(@PathParam("requestId") String requestId,
                                    @PathParam("submissionId") String submissionId) {
        return submission(requestId, submissionId)
                .chain(found -> knownCases.findById(found.request().caseId).map(known -> {
                    RequestDocument request = found.request();
                    return new ReceiptHeading(known == null ? null : known.title, RequestSubjects.of(
                            request.items.isEmpty() ? null : request.items.get(0), request.items.size()),
                            RespondentNames.nameOf(known, request.organisationAlias));
                }).chain(heading -> Uni.createFrom().item(() -> receipts.pdf(signed(found.request(),
                                found.submission()), heading))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                        .emitOn(CallerContext.current())))
                .map(pdf -> Response.ok(pdf, FormalNoticeResource.PDF)
                        .header("Content-Disposition", "attachment; filename=\"receipt-"
                                + submissionId.replaceAll("[^A-Za-z0-9-]", "") + ".pdf\"").build());
    }

    private record Found(RequestDocument request, RequestDocument.Submission submission) {
    }

    /** The request and its submission, or 404 when the caller may not see the request or it has no such submission. */
    private Uni<Found> submission(String requestId, String submissionId) {
        return requests.visible(requestId, caller.get(), row -> VisibleRequests.document(row).submissions.stream()
                .anyMatch(submission -> submission.submissionId().equals(submissionId))).map(row -> {
            RequestDocument request = VisibleRequests.document(row);
            return new Found(request, request.submissions.stream()
                    .filter(submission -> submission.submissionId().equals(submissionId)).findFirst()
                    .orElseThrow(() -> new NotFoundException("Request " + requestId + " has no submission "
                            + submissionId)));
        });
    }

    private SignedReceipt signed(RequestDocument request, RequestDocument.Submission s) {
        return receipts.issue(new EvidenceSubmitted(request.requestId, request.caseId, s.submissionId(), s.files(),
                s.description(), s.statementOfTruth(), s.submittedBy(), s.submittedAt(), s.late()),
                request.organisationAlias, clock.instant());
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
