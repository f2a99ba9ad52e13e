package org.compliance.portal.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Forms the page script sends itself (so that a refusal is shown beside the fields, with what was typed kept): the
 * script says so with {@value #HEADER}, and the redirect that ends a successful change becomes a 200 naming where
 * to go, because a script cannot read a redirect's Location. Everything else about the answer (cookies, the
 * read-after position) stays as it is. Without scripts the form posts as usual and the browser follows the redirect.
 */
public class InlineForms {

    static final String HEADER = "X-Portal-Form";

    @ServerResponseFilter
    public void redirectToLocation(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 303 && "inline".equals(request.getHeaderString(HEADER))) {
            Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
            response.getHeaders().remove(HttpHeaders.LOCATION);
            response.setStatus(200);
            response.setEntity(Map.of("location", String.valueOf(location)), null, MediaType.APPLICATION_JSON_TYPE);
        }
    }
}
