package org.compliance.portal.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.compliance.api.notifications.requests.Registration;
import org.compliance.api.notifications.views.Registered;
import org.compliance.portal.backend.NotificationsClient;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/** A company's webhook endpoints for its own organisation: register (secret shown once), remove, redeliver. */
@Path("/organisation/webhooks")
@Produces(MediaType.TEXT_HTML)
public class WebhookPages {

    private final NotificationsClient notifications;
    private final SignedInUser user;
    private final AsAnswered asAnswered;
    private final Template webhooks;

    public WebhookPages(@RestClient NotificationsClient notifications, SignedInUser user, AsAnswered asAnswered,
                        @Location("webhooks.html") Template webhooks) {
        this.notifications = notifications;
        this.user = user;
        this.asAnswered = asAnswered;
        this.webhooks = webhooks;
    }

    @GET
    public TemplateInstance list(@RestQuery String done) {
        return page(null).data("done", Done.message(done));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance register(@RestForm String url) {
        Registered registered = notifications.register(organisation(), new Registration(Forms.orEmpty(url)));
        return page(asAnswered.of(registered)).data("done", Done.message("registered"));
    }

    @POST
    @Path("{id}/removal")
    public Response remove(@PathParam("id") String id) {
        notifications.remove(organisation(), id);
        return Response.seeOther(URI.create("/organisation/webhooks?done=removed")).build();
    }

    @POST
    @Path("deliveries/{id}/redelivery")
    public Response redeliver(@PathParam("id") String id) {
        notifications.redeliver(organisation(), id);
        return Response.seeOther(URI.create("/organisation/webhooks?done=redelivering")).build();
    }

    private TemplateInstance page(Object registered) {
        return webhooks.data("organisation", organisation())
                .data("subscriptions", asAnswered.of(notifications.webhooks(organisation())))
                .data("deliveries", asAnswered.of(notifications.deliveries(organisation())))
                .data("registered", registered);
    }

    private String organisation() {
        String organisation = user.organisation();
        if (organisation == null) {
            throw new ForbiddenException("Webhooks belong to a company's organisation; you are not a member of one.");
        }
        return organisation;
    }
}
