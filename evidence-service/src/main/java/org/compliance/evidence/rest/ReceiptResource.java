package org.compliance.evidence.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.compliance.api.evidence.views.PublishedKey;
import org.compliance.api.evidence.views.SignedReceipt;
import org.compliance.api.evidence.views.Verification;
import org.compliance.evidence.application.Receipts;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The key submission receipts are signed with, and a check of a receipt against it. */
@Path("/receipts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Receipts", description = "The key receipts are signed with, and a check of a receipt")
public class ReceiptResource {

    private final Receipts receipts;

    public ReceiptResource(Receipts receipts) {
        this.receipts = receipts;
    }

    @GET
    @Path("/public-key")
    @RolesAllowed({"investigator", "supervisor", "auditor", "company"})
    @Operation(operationId = "getReceiptPublicKey",
            summary = "The Ed25519 public key receipts are signed with", description = "Base64 of its X.509 "
            + "encoding. A receipt's signature covers its canonical JSON: properties in alphabetical order, no "
            + "whitespace, instants in ISO-8601.")
    public PublishedKey publicKey() {
        return receipts.publishedKey();
    }

    @POST
    @Path("/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"investigator", "supervisor", "auditor", "company"})
    @Operation(operationId = "verifyReceipt",
            summary = "Check a signed receipt", description = "valid is false, with the reason, for a receipt "
            + "changed in any way or signed by another key.")
    public Verification verify(@NotNull SignedReceipt receipt) {
        return receipts.verify(receipt);
    }
}
