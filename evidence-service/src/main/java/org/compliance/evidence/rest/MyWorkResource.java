package org.compliance.evidence.rest;

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.compliance.api.evidence.views.EvidenceWork;
import org.compliance.evidence.domain.DueMoments;
import org.compliance.evidence.query.WorkQueries;
import org.compliance.evidence.query.WorkQueries.Queue;
import org.compliance.evidence.query.WorkQueries.Scope;
import org.compliance.platform.identity.Caller;
import org.compliance.platform.identity.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The evidence side of a member of staff's landing page. Its root is "/" like the other request resources (see
 * {@link RequestLifecycleResource}).
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "My work", description = "What waits for a member of staff")
public class MyWorkResource {

    /** How far ahead the deadlines chart looks. */
    static final int CHART_DAYS = 30;

    private final CurrentCaller caller;
    private final WorkQueries queries;
    private final Clock clock;

    public MyWorkResource(CurrentCaller caller, WorkQueries queries, Clock clock) {
        this.caller = caller;
        this.queries = queries;
        this.clock = clock;
    }

    @GET
    @Path("/me/work")
    @RolesAllowed({RequestLifecycleResource.STAFF, RequestLifecycleResource.SUPERVISOR})
    @Operation(operationId = "getMyEvidenceWork", summary = "Requests waiting on the caller",
            description = "Investigators and supervisors. Open requests of the cases the caller leads or is on the "
                    + "team of: overdue, due within dueWithinDays, with a submission awaiting review; extension "
                    + "requests awaiting a supervisor (for supervisors, of every case: they decide them); and how "
                    + "many fall due on each of the next 30 days (Europe/London, today first). Each list: its count "
                    + "and its first size items, soonest due first.")
    @APIResponse(responseCode = "200", description = "The caller's queues", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvidenceWork.class)))
    public Uni<EvidenceWork> work(@QueryParam("dueWithinDays") @DefaultValue("7") @Min(1) @Max(90)
                                  @Parameter(description = "How far ahead \"due soon\" looks, 1 to 90 days")
                                  int dueWithinDays,
                                  @QueryParam("size") @DefaultValue("10") @Min(1) @Max(50)
                                  @Parameter(description = "How many items of each list, 1 to 50") int size) {
        Caller me = caller.get();
        String userId = me.subject();
        Instant now = clock.instant();
        Instant dueBy = now.plus(Duration.ofDays(dueWithinDays));
        Scope extensions = me.hasRole(RequestLifecycleResource.SUPERVISOR) ? Scope.EVERY_CASE : Scope.MINE;
        return Uni.combine().all().unis(
                        queries.list(Queue.OVERDUE, Scope.MINE, userId, dueBy, size),
                        queries.list(Queue.DUE_SOON, Scope.MINE, userId, dueBy, size),
                        queries.list(Queue.AWAITING_REVIEW, Scope.MINE, userId, dueBy, size),
                        queries.list(Queue.EXTENSION_PENDING, extensions, userId, dueBy, size),
                        queries.dueByDay(Scope.MINE, userId, LocalDate.ofInstant(now, DueMoments.ZONE), CHART_DAYS))
                .with((overdue, dueSoon, review, pending, byDay) -> new EvidenceWork(now, DueMoments.ZONE.getId(),
                        dueWithinDays, overdue, dueSoon, review, pending, byDay));
    }
}
