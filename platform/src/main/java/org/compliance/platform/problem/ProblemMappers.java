package org.compliance.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.compliance.platform.axon.PeerUnavailable;
import org.compliance.platform.domain.RuleViolation;
import org.compliance.platform.identity.RequestCorrelation;
import org.compliance.platform.input.BodyLimit;
import org.compliance.platform.input.InvalidParameter;
import org.compliance.platform.personaldata.SubjectKeys;
import org.compliance.platform.reads.ReadsOnRecord;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into problem details; nothing a client sends yields a bare 500. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final RequestCorrelation request;

    public ProblemMappers(RequestCorrelation request) {
        this.request = request;
    }

    @ServerExceptionMapper
    public Response ruleViolation(RuleViolation e) {
        if (e.kind() == RuleViolation.Kind.CONFLICT) {
            return Problem.response(Response.Status.CONFLICT, e.getMessage(), request.requestId());
        }
        List<Problem.FieldError> errors = e.field().map(field -> List.of(
                new Problem.FieldError(field, JsonPaths.pointerOf(field), e.getMessage()))).orElse(List.of());
        return Problem.response(422, "Unprocessable Content", e.getMessage(), request.requestId(), errors);
    }

    @ServerExceptionMapper
    public Response validation(ResteasyReactiveViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(ProblemMappers::fieldError)
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problem.response(422, "Unprocessable Content", "The request has invalid or missing fields",
                request.requestId(), errors);
    }

    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, UnrecognizedPropertyException.class, InvalidFormatException.class})
    public Response unreadableJson(JsonProcessingException e) {
        if (causedBy(e, SubjectKeys.SubjectErased.class) instanceof SubjectKeys.SubjectErased erased) {
            return subjectErased(erased);
        }
        if (causedBy(e, BodyLimit.TooLarge.class) instanceof BodyLimit.TooLarge tooLarge) {
            return tooLarge(tooLarge);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            var field = JsonPaths.of(mapping.getPath());
            String message = fieldMessage(mapping);
            return Problem.response(400, "Bad Request", "Field '" + field.name() + "' " + message,
                    request.requestId(), List.of(new Problem.FieldError(field.name(), field.pointer(), message)));
        }
        return Problem.response(Response.Status.BAD_REQUEST, "The body is not valid JSON for this request: "
                + Bounded.text(e.getOriginalMessage()), request.requestId());
    }

    @ServerExceptionMapper
    public Response notFound(AggregateNotFoundException e) {
        return Problem.response(Response.Status.NOT_FOUND, "No such " + "record: " + e.getAggregateIdentifier(),
                request.requestId());
    }

    @ServerExceptionMapper
    public Response staleVersion(ConflictingAggregateVersionException e) {
        return Problem.response(Response.Status.CONFLICT, "It has changed since version " + e.getExpectedVersion()
                + " (now " + e.getActualVersion() + "); reload it, check the changes, and try again",
                request.requestId());
    }

    @ServerExceptionMapper
    public Response preconditionRequired(PreconditionRequired e) {
        return Problem.response(428, "Precondition Required", e.getMessage(), request.requestId(), List.of());
    }

    @ServerExceptionMapper({ConcurrencyException.class, DeadlockException.class})
    public Response concurrentChange(RuntimeException e) {
        return Problem.response(Response.Status.CONFLICT,
                "Someone else changed this at the same time; reload and try again", request.requestId());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        return Response.fromResponse(Problem.response(Response.Status.UNAUTHORIZED,
                        "A valid bearer token is required", request.requestId()))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.response(Response.Status.FORBIDDEN, "Your role does not allow this", request.requestId());
    }

    @ServerExceptionMapper
    public Response tooLarge(BodyLimit.TooLarge e) {
        return Problem.response(413, "Content Too Large", e.getMessage(), request.requestId(), List.of());
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameter e) {
        return Problem.response(400, "Bad Request", e.getMessage(), request.requestId(),
                List.of(Problem.FieldError.parameter(e.parameter(), e.getMessage())));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        if (e.getCause() instanceof InvalidParameter parameter) {
            return invalidParameter(parameter);
        }
        if (causedBy(e, BodyLimit.TooLarge.class) instanceof BodyLimit.TooLarge tooLarge) {
            return tooLarge(tooLarge);
        }
        Response original = e.getResponse();
        var status = Response.Status.fromStatusCode(original.getStatus());
        String title = status != null ? status.getReasonPhrase() : "HTTP " + original.getStatus();
        Response problem = Problem.response(original.getStatus(), title, Bounded.text(e.getMessage()),
                request.requestId(), List.of());
        String allow = original.getHeaderString("Allow");
        return allow == null ? problem : Response.fromResponse(problem).header("Allow", allow).build();
    }

    /** A peer the answer needs (Keycloak's directory, say) cannot answer now: worth repeating shortly, not a 500. */
    @ServerExceptionMapper
    public Response peerUnavailable(PeerUnavailable e) {
        LOG.warnf("Request %s: %s", request.requestId(), e.getMessage());
        return Response.fromResponse(Problem.response(Response.Status.SERVICE_UNAVAILABLE,
                        "A service this answer needs cannot answer now; try again shortly", request.requestId()))
                .header("Retry-After", "5").build();
    }

    /** A read of a case could not be put on the record, so it is not shown: worth repeating shortly, not a 500. */
    @ServerExceptionMapper
    public Response readNotRecorded(ReadsOnRecord.NotRecorded e) {
        LOG.warnf("Request %s: %s", request.requestId(), e.getMessage());
        return Response.fromResponse(Problem.response(Response.Status.SERVICE_UNAVAILABLE,
                        "Too many reads of this case at once to put this one on the record; try again shortly",
                        request.requestId()))
                .header("Retry-After", "1").build();
    }

    /**
     * A text names a data subject whose key is destroyed: nothing more may be kept about them (decision 29). Thrown
     * while the event is written, so it arrives wrapped.
     */
    @ServerExceptionMapper
    public Response subjectErased(SubjectKeys.SubjectErased e) {
        return Problem.response(Response.Status.CONFLICT, "The text names a person who was erased from the case;"
                + " nothing more can be kept about them: leave their name out", request.requestId());
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        if (causedBy(e, SubjectKeys.SubjectErased.class) instanceof SubjectKeys.SubjectErased erased) {
            return subjectErased(erased);
        }
        if (causedBy(e, ReadsOnRecord.NotRecorded.class) instanceof ReadsOnRecord.NotRecorded notRecorded) {
            return readNotRecorded(notRecorded);
        }
        if (DatabaseOutage.causes(e)) {
            LOG.warnf("Request %s: the database cannot be reached or has no room now: %s", request.requestId(),
                    e.getMessage());
            return Response.fromResponse(Problem.response(Response.Status.SERVICE_UNAVAILABLE,
                            "The service's database cannot take this request now; nothing was changed, try again"
                                    + " shortly", request.requestId()))
                    .header("Retry-After", "5").build();
        }
        LOG.errorf(e, "Unexpected failure in request %s", request.requestId());
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR,
                "Unexpected error; quote request id " + request.requestId(), request.requestId());
    }

    private static Throwable causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return cause;
            }
        }
        return null;
    }

    private static Problem.FieldError fieldError(ConstraintViolation<?> violation) {
        var field = JsonPaths.of(violation.getPropertyPath());
        return new Problem.FieldError(field.name(), field.pointer(), violation.getMessage());
    }

    private static String fieldMessage(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        if (e instanceof InvalidNullException) {
            return "must not be null";
        }
        if (e instanceof InvalidFormatException format && format.getValue() == null) {
            return Bounded.text(e.getOriginalMessage());
        }
        if (e instanceof MismatchedInputException mismatch) {
            return "has the wrong type" + (mismatch.getTargetType() == null ? ""
                    : ": expected " + JsonPaths.kind(mismatch.getTargetType()));
        }
        return "cannot be read: " + Bounded.text(e.getOriginalMessage());
    }
}
