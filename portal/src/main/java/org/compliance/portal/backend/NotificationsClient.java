package org.compliance.portal.backend;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * notification-service, as the signed-in user: the inbox and a company's webhooks. The live stream goes through
 * {@link Streams}. Its answers are still JSON trees: their records live in notification-service's application
 * package, not yet in the api module.
 */
@RegisterRestClient(configKey = "notifications")
@RegisterClientHeaders(SignedInHeaders.class)
@RegisterProvider(ServiceProblems.class)
@ServiceCall
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface NotificationsClient {

    @GET
    @Path("/inbox")
    JsonNode inbox(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/inbox/unread")
    JsonNode unread();

    @POST
    @Path("/inbox/{id}/read")
    JsonNode markRead(@PathParam("id") String id);

    @POST
    @Path("/inbox/read-all")
    JsonNode markAllRead();

    @GET
    @Path("/organisations/{organisation}/webhooks")
    JsonNode webhooks(@PathParam("organisation") String organisation);

    @GET
    @Path("/organisations/{organisation}/webhooks/deliveries")
    JsonNode deliveries(@PathParam("organisation") String organisation);

    @POST
    @Path("/organisations/{organisation}/webhooks")
    JsonNode register(@PathParam("organisation") String organisation, Map<String, Object> body);

    @DELETE
    @Path("/organisations/{organisation}/webhooks/{id}")
    void remove(@PathParam("organisation") String organisation, @PathParam("id") String id);

    @POST
    @Path("/organisations/{organisation}/webhooks/deliveries/{id}/redelivery")
    void redeliver(@PathParam("organisation") String organisation, @PathParam("id") String id);
}
