package org.compliance.notifications.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.compliance.notifications.inbox.InboxNotification;
import org.compliance.notifications.inbox.InboxRepository;
import org.compliance.platform.identity.CurrentCaller;

/** The caller's own in-app inbox; nobody can read another person's. */
@Path("/inbox")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    public record Item(UUID id, String kind, String caseId, String subject, String body, Instant createdAt,
                       Instant readAt) {
        static Item of(InboxNotification n) {
            return new Item(n.id, n.kind, n.caseId, n.subject, n.body, n.createdAt, n.readAt);
        }
    }

    public record InboxPage(List<Item> items, int page, int size, long unread) {
    }

    private final InboxRepository inbox;
    private final CurrentCaller caller;

    public InboxResource(InboxRepository inbox, CurrentCaller caller) {
        this.inbox = inbox;
        this.caller = caller;
    }

    /** The caller's notifications, newest first, with the number still unread. */
    @GET
    @RolesAllowed({"investigator", "supervisor", "company", "auditor"})
    @WithSession
    public Uni<InboxPage> mine(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                               @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        String me = caller.get().subject();
        return inbox.newestFirst(me, Page.of(page, size))
                .flatMap(items -> inbox.unread(me)
                        .map(unread -> new InboxPage(items.stream().map(Item::of).toList(), page, size, unread)));
    }
}
