package org.compliance.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * RFC 9457 problem details, the one error shape of every service.
 *
 * @param errors field-level problems of a rejected request, when there are any
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String requestId,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * @param field   the field's name as the API documents it: a body path such as {@code respondents[0].name},
     *                or a parameter's name
     * @param pointer the RFC 6901 JSON pointer into the request body ({@code /respondents/0/name}); absent for
     *                parameters
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String pointer, String message) {

        public static FieldError parameter(String name, String message) {
            return new FieldError(name, null, message);
        }
    }

    private static final ObjectMapper WRITER = new ObjectMapper();

    /** The body of a problem answered below JAX-RS (by an HTTP filter or handler), where no mapper runs. */
    public static String json(int status, String title, String detail, String requestId) {
        try {
            return WRITER.writeValueAsString(new Problem("about:blank", title, status, detail, requestId, List.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Response response(Response.Status status, String detail, String requestId) {
        return response(status.getStatusCode(), status.getReasonPhrase(), detail, requestId, List.of());
    }

    public static Response response(int status, String title, String detail, String requestId,
                                    List<FieldError> errors) {
        return Response.status(status)
                .type(MediaType.valueOf(MEDIA_TYPE))
                .entity(new Problem("about:blank", title, status, detail, requestId, errors))
                .build();
    }
}
