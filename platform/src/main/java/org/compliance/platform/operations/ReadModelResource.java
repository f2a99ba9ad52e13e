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
import org.axonframework.eventhandling.EventTrackerStatus;
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

    public record SegmentStatus(int segment, Long position, boolean replaying, boolean caughtUp, String error) {
    }

    public record ReadModelStatus(String processor, boolean running, boolean replaying, List<SegmentStatus> segments) {
    }

    private final AxonRuntime axon;

    public ReadModelResource(AxonRuntime axon) {
        this.axon = axon;
    }

    @GET
    @RolesAllowed("operator")
    @Operation(operationId = "getReadModelStatus",
            summary = "Where the service's processor stands", description = "replaying is true until a rebuild "
            + "has caught up with the events that existed when it began.")
    @APIResponse(responseCode = "200", description = "The processor's segments and where each stands",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation =
                    ReadModelStatus.class)))
    @APIResponse(responseCode = "404", description = "This service keeps no read models")
    public ReadModelStatus status() {
        var processor = axon.processorIfAny().orElseThrow(ReadModelResource::noReadModels);
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        List<SegmentStatus> statuses = segments.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new SegmentStatus(e.getKey(), e.getValue().getCurrentPosition().isPresent()
                        ? e.getValue().getCurrentPosition().getAsLong() : null, e.getValue().isReplaying(),
                        e.getValue().isCaughtUp(), e.getValue().isErrorState()
                        ? String.valueOf(e.getValue().getError()) : null))
                .toList();
        return new ReadModelStatus(processor.getName(), processor.isRunning(), processor.isReplaying(), statuses);
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed("operator")
    @Blocking
    @Operation(operationId = "rebuildReadModels",
            summary = "Rebuild the read models from the event store", description = "202 at once; the replay "
            + "runs in the background (follow it with GET). Reads may be incomplete until it has caught up.")
    @APIResponse(responseCode = "202", description = "The rebuild has begun; where it stands now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation =
                    ReadModelStatus.class)))
    @APIResponse(responseCode = "404", description = "This service keeps no read models")
    public Response rebuild() {
        axon.processorIfAny().orElseThrow(ReadModelResource::noReadModels);
        axon.rebuildReadModels();
        return Response.accepted(status()).build();
    }

    private static NotFoundException noReadModels() {
        return new NotFoundException("This service keeps no read models: it reads the event store directly");
    }
}
