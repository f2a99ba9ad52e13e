package org.compliance.portal.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.compliance.portal.backend.ServiceProblem;
import org.jboss.logging.Logger;

/**
 * How every refusal and failure is shown, wherever it happened: the portal's error page with the status, the
 * words and the request id, or problem+json for the page's scripts. {@link Problems} uses it for the refusals it
 * expects, {@link Failures} for everything else.
 */
@ApplicationScoped
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";

    /** What to send: its media type and body. */
    public record Shown(String type, String body) {
    }

    private final Template error;
    private final ObjectMapper json;

    public ErrorPages(@Location("error.html") Template error, ObjectMapper json) {
        this.error = error;
        this.json = json;
    }

    /**
     * Scripts say so (X-Requested-With) or ask for JSON first; a browser's navigation asks for HTML first.
     * {@code firstAccepted} is the most preferred media type of the Accept header, if any.
     */
    public static boolean fromScript(boolean requestedWith, MediaType firstAccepted) {
        return requestedWith || firstAccepted != null && !firstAccepted.isWildcardType()
                && firstAccepted.isCompatible(MediaType.APPLICATION_JSON_TYPE);
    }

    /**
     * The answer for a status. {@code withNavigation} is false where the signed-in user cannot be asked about
     * (outside a page's request): the page then has no menu, which needs nothing from the services.
     */
    public Shown show(int status, String title, String detail, String requestId, boolean script,
                      boolean withNavigation) {
        return show(status, title, detail, requestId, script, withNavigation, List.of());
    }

    /**
     * The same, with the refused request's field-level errors: in problem+json for the page's script, which puts
     * each beside its field; listed on the page for a browser without scripts.
     */
    public Shown show(int status, String title, String detail, String requestId, boolean script,
                      boolean withNavigation, List<ServiceProblem.FieldError> errors) {
        if (script) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", title);
            problem.put("status", status);
            problem.put("detail", detail == null ? "" : detail);
            problem.put("requestId", requestId);
            if (!errors.isEmpty()) {
                problem.put("errors", errors);
            }
            try {
                return new Shown(PROBLEM_JSON, json.writeValueAsString(problem));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return new Shown(HTML, page(status, title, detail, requestId, withNavigation, errors));
        } catch (RuntimeException e) {
            if (withNavigation) {
                LOG.warnf(e, "The error page with navigation failed (request %s); shown without", requestId);
                return show(status, title, detail, requestId, false, false);
            }
            // The error page itself failed: a page that cannot fail, still with the request id.
            LOG.errorf(e, "The error page failed (request %s)", requestId);
            return new Shown(HTML, "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
                    + "<title>Error · Compliance portal</title></head><body data-page-id=\"" + PageIds.pageId()
                    + "\"><main><h1>Something went wrong</h1><p>Request id <code id=\"request-id\">" + requestId
                    + "</code> (status " + status + ").</p><p><a href=\"/\">Start page</a></p></main></body></html>");
        }
    }

    private String page(int status, String title, String detail, String requestId, boolean withNavigation,
                        List<ServiceProblem.FieldError> errors) {
        return error.data("status", status).data("title", title).data("detail", detail)
                .data("requestId", requestId).data("minimal", !withNavigation).data("errors", errors).render();
    }
}
