package org.compliance.platform.operations;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operators see the events the service's processing groups parked, why, and retry them after a fix or evict
 * them. Present in every service with event handlers; the role {@code operator} sees event types, identifiers
 * and causes, no payload.
 */
@Path("/operations/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
@Blocking
public class DeadLetterResource {

    /** What an eviction dropped. */
    private static final String GROUP = "The processing group, e.g. case-service";
    private static final String SEQUENCE = "The parked sequence: the id of the aggregate whose events wait";

    public record Evicted(String processingGroup, String sequence, long letters) {
    }

    private final DeadLetters deadLetters;

    public DeadLetterResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GET
    @RolesAllowed("operator")
    @Operation(summary = "Parked events of every processing group", description = "Per group: how many letters "
            + "and sequences are parked, and the first sequences (a sequence is an aggregate: its failed event "
            + "first, then its later events, in the order they will be handled).")
    public List<DeadLetters.ParkedGroup> list(
            @Parameter(description = "Sequences shown per group (1 to 500)")
            @QueryParam("sequences") @DefaultValue("50") @Min(1) @Max(500) int sequences) {
        return deadLetters.list(sequences);
    }

    @GET
    @Path("/{group}")
    @RolesAllowed("operator")
    @Operation(summary = "Parked events of one processing group", description = "404 for a group the service "
            + "does not have.")
    public DeadLetters.ParkedGroup group(
            @Parameter(description = GROUP) @PathParam("group") String group,
            @Parameter(description = "Sequences shown (1 to 500)")
            @QueryParam("sequences") @DefaultValue("50") @Min(1) @Max(500) int sequences) {
        return deadLetters.list(group, sequences);
    }

    @POST
    @Path("/{group}/{sequence}/retry")
    @RolesAllowed("operator")
    @Operation(summary = "Handle a parked sequence again", description = "The group's handlers run on the "
            + "sequence's events, oldest first, each in its own savepoint; the handled ones leave the queue, the "
            + "first that fails again stays with its new cause, and the rest behind it. 404 for an unknown group "
            + "or a sequence with nothing parked.")
    public DeadLetters.RetryOutcome retry(@Parameter(description = GROUP) @PathParam("group") String group,
                                          @Parameter(description = SEQUENCE) @PathParam("sequence") String sequence) {
        return deadLetters.retry(group, sequence);
    }

    @POST
    @Path("/{group}/retry")
    @RolesAllowed("operator")
    @Operation(summary = "Handle every parked sequence of a group again", description = "Each sequence parked "
            + "now is tried once, as in a single retry.")
    public DeadLetters.RetryAllOutcome retryAll(@Parameter(description = GROUP) @PathParam("group") String group) {
        return deadLetters.retryAll(group);
    }

    @DELETE
    @Path("/{group}/{sequence}")
    @RolesAllowed("operator")
    @Operation(summary = "Evict a parked sequence", description = "Its events are dropped: this group will never "
            + "handle them (other groups are not affected). Later events of the aggregate are handled as usual. "
            + "404 for an unknown group or a sequence with nothing parked.")
    public Evicted evict(@Parameter(description = GROUP) @PathParam("group") String group,
                         @Parameter(description = SEQUENCE) @PathParam("sequence") String sequence) {
        return new Evicted(group, sequence, deadLetters.evict(group, sequence));
    }
}
