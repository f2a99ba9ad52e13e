package org.compliance.portal.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.compliance.api.notifications.views.InboxPage;
import org.compliance.portal.backend.NotificationsClient;
import org.compliance.portal.backend.Service;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The user's notifications: the inbox, marking read, the live stream every page listens to, and for staff whether
 * they are told of their own actions (the one preference the portal offers; the rest stay API-only).
 */
@Path("/inbox")
@Produces(MediaType.TEXT_HTML)
public class InboxPages {

    private final NotificationsClient notifications;
    private final AsAnswered asAnswered;
    private final Transfers transfers;
    private final Template inbox;
    private final SignedInUser user;

    public InboxPages(@RestClient NotificationsClient notifications, AsAnswered asAnswered, Transfers transfers,
                      @Location("inbox.html") Template inbox, SignedInUser user) {
        this.notifications = notifications;
        this.user = user;
        this.asAnswered = asAnswered;
        this.transfers = transfers;
        this.inbox = inbox;
    }

    @GET
    public TemplateInstance inbox(@RestQuery Integer page, @RestQuery String done) {
        int pageNumber = page == null ? 0 : Math.max(0, page);
        InboxPage answer = notifications.inbox(pageNumber, 50);
        return inbox.data("items", asAnswered.of(answer.items())).data("unread", answer.unread())
                .data("page", pageNumber).data("fullPage", answer.items().size() == 50)
                .data("done", Done.message(done))
                .data("ownActions", user.isStaff()
                        && Boolean.TRUE.equals(notifications.preferences().notifyOfOwnActions()));
    }

    /** Staff choose whether they are told of what they did themselves; their other choices are sent back as read. */
    @POST
    @Path("own-actions")
    public Response ownActions(@RestForm String notify) {
        if (!user.isStaff()) {
            throw new ForbiddenException("Only the regulator's staff choose whether they are told of their own "
                    + "actions.");
        }
        boolean on = "yes".equals(notify);
        notifications.replacePreferences(notifications.preferences().withOwnActions(on));
        return Response.seeOther(URI.create("/inbox?done=" + (on ? "own-actions-on" : "own-actions-off"))).build();
    }

    @POST
    @Path("{id}/read")
    public Response markRead(@PathParam("id") String id) {
        notifications.markRead(id);
        return Response.seeOther(URI.create("/inbox?done=read")).build();
    }

    @POST
    @Path("read-all")
    public Response markAllRead() {
        notifications.markAllRead();
        return Response.seeOther(URI.create("/inbox?done=read")).build();
    }

    /** Each new notification as a server-sent event, passed on from notification-service as it comes. */
    @GET
    @Path("stream")
    @Produces("text/event-stream")
    @RunOnVirtualThread
    public Response stream(HttpServerRequest browser) {
        return transfers.events(Service.NOTIFICATIONS, "/inbox/stream", browser);
    }
}
