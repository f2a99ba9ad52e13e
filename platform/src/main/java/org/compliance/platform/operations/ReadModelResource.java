package org.compliance.platform.operations;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.compliance.platform.axon.AxonRuntime;
import org.compliance.platform.axon.TokenTable;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operators rebuild a service's read models from the event store and follow the replay. Present in every
 * service; the role {@code operator} sees no case content.
 */
@Path("/operations/read-models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations", description = "For operators (role operator): the service's read models, no case content")
public class ReadModelResource {

    /**
     * One segment of a group, whichever instance holds it ({@code owner}, null when none does): where it stands as its
     * token was last committed, or as its processor reports it on the instance asked.
     */
    public record SegmentStatus(String processingGroup, int segment, Long position, boolean replaying,
                                boolean caughtUp, String error, String owner) {
    }

    /** A rebuild asked of any instance: STOPPING, REPLAYING or DONE, with who asked and who reset the tokens. */
    public record RebuildStatus(long id, String processingGroup, String state, Instant requestedAt,
                                String requestedBy, Instant resetAt, String resetBy, Instant finishedAt) {
    }

    /**
     * Where the service's processors stand on every instance: every processing group (one processor each), those of
     * them a rebuild resets (the projections), whether all run on the instance asked ({@code node}), whether any
     * segment is still replaying, each group's segments and the latest rebuild of each projection.
     */
    public record ReadModelStatus(List<String> processingGroups, List<String> projections, boolean running,
                                  boolean replaying, List<SegmentStatus> segments, String node,
                                  List<RebuildStatus> rebuilds) {
    }

    private final AxonRuntime axon;

    public ReadModelResource(AxonRuntime axon) {
        this.axon = axon;
    }

    @GET
    @RolesAllowed("operator")
    @Operation(operationId = "getReadModelStatus",
            summary = "Where the service's processors stand", description = "One processor per processing group; "
            + "projections are the groups a rebuild replays. Segments and rebuilds are those of every instance of the "
            + "service (any instance answers the same). replaying is true until a rebuild has caught up with the "
            + "events that existed when it began.")
    @APIResponse(responseCode = "200", description = "The processing groups' segments and where each stands",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation =
                    ReadModelStatus.class)))
    @APIResponse(responseCode = "404", description = "This service handles no events")
    public ReadModelStatus status() {
        if (axon.processingGroups().isEmpty()) {
            throw noReadModels();
        }
        long head = axon.storeHead();
        List<SegmentStatus> segments = new ArrayList<>();
        for (String group : axon.processingGroups()) {
            Map<Integer, EventTrackerStatus> here = axon.processor(group).processingStatus();
            for (TokenTable.Row row : axon.tokens().rows(group)) {
                EventTrackerStatus status = here.get(row.segment());
                segments.add(status != null ? segment(group, status, row)
                        : new SegmentStatus(group, row.segment(), row.position(), row.replaying(),
                        !row.replaying() && row.position() != null && row.position() >= head, null, row.owner()));
            }
        }
        List<RebuildStatus> rebuilds = axon.projectionGroups().stream().map(axon.cluster()::latest)
                .flatMap(Optional::stream)
                .map(r -> new RebuildStatus(r.id(), r.processingGroup(), r.state(), r.requestedAt(), r.requestedBy(),
                        r.resetAt(), r.resetBy(), r.finishedAt()))
                .toList();
        return new ReadModelStatus(axon.processingGroups(), axon.projectionGroups(),
                axon.processingGroups().stream().map(axon::processor).allMatch(EventProcessor::isRunning),
                segments.stream().anyMatch(SegmentStatus::replaying)
                        || rebuilds.stream().anyMatch(r -> !r.state().equals("DONE")),
                segments, axon.cluster().node(), rebuilds);
    }

    /**
     * A segment this instance processes, as its processor sees it. Axon calls a segment replaying until an event past
     * the reset point arrives, which on a quiet store may be long after the replay has caught up: a segment whose
     * committed token has reached the reset point has finished replaying, as the rebuild's own state says.
     */
    private static SegmentStatus segment(String group, EventTrackerStatus status, TokenTable.Row row) {
        boolean replaying = status.isReplaying() && row.replaying();
        return new SegmentStatus(group, status.getSegment().getSegmentId(), status.getCurrentPosition().isPresent()
                ? status.getCurrentPosition().getAsLong() : null, replaying, status.isCaughtUp() && !replaying,
                status.isErrorState() ? String.valueOf(status.getError()) : null, row.owner());
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed("operator")
    @Blocking
    @Operation(operationId = "rebuildReadModels",
            summary = "Rebuild the read models from the event store", description = "202 at once; every instance "
            + "of the service stops its projections, the tokens are reset once, and every instance replays (follow it "
            + "with GET on any instance). Reads may be incomplete until it has caught up. Only the projections are "
            + "replayed: policies and notifications go on where they stand and act once.")
    @APIResponse(responseCode = "202", description = "The rebuild has begun; where it stands now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation =
                    ReadModelStatus.class)))
    @APIResponse(responseCode = "404", description = "This service keeps no read models (no projection)")
    public Response rebuild() {
        if (axon.projectionGroups().isEmpty()) {
            throw noReadModels();
        }
        axon.rebuildReadModels();
        return Response.accepted(status()).build();
    }

    private static NotFoundException noReadModels() {
        return new NotFoundException("This service keeps no read models");
    }
}
