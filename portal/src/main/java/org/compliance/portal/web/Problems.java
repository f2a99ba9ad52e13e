package org.compliance.portal.web;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.compliance.portal.backend.ServiceProblem;
import org.compliance.portal.http.RequestIds;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What the user sees when something is refused: the service's own words and status, on a page with a way back;
 * scripts (uploads, previews) get problem+json. Nothing is retried behind the user's back. Anything else that goes
 * wrong ends in {@link Failures}.
 */
public class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class);

    private final ErrorPages pages;
    private final RoutingContext context;

    public Problems(ErrorPages pages, RoutingContext context) {
        this.pages = pages;
        this.context = context;
    }

    @ServerExceptionMapper
    public Response refused(ServiceProblem problem, HttpHeaders headers) {
        if (problem.status() >= 500) {
            LOG.warnf("Shown to the user: %d %s: %s (request %s)", problem.status(), problem.title(),
                    problem.detail(), RequestIds.of(context));
        }
        return answer(problem.status(), problem.title(), problem.detail(), headers, problem.errors());
    }

    @ServerExceptionMapper
    public Response formRefused(FormRefused refused, HttpHeaders headers) {
        return answer(422, "Check the form", refused.getMessage(), headers, refused.errors());
    }

    /**
     * A form sent after the session ended comes back from the sign-in as a GET of the form's address; the
     * page it belongs to is one step up.
     */
    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri, jakarta.ws.rs.core.Request request,
                               HttpHeaders headers) {
        if (request.getMethod().equals("GET")) {
            String path = uri.getPath();
            return Response.seeOther(URI.create(path.substring(0, Math.max(1, path.lastIndexOf('/'))))).build();
        }
        return answer(405, "Not allowed", "This address does not take that kind of request.", headers);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (status >= 300 && status < 400) {
            return e.getResponse();
        }
        if (status >= 500) {
            LOG.errorf(e, "Unexpected failure (request %s)", RequestIds.of(context));
        }
        return answer(status, Failures.title(status), status >= 500 || status == 404 ? Failures.detail(status)
                : e.getMessage(), headers);
    }

    private Response answer(int status, String title, String detail, HttpHeaders headers) {
        return answer(status, title, detail, headers, List.of());
    }

    private Response answer(int status, String title, String detail, HttpHeaders headers,
                            List<ServiceProblem.FieldError> errors) {
        var accepted = headers.getAcceptableMediaTypes();
        boolean script = ErrorPages.fromScript(headers.getRequestHeaders().containsKey("X-Requested-With"),
                accepted.isEmpty() ? null : accepted.get(0));
        ErrorPages.Shown shown = pages.show(status, title, detail, RequestIds.of(context), script, true, errors);
        return Response.status(status).type(shown.type()).entity(shown.body()).build();
    }
}
