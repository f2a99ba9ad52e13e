package org.compliance.portal.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Every answer from a service that is not a success becomes a {@link ServiceProblem} with the service's own
 * problem title and detail (RFC 9457) and its status, which the portal shows as it is.
 */
public class ServiceProblems implements ResponseExceptionMapper<ServiceProblem> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 300;
    }

    @Override
    public ServiceProblem toThrowable(Response response) {
        return problem(response.getStatus(), response.hasEntity() ? response.readEntity(String.class) : null);
    }

    /** The problem in a service's answer: its title and detail, or words for the status when it gave none. */
    public static ServiceProblem problem(int status, String body) {
        JsonNode problem = parse(body);
        String title = problem.path("title").asText(status == 404 ? "Not found" : "Refused");
        String detail = problem.path("detail").asText(problem.path("title").asText("The service refused this ("
                + status + ")"));
        List<ServiceProblem.FieldError> errors = new ArrayList<>();
        problem.path("errors").forEach(error -> {
            if (error.path("field").isTextual() && error.path("message").isTextual()) {
                errors.add(new ServiceProblem.FieldError(error.get("field").asText(), error.get("message").asText()));
            }
        });
        return new ServiceProblem(status, title, detail, errors);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
