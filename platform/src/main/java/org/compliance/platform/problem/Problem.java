package org.compliance.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
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

    public record FieldError(String field, String message) {
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
