package org.compliance.portal.web;

import static org.compliance.portal.backend.Backend.segment;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Map;
import org.compliance.portal.backend.Backend;
import org.compliance.portal.backend.Service;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/** A company's webhook endpoints for its own organisation: register (secret shown once), remove, redeliver. */
@Path("/organisation/webhooks")
@Produces(MediaType.TEXT_HTML)
public class WebhookPages {

    private final Backend backend;
    private final Viewer viewer;
    private final Template webhooks;

    public WebhookPages(Backend backend, Viewer viewer, @Location("webhooks.html") Template webhooks) {
        this.backend = backend;
        this.viewer = viewer;
        this.webhooks = webhooks;
    }

    @GET
    public TemplateInstance list(@RestQuery String done) {
        return page(null).data("done", Done.message(done));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance register(@RestForm String url) {
        JsonNode registered = backend.send(Service.NOTIFICATIONS, "POST", base(), Map.of("url",
                RequestPages.orEmpty(url)), null).body();
        return page(Backend.data(registered)).data("done", Done.message("registered"));
    }

    @POST
    @Path("{id}/removal")
    public Response remove(@PathParam("id") String id) {
        backend.send(Service.NOTIFICATIONS, "DELETE", base() + "/" + segment(id), null, null);
        return Response.seeOther(URI.create("/organisation/webhooks?done=removed")).build();
    }

    @POST
    @Path("deliveries/{id}/redelivery")
    public Response redeliver(@PathParam("id") String id) {
        backend.send(Service.NOTIFICATIONS, "POST", base() + "/deliveries/" + segment(id) + "/redelivery", null, null);
        return Response.seeOther(URI.create("/organisation/webhooks?done=redelivering")).build();
    }

    private TemplateInstance page(Object registered) {
        return webhooks.data("organisation", organisation())
                .data("subscriptions", Backend.data(backend.get(Service.NOTIFICATIONS, base())))
                .data("deliveries", Backend.data(backend.get(Service.NOTIFICATIONS, base() + "/deliveries")))
                .data("registered", registered);
    }

    private String base() {
        return "/organisations/" + segment(organisation()) + "/webhooks";
    }

    private String organisation() {
        String organisation = viewer.organisation();
        if (organisation == null) {
            throw new ForbiddenException("Webhooks belong to a company's organisation; you are not a member of one.");
        }
        return organisation;
    }
}
