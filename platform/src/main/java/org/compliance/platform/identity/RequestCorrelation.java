package org.compliance.platform.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The HTTP request id: taken from {@code X-Request-Id} when a client or proxy sent a sane one,
 * otherwise generated; echoed in the response and recorded in the metadata of every event the
 * request causes.
 */
@RequestScoped
public class RequestCorrelation {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private String requestId;

    public String requestId() {
        if (requestId == null) {
            requestId = UUID.randomUUID().toString();
        }
        return requestId;
    }

    @ServerRequestFilter(preMatching = true)
    public void onRequest(ContainerRequestContext request) {
        requestId = offeredOrNew(request.getHeaderString(HEADER));
    }

    /** The id a client or proxy offered when it is sane, otherwise a new one. */
    public static String offeredOrNew(String offered) {
        return offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    @ServerResponseFilter
    public void onResponse(ContainerResponseContext response) {
        response.getHeaders().putSingle(HEADER, requestId());
    }
}
