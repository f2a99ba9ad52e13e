package org.compliance.portal.web;

import static org.compliance.portal.web.Forms.given;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.compliance.api.notifications.views.InboxItem;
import org.compliance.api.notifications.views.InboxPage;
import org.compliance.portal.backend.CasesClient;
import org.compliance.portal.backend.NotificationsClient;
import org.compliance.portal.backend.ServiceProblem;
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
    private final CasesClient cases;

    public InboxPages(@RestClient NotificationsClient notifications, AsAnswered asAnswered, Transfers transfers,
                      @Location("inbox.html") Template inbox, SignedInUser user, @RestClient CasesClient cases) {
        this.cases = cases;
        this.notifications = notifications;
        this.user = user;
        this.asAnswered = asAnswered;
        this.transfers = transfers;
        this.inbox = inbox;
    }

    /** The notifications of one case on the page (or of none: notices about no case), the case named by its title. */
    public record Group(String caseId, String title, List<InboxItem> items, long unread) {
    }

    @GET
    public TemplateInstance inbox(@RestQuery Integer page, @RestQuery String done, @RestQuery String unread,
                                  @RestQuery String caseId, @RestQuery String kind) {
        int pageNumber = page == null ? 0 : Math.max(0, page);
        boolean unreadOnly = "yes".equals(unread);
        InboxPage answer = notifications.inbox(pageNumber, 50, unreadOnly, given(caseId), given(kind));
        return inbox.data("groups", asAnswered.of(groups(answer.items()))).data("unread", answer.unread())
                .data("kinds", answer.kinds()).data("kind", given(kind)).data("caseId", given(caseId))
                .data("unreadOnly", unreadOnly).data("filtered", unreadOnly || given(caseId) != null
                        || given(kind) != null)
                .data("empty", answer.items().isEmpty())
                .data("query", query(unreadOnly, given(caseId), given(kind)))
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
    public Response markAllRead(@RestForm String caseId) {
        notifications.markAllRead(given(caseId));
        return Response.seeOther(URI.create("/inbox?done=read")).build();
    }

    /** The page's notifications by case, in the order their newest arrived; each case named by its title. */
    private List<Group> groups(List<InboxItem> items) {
        var byCase = new LinkedHashMap<String, List<InboxItem>>();
        items.forEach(item -> byCase.computeIfAbsent(item.caseId() == null ? "" : item.caseId(),
                key -> new ArrayList<>()).add(item));
        return byCase.entrySet().stream().map(e -> new Group(e.getKey().isEmpty() ? null : e.getKey(),
                e.getKey().isEmpty() ? "Not about one case" : caseTitle(e.getKey()), e.getValue(),
                e.getValue().stream().filter(i -> i.readAt() == null).count())).toList();
    }

    /** The case's title as the user may read it; a case they can no longer see keeps a plain heading. */
    private String caseTitle(String caseId) {
        try {
            return user.isStaff() || user.isAuditor() ? cases.staffView(caseId).getEntity().title
                    : cases.respondentView(caseId).getEntity().title();
        } catch (ServiceProblem refused) {
            return "A case you cannot open";
        }
    }

    private static String query(boolean unreadOnly, String caseId, String kind) {
        var parts = new ArrayList<String>();
        if (unreadOnly) {
            parts.add("unread=yes");
        }
        if (caseId != null) {
            parts.add("caseId=" + Forms.segment(caseId));
        }
        if (kind != null) {
            parts.add("kind=" + Forms.segment(kind));
        }
        return String.join("&", parts);
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
