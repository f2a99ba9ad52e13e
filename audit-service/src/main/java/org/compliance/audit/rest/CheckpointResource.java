package org.compliance.audit.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import org.compliance.api.audit.views.CheckpointVerification;
import org.compliance.api.audit.views.PublicKey;
import org.compliance.audit.application.CheckpointVerifier;
import org.compliance.audit.application.Checkpoints;
import org.compliance.audit.chain.Checkpoint;
import org.compliance.audit.verifier.Bundle;
import org.compliance.platform.domain.RuleViolation;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Signed checkpoints, their RFC 3161 time-stamps, and the proofs that a later one extends an earlier one: what a
 * company, a court or an auditor keeps to hold the store to its past (docs/decisions/0027-anchored-checkpoints.md).
 */
@Path("/audit/checkpoints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Checkpoints", description = "Signed, time-stamped checkpoints of the whole store and proofs between them")
@RolesAllowed({"auditor", "supervisor"})
@Blocking
public class CheckpointResource {

    private final Checkpoints checkpoints;
    private final CheckpointVerifier verifier;

    public CheckpointResource(Checkpoints checkpoints, CheckpointVerifier verifier) {
        this.checkpoints = checkpoints;
        this.verifier = verifier;
    }

    @GET
    @Path("/latest")
    @Operation(operationId = "getLatestCheckpoint",
            summary = "The latest signed checkpoint, with its time-stamps")
    @APIResponse(responseCode = "200", description = "The latest checkpoint", content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = Bundle.SignedCheckpoint.class)))
    @APIResponse(responseCode = "404", description = "No checkpoint has been taken yet")
    public Bundle.SignedCheckpoint latest() throws SQLException {
        return checkpoints.latest().orElseThrow(() -> new NotFoundException("No checkpoint has been taken yet"));
    }

    @GET
    @Path("/{position}")
    @Operation(operationId = "getCheckpoint", summary = "The checkpoint taken at a global position")
    @APIResponse(responseCode = "200", description = "The checkpoint", content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = Bundle.SignedCheckpoint.class)))
    @APIResponse(responseCode = "404", description = "No checkpoint was taken at that position")
    public Bundle.SignedCheckpoint at(@PathParam("position") @Min(0) @Parameter(description = "The global position "
            + "the checkpoint was taken at") long position) throws SQLException {
        return found(position);
    }

    @GET
    @Path("/{position}/verification")
    @Operation(operationId = "verifyCheckpoint", summary = "Whether a checkpoint holds beyond the operator's key",
            description = "Its signature, its time-stamps (valid, trusted, and given within the allowed delay of the "
                    + "moment it claims), and that the store as it is now still extends the log of the checkpoint "
                    + "before it.")
    @APIResponse(responseCode = "200", description = "What holds and what does not", content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckpointVerification.class)))
    @APIResponse(responseCode = "404", description = "No checkpoint was taken at that position")
    public CheckpointVerification verify(@PathParam("position") @Min(0) @Parameter(description = "The global "
            + "position the checkpoint was taken at") long position) throws SQLException {
        return verifier.verify(found(position));
    }

    @GET
    @Path("/consistency")
    @Operation(operationId = "getCheckpointConsistency",
            summary = "The proof that a later checkpoint extends an earlier one's log (RFC 9162 consistency proof)",
            description = "Whoever kept the earlier checkpoint checks the proof against it and the later one "
                    + "(`java -jar audit-verifier.jar consistency earlier.json later.json proof.json`).")
    @APIResponse(responseCode = "200", description = "The proof", content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = Bundle.Consistency.class)))
    @APIResponse(responseCode = "404", description = "No checkpoint at one of the positions")
    @APIResponse(responseCode = "409", description = "The store no longer adds up to the later checkpoint's log")
    @APIResponse(responseCode = "422", description = "The earlier position is after the later one, or a checkpoint "
            + "of the first form (without a log)")
    public Bundle.Consistency consistency(
            @QueryParam("from") @Parameter(required = true, description = "Position of the earlier checkpoint")
            @Min(0) Long from,
            @QueryParam("to") @Parameter(description = "Position of the later checkpoint (default: the latest)")
            @Min(0) Long to) throws SQLException {
        if (from == null) {
            throw RuleViolation.unprocessable("from", "Give the position of the earlier checkpoint");
        }
        Bundle.SignedCheckpoint later = to == null ? latest() : found(to);
        Bundle.SignedCheckpoint earlier = found(from);
        if (earlier.position() > later.position()) {
            throw RuleViolation.unprocessable("from", "The earlier checkpoint must be at or before the later one");
        }
        if (earlier.logRoot() == null || later.logRoot() == null) {
            throw RuleViolation.unprocessable("from", "Checkpoint " + (earlier.logRoot() == null ? earlier : later)
                    .position() + " was taken before checkpoints signed the store as a log; it has no proofs");
        }
        try {
            return checkpoints.consistency(earlier, later);
        } catch (Checkpoints.LogAltered e) {
            throw RuleViolation.conflict(e.getMessage());
        }
    }

    @GET
    @Path("/public-key")
    @RolesAllowed({"auditor", "supervisor", "investigator", "company", "operator"})
    @Operation(operationId = "getCheckpointPublicKey",
            summary = "The Ed25519 public key checkpoints are signed with (X.509, Base64), and its fingerprint")
    public PublicKey publicKey() {
        return new PublicKey("Ed25519", checkpoints.publicKey(), Checkpoint.fingerprint(checkpoints.publicKey()));
    }

    @POST
    @RolesAllowed("operator")
    @Operation(operationId = "takeCheckpoint",
            summary = "Take a checkpoint now (operators); they are also taken at intervals")
    public Bundle.SignedCheckpoint take() throws SQLException {
        return checkpoints.take();
    }

    private Bundle.SignedCheckpoint found(long position) throws SQLException {
        return checkpoints.at(position).orElseThrow(() -> new NotFoundException(
                "No checkpoint was taken at global position " + position));
    }
}
