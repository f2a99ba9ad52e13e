package org.compliance.platform.views;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.compliance.platform.identity.RequestCorrelation;
import org.compliance.platform.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The client's side of reading one's own writes (decision 12). Every change answered 2xx carries
 * {@code Consistency-Position}: the store's head once the change was stored, so at or after its events. A request
 * that sends such a position back as {@code Read-After} is handled once this service's views have reached it, or
 * refused with 503 and {@code Retry-After} when they have not within {@code compliance.axon.view-wait}.
 */
public class ReadAfter {

    /** Answered on every change: the store position the change reached. */
    public static final String POSITION = "Consistency-Position";
    /** Sent by a client: handle this request once the service's views have reached this position. */
    public static final String READ_AFTER = "Read-After";

    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern POSITION_SYNTAX = Pattern.compile("0|[1-9][0-9]{0,17}");

    private final Consistency consistency;
    private final RequestCorrelation request;

    public ReadAfter(Consistency consistency, RequestCorrelation request) {
        this.consistency = consistency;
        this.request = request;
    }

    @ServerRequestFilter
    public Uni<Response> awaitViews(ContainerRequestContext context) {
        String sent = context.getHeaderString(READ_AFTER);
        if (sent == null) {
            return Uni.createFrom().nullItem();
        }
        if (!POSITION_SYNTAX.matcher(sent).matches()) {
            return Uni.createFrom().item(Problem.response(400, "Bad Request", READ_AFTER + " must be a store "
                    + "position as answered in " + POSITION + " (a whole number)", request.requestId(),
                    List.of(Problem.FieldError.parameter(READ_AFTER, "must be a whole number"))));
        }
        long position = Long.parseLong(sent);
        // No change answered a position past the store's head: refused at once, rather than held for the wait.
        return consistency.pastHead(position).chain(past -> past
                ? Uni.createFrom().item(Problem.response(400, "Bad Request", READ_AFTER + " " + sent + " is past the "
                        + "store's head: no change answered it", request.requestId(),
                        List.of(Problem.FieldError.parameter(READ_AFTER, "is past the store's head"))))
                : awaitViews(position));
    }

    private Uni<Response> awaitViews(long position) {
        String sent = Long.toString(position);
        return consistency.reached(position).map(reached -> reached ? null
                : Response.fromResponse(Problem.response(503, "Service Unavailable", "This service's views have "
                        + "not yet reached position " + sent + "; try again shortly", request.requestId(), List.of()))
                        .header("Retry-After", "1").build());
    }

    @ServerResponseFilter
    public Uni<Void> answerPosition(ContainerRequestContext context, ContainerResponseContext response) {
        if (!CHANGES.contains(context.getMethod()) || response.getStatus() / 100 != 2) {
            return Uni.createFrom().voidItem();
        }
        // The change is stored already: a failure to read the head only leaves the position out.
        return consistency.head().invoke(head -> response.getHeaders().putSingle(POSITION, head.toString()))
                .replaceWithVoid().onFailure().recoverWithNull();
    }
}
