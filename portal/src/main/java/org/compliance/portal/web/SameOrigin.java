package org.compliance.portal.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Cross-site request forgery: a change (any method but GET/HEAD/OPTIONS) whose Origin is not the portal itself
 * is refused. Browsers send Origin with every such request; the session cookie is also SameSite=Lax, so a
 * form on another site would arrive without the session anyway.
 */
public class SameOrigin {

    private static final Logger LOG = Logger.getLogger(SameOrigin.class);
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (SAFE.contains(request.getMethod()) || origin == null) {
            return null;
        }
        String host = request.getHeaderString("Host");
        String from;
        try {
            URI uri = URI.create(origin);
            from = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            from = origin;
        }
        if (from != null && from.equalsIgnoreCase(host)) {
            return null;
        }
        LOG.warnf("Refused %s %s from origin %s (portal host %s)", request.getMethod(),
                request.getUriInfo().getPath(), origin, host);
        return Response.status(403).type(ErrorPages.PROBLEM_JSON).entity(Map.of("status", 403, "title",
                "Refused", "detail", "Changes are accepted only from the portal's own pages.")).build();
    }
}
