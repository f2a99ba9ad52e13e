package org.compliance.notifications.rest;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.UUID;
import org.compliance.api.notifications.views.InboxItem;
import org.compliance.api.notifications.views.InboxPage;
import org.compliance.api.notifications.views.Unread;
import org.compliance.notifications.inbox.InboxNotification;
import org.compliance.notifications.inbox.InboxRepository;
import org.compliance.notifications.inbox.LiveInbox;
import org.compliance.platform.identity.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** The caller's own in-app inbox; nobody can read another person's. */
@Path("/inbox")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inbox", description = "The caller's own in-app notifications")
@RolesAllowed({"investigator", "supervisor", "company", "auditor", "operator"})
public class InboxResource {

    /** A case's id as case-service makes them; a notification kind's name. */
    private static final String ID = "[A-Za-z0-9][A-Za-z0-9-]{0,63}";
    private static final String KIND = "[A-Z][A-Z_]{0,63}";

    private final InboxRepository inbox;
    private final LiveInbox live;
    private final CurrentCaller caller;
    private final Clock clock;

    public InboxResource(InboxRepository inbox, LiveInbox live, CurrentCaller caller, Clock clock) {
        this.inbox = inbox;
        this.live = live;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @WithSession
    @Operation(operationId = "listInbox",
            summary = "The caller's notifications, newest first, with the number still unread",
            description = "Filtered to unread ones, one case's, one kind's when asked; kinds lists the kinds the "
                    + "caller has had, what kind can be.")
    public Uni<InboxPage> mine(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
                               @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size,
                               @QueryParam("unread") @DefaultValue("false")
                               @Parameter(description = "Only unread notifications") boolean unreadOnly,
                               @QueryParam("caseId") @Size(max = 64) @Pattern(regexp = ID)
                               @Parameter(description = "Only this case's notifications") String caseId,
                               @QueryParam("kind") @Size(max = 64) @Pattern(regexp = KIND)
                               @Parameter(description = "Only notifications of this kind") String kind) {
        String me = caller.get().subject();
        return inbox.newestFirst(me, unreadOnly, caseId, kind, Page.of(page, size))
                .flatMap(items -> inbox.unread(me).flatMap(unread -> inbox.kinds(me)
                        .map(kinds -> new InboxPage(items.stream().map(InboxResource::item).toList(), page, size,
                                unread, kinds))));
    }

    @GET
    @Path("/unread")
    @WithSession
    @Operation(operationId = "countUnread",
            summary = "How many of the caller's notifications are unread")
    public Uni<Unread> unread() {
        return inbox.unread(caller.get().subject()).map(Unread::new);
    }

    @POST
    @Path("/{id}/read")
    @WithTransaction
    @Operation(operationId = "markRead",
            summary = "Mark one notification read", description = "404 for a notification that is not the caller's.")
    public Uni<InboxItem> markRead(@PathParam("id") UUID id) {
        String me = caller.get().subject();
        return inbox.findById(id).onItem().ifNull().failWith(() -> new NotFoundException("No notification " + id))
                .map(n -> {
                    if (!n.recipientId.equals(me)) {
                        throw new NotFoundException("No notification " + id);
                    }
                    if (n.readAt == null) {
                        n.readAt = clock.instant();
                    }
                    return item(n);
                });
    }

    @POST
    @Path("/read-all")
    @WithTransaction
    @Operation(operationId = "markAllRead",
            summary = "Mark all the caller's notifications read, or only one case's",
            description = "Answers how many of the caller's notifications are still unread.")
    public Uni<Unread> markAllRead(@QueryParam("caseId") @Size(max = 64) @Pattern(regexp = ID)
                                   @Parameter(description = "Only this case's notifications") String caseId) {
        String me = caller.get().subject();
        return (caseId == null ? inbox.markAllRead(me, clock.instant()) : inbox.markCaseRead(me, caseId,
                clock.instant())).chain(ignored -> inbox.unread(me)).map(Unread::new);
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(operationId = "streamInbox",
            summary = "Live: each new notification of the caller as a server-sent event, as it is created")
    public Multi<InboxItem> stream() {
        return live.of(caller.get().subject());
    }

    private static InboxItem item(InboxNotification n) {
        return new InboxItem(n.id, n.recipientId, n.kind, n.urgency, n.caseId, n.requestId, n.subject, n.body,
                n.link, n.createdAt, n.readAt);
    }
}
