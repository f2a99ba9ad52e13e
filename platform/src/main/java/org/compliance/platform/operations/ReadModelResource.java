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
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.compliance.platform.axon.AxonRuntime;
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

    public record SegmentStatus(String processingGroup, int segment, Long position, boolean replaying,
                                boolean caughtUp, String error) {
    }

    /**
     * Where the service's processors stand: every processing group (one processor each), those of them a rebuild
     * resets (the projections), whether all run, whether any is still replaying, and each group's segments.
     */
    public record ReadModelStatus(List<String> processingGroups, List<String> projections, boolean running,
                                  boolean replaying, List<SegmentStatus> segments) {
    }

    private final AxonRuntime axon;

    public ReadModelResource(AxonRuntime axon) {
        this.axon = axon;
    }

    @GET
    @RolesAllowed("operator")
    @Operation(operationId = "getReadModelStatus",
            summary = "Where the service's processors stand", description = "One processor per processing group; "
            + "projections are the groups a rebuild replays. replaying is true until a rebuild has caught up with "
            + "the events that existed when it began.")
    @APIResponse(responseCode = "200", description = "The processing groups' segments and where each stands",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation =
                    ReadModelStatus.class)))
    @APIResponse(responseCode = "404", description = "This service handles no events")
    public ReadModelStatus status() {
        List<StreamingEventProcessor> processors = axon.processingGroups().stream().map(axon::processor).toList();
        if (processors.isEmpty()) {
            throw noReadModels();
        }
        List<SegmentStatus> segments = processors.stream().flatMap(processor -> processor.processingStatus()
                        .entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> segment(processor.getName(), e.getKey(), e.getValue())))
                .toList();
        return new ReadModelStatus(axon.processingGroups(), axon.projectionGroups(),
                processors.stream().allMatch(EventProcessor::isRunning),
                processors.stream().anyMatch(StreamingEventProcessor::isReplaying), segments);
    }

    private static SegmentStatus segment(String group, int segment, EventTrackerStatus status) {
        return new SegmentStatus(group, segment, status.getCurrentPosition().isPresent()
                ? status.getCurrentPosition().getAsLong() : null, status.isReplaying(), status.isCaughtUp(),
                status.isErrorState() ? String.valueOf(status.getError()) : null);
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed("operator")
    @Blocking
    @Operation(operationId = "rebuildReadModels",
            summary = "Rebuild the read models from the event store", description = "202 at once; the replay "
            + "runs in the background (follow it with GET). Reads may be incomplete until it has caught up. Only "
            + "the projections are replayed: policies and notifications go on where they stand and act once.")
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
