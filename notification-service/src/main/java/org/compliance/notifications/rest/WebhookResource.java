package org.compliance.notifications.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.compliance.api.notifications.requests.Registration;
import org.compliance.api.notifications.views.Delivery;
import org.compliance.api.notifications.views.Registered;
import org.compliance.api.notifications.views.Subscription;
import org.compliance.notifications.application.Webhooks;
import org.compliance.platform.domain.RuleViolation;
import org.compliance.platform.identity.Caller;
import org.compliance.platform.identity.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An organisation's webhook endpoints, managed by its own users: another organisation's alias answers 404,
 * as if it did not exist.
 */
@Path("/organisations/{organisation}/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "A company's signed webhook endpoints and their deliveries, "
        + "managed by its own users")
@RolesAllowed("company")
@Blocking
public class WebhookResource {

    private static final Set<String> STATUSES = Set.of("PENDING", "SENDING", "SENT", "FAILED", "DEAD");

    private final Webhooks webhooks;
    private final CurrentCaller caller;

    public WebhookResource(Webhooks webhooks, CurrentCaller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerWebhook",
            summary = "Register an HTTPS endpoint", description = "Answers the endpoint and its signing secret "
            + "(whsec_ and the base64 of the key), shown this once. Deliveries are signed as the Standard Webhooks "
            + "specification says (headers webhook-id, webhook-timestamp, webhook-signature), so any of its "
            + "libraries verifies them; webhook-id is the delivery id, the same on every retry. An endpoint "
            + "on a loopback, private, link-local or other non-public address, in any notation, or a name that "
            + "resolves to one, is refused (422).")
    @APIResponse(responseCode = "201", description = "Registered; the signing secret (a Standard Webhooks "
            + "whsec_ secret) is shown this once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation =
                    Registered.class)))
    public Response register(@PathParam("organisation") String organisation, @Valid @NotNull Registration body)
            throws SQLException {
        Caller me = member(organisation);
        Registered registered = webhooks.register(organisation, body.url().strip(), me.subject());
        return Response.status(Response.Status.CREATED).entity(registered).build();
    }

    @GET
    @Operation(operationId = "listWebhooks",
            summary = "The organisation's active endpoints (without their secrets)")
    public List<Subscription> list(@PathParam("organisation") String organisation) throws SQLException {
        member(organisation);
        return webhooks.active(organisation);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "removeWebhook",
            summary = "Stop delivering to an endpoint")
    @APIResponse(responseCode = "204", description = "No longer delivered to")
    public Response remove(@PathParam("organisation") String organisation, @PathParam("id") UUID id)
            throws SQLException {
        member(organisation);
        if (!webhooks.remove(organisation, id)) {
            throw new NotFoundException("No endpoint " + id);
        }
        return Response.noContent().build();
    }

    @GET
    @Path("/deliveries")
    @Operation(operationId = "listWebhookDeliveries",
            summary = "Deliveries to the organisation's endpoints, newest first",
            description = "status=FAILED or DEAD lists what did not arrive.")
    public List<Delivery> deliveries(@PathParam("organisation") String organisation,
                                              @QueryParam("status") @Parameter(description = "Only deliveries in "
                                                      + "this state", schema = @Schema(type = SchemaType.STRING,
                                                      enumeration = {"PENDING", "SENDING", "SENT", "FAILED", "DEAD"}))
                                              String status) throws SQLException {
        member(organisation);
        if (status != null && !STATUSES.contains(status)) {
            throw RuleViolation.unprocessable("status is one of " + STATUSES);
        }
        return webhooks.deliveries(organisation, Optional.ofNullable(status), 200);
    }

    @POST
    @Path("/deliveries/{id}/redelivery")
    @Operation(operationId = "redeliverWebhookDelivery",
            summary = "Send a failed or dead-lettered delivery again, with the same delivery id")
    @APIResponse(responseCode = "202", description = "Queued for delivery again")
    public Response redeliver(@PathParam("organisation") String organisation, @PathParam("id") UUID id)
            throws SQLException {
        member(organisation);
        if (!webhooks.redeliver(organisation, id)) {
            throw new NotFoundException("No failed or dead-lettered delivery " + id);
        }
        return Response.accepted().build();
    }

    private Caller member(String organisation) {
        Caller me = caller.get();
        if (!me.isMemberOf(organisation)) {
            throw new NotFoundException("No organisation " + organisation);
        }
        return me;
    }
}
