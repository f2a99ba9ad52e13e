package org.compliance.portal.http;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request to the portal has an id, as in the services: a sane {@code X-Request-Id} from a proxy is kept,
 * otherwise one is made. It is in the response header and the access log, on every error page, and it goes with
 * every call to a service (so their logs and the events a change causes carry the same id).
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final String KEY = RequestIds.class.getName();
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void everyRequest(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_BODY_HANDLER).handler(context -> {
            of(context);
            context.next();
        });
    }

    /** The id of the request this context serves (given to it on first asking). */
    public static String of(RoutingContext context) {
        String id = context.get(KEY);
        if (id == null) {
            String offered = context.request().getHeader(HEADER);
            id = offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
            context.put(KEY, id);
            if (!context.response().headWritten()) {
                context.response().putHeader(HEADER, id);
            }
        }
        return id;
    }
}
