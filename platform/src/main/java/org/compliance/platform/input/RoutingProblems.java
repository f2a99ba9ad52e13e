package org.compliance.platform.input;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/**
 * Answers with problem details what the router itself refuses before any resource runs: a path it cannot
 * decode (a raw {@code %} or {@code %zz}), a path no resource serves, a method no resource takes there, a body
 * past the size limit found while reading. Without this, these answers have no body at all.
 */
@ApplicationScoped
public class RoutingProblems {

    private static final Map<Integer, String> TITLES = Map.of(
            400, "Bad Request",
            404, "Not Found",
            405, "Method Not Allowed",
            413, "Content Too Large",
            414, "URI Too Long",
            415, "Unsupported Media Type",
            431, "Request Header Fields Too Large");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::onFailure);
        TITLES.keySet().forEach(status -> router.errorHandler(status, ctx -> answer(ctx, status)));
    }

    private void onFailure(RoutingContext ctx) {
        if (!ctx.response().ended() && !ctx.response().headWritten() && TITLES.containsKey(ctx.statusCode())) {
            answer(ctx, ctx.statusCode());
        } else {
            ctx.next();
        }
    }

    private static void answer(RoutingContext ctx, int status) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        InboundRequests.refuse(ctx, status, TITLES.get(status), switch (status) {
            case 400 -> "The request cannot be read: check the path, the query and the body";
            case 404 -> "No such resource";
            case 405 -> "This resource does not take " + ctx.request().method();
            case 413 -> "The body is larger than this service accepts";
            default -> TITLES.get(status);
        });
    }
}
