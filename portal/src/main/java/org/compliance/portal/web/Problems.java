package org.compliance.portal.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Map;
import org.compliance.portal.backend.ServiceProblem;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What the user sees when something is refused: the service's own words and status, on a page with a way back;
 * scripts (uploads, previews) get problem+json. Nothing is retried behind the user's back.
 */
public class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class);
    public static final String PROBLEM_JSON = "application/problem+json";

    private final Template error;

    public Problems(@Location("error.html") Template error) {
        this.error = error;
    }

    @ServerExceptionMapper
    public Response refused(ServiceProblem problem, HttpHeaders headers) {
        if (problem.status() >= 500) {
            LOG.warnf("Shown to the user: %d %s: %s", problem.status(), problem.title(), problem.detail());
        }
        return answer(problem.status(), problem.title(), problem.detail(), headers);
    }

    /**
     * A form sent after the session ended comes back from the sign-in as a GET of the form's address; the
     * page it belongs to is one step up.
     */
    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri, jakarta.ws.rs.core.Request request) {
        if (request.getMethod().equals("GET")) {
            String path = uri.getPath();
            return Response.seeOther(URI.create(path.substring(0, Math.max(1, path.lastIndexOf('/'))))).build();
        }
        return Response.status(405).build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (status >= 300 && status < 400) {
            return e.getResponse();
        }
        String title = status == 404 ? "Not found" : status == 400 ? "That was not understood" : "Refused";
        return answer(status, title, status == 404 ? "There is no such page." : e.getMessage(), headers);
    }

    private Response answer(int status, String title, String detail, HttpHeaders headers) {
        // Scripts say so (X-Requested-With) or ask for JSON first; a browser's navigation asks for HTML first.
        var accepted = headers.getAcceptableMediaTypes();
        boolean script = headers.getRequestHeaders().containsKey("X-Requested-With")
                || !accepted.isEmpty() && !accepted.get(0).isWildcardType()
                && accepted.get(0).isCompatible(MediaType.APPLICATION_JSON_TYPE);
        if (script) {
            return Response.status(status).type(PROBLEM_JSON)
                    .entity(Map.of("status", status, "title", title, "detail", detail == null ? "" : detail)).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(error.data("status", status).data("title", title).data("detail", detail).render()).build();
    }
}
