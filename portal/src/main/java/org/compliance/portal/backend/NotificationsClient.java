package org.compliance.portal.backend;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.compliance.api.notifications.requests.Registration;
import org.compliance.api.notifications.views.Delivery;
import org.compliance.api.notifications.views.InboxItem;
import org.compliance.api.notifications.views.InboxPage;
import org.compliance.api.notifications.views.NotificationPreferences;
import org.compliance.api.notifications.views.Registered;
import org.compliance.api.notifications.views.Subscription;
import org.compliance.api.notifications.views.Unread;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * notification-service, as the signed-in user: the inbox, the user's preferences and a company's webhooks. The live
 * stream goes through {@link Streams}.
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
    InboxPage inbox(@QueryParam("page") int page, @QueryParam("size") int size, @QueryParam("unread") boolean unread,
                    @QueryParam("caseId") String caseId, @QueryParam("kind") String kind);

    @GET
    @Path("/inbox/unread")
    Unread unread();

    @POST
    @Path("/inbox/{id}/read")
    InboxItem markRead(@PathParam("id") String id);

    @POST
    @Path("/inbox/read-all")
    Unread markAllRead(@QueryParam("caseId") String caseId);

    @GET
    @Path("/me/preferences")
    NotificationPreferences preferences();

    /** Replaces the user's preferences whole: send back what {@link #preferences()} answered, changed. */
    @PUT
    @Path("/me/preferences")
    NotificationPreferences replacePreferences(NotificationPreferences preferences);

    @GET
    @Path("/organisations/{organisation}/webhooks")
    List<Subscription> webhooks(@PathParam("organisation") String organisation);

    @GET
    @Path("/organisations/{organisation}/webhooks/deliveries")
    List<Delivery> deliveries(@PathParam("organisation") String organisation);

    @POST
    @Path("/organisations/{organisation}/webhooks")
    Registered register(@PathParam("organisation") String organisation, Registration body);

    @DELETE
    @Path("/organisations/{organisation}/webhooks/{id}")
    void remove(@PathParam("organisation") String organisation, @PathParam("id") String id);

    @POST
    @Path("/organisations/{organisation}/webhooks/deliveries/{id}/redelivery")
    void redeliver(@PathParam("organisation") String organisation, @PathParam("id") String id);
}
