package org.compliance.platform.problem;

import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents on each operation the problem answers {@link ProblemMappers} can give it, with the RFC 9457 body
 * they share, so that a client (or a fuzzer) can rely on "every answer is among the documented ones":
 * 400 and 422 where the operation reads input, 401 and 403 where it needs a token, 404 where the path names
 * something, 413 and 415 where there is a body, 409 and 428 where {@code If-Match} guards a change. Other
 * answers an operation can give (a 409 from the state of a request, say) are declared on it with
 * {@code @APIResponse}; this filter gives them the problem body too. Applied at build time, so the documents
 * the builds store include it.
 */
public class ProblemResponsesFilter implements OASFilter {

    /** What smallrye adds by itself to secured operations and those with parameters: replaced by ours. */
    private static final Set<String> GENERATED = Set.of("Bad Request", "Not Authorized", "Not Allowed");

    /** An ETag as {@link Versions} writes it and reads it back: a quoted decimal version, nothing else. */
    static final String ETAG_PATTERN = "^\"(0|[1-9][0-9]{0,17})\"$";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean securedByDefault = openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations()
                .forEach((method, operation) -> documentProblems(method, operation, securedByDefault)));
    }

    private void documentProblems(PathItem.HttpMethod method, Operation operation, boolean securedByDefault) {
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean body = operation.getRequestBody() != null;
        // Every request has a path and a query that InboundRequests reads before any resource: each can be refused.
        boolean input = true;
        boolean mayCarryBody = body || method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH;
        boolean names = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
        boolean versioned = parameters.stream().anyMatch(ProblemResponsesFilter::isIfMatch);
        boolean secured = operation.getSecurity() != null ? !operation.getSecurity().isEmpty() : securedByDefault;

        parameters.stream().filter(ProblemResponsesFilter::isIfMatch).forEach(ProblemResponsesFilter::describeIfMatch);
        if (input) {
            answer(operation, "400", "Unreadable input: malformed JSON, an unknown or duplicated field, a wrong "
                    + "type, or a parameter that cannot be read");
        }
        if (secured) {
            answer(operation, "401", "No valid bearer token");
            operation.getResponses().getAPIResponse("401").addHeader("WWW-Authenticate", OASFactory.createHeader()
                    .description("Bearer").schema(string()));
            answer(operation, "403", "The caller's role may not do this");
        }
        if (names) {
            answer(operation, "404", "No such thing, or one the caller may not see");
        }
        if (versioned) {
            answer(operation, "409", "It changed since the version in If-Match, or its current state refuses this");
            answer(operation, "428", "If-Match is missing: send the ETag of the version you read");
        }
        answer(operation, "414", "The request target (path and query) is longer than allowed");
        answer(operation, "431", "The request's headers are larger than allowed");
        answer(operation, "503", "The views have not reached the position sent in Read-After in time, a peer "
                + "(Keycloak) or the database cannot answer now, or too many reads of one case at once could not all "
                + "be put on the record; nothing was changed or shown: try again after Retry-After");
        if (mayCarryBody) {
            answer(operation, "413", "The body is larger than allowed");
            boolean anyType = body && operation.getRequestBody().getContent() != null && operation.getRequestBody()
                    .getContent().hasMediaType("*/*");
            if (!anyType) {
                answer(operation, "415", "The body is not of the media type the operation reads");
            }
        }
        if (input) {
            answer(operation, "422", "A field is missing or invalid, or a rule refuses the request; errors name "
                    + "the fields");
        }
        // problem answers declared on the operation itself (a 409 from the state, say) get the problem body too
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().forEach((status, response) -> {
                if ((status.startsWith("4") || status.startsWith("5")) && response.getContent() == null) {
                    response.setContent(problemContent());
                }
            });
        }
    }

    private static boolean isIfMatch(Parameter parameter) {
        return parameter.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(parameter.getName());
    }

    private static void describeIfMatch(Parameter ifMatch) {
        ifMatch.setDescription("The ETag of the version you read, e.g. \"3\" (quotes included). Missing: 428; "
                + "another form: 400; an older version: 409");
        ifMatch.setSchema(string().pattern(ETAG_PATTERN).maxLength(20).addExample("\"3\""));
    }

    /** Adds the answer, or completes the one smallrye generated or an annotation declared without a body. */
    private static void answer(Operation operation, String status, String meaning) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponse response = operation.getResponses().getAPIResponse(status);
        if (response == null) {
            operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(meaning)
                    .content(problemContent()));
            return;
        }
        if (response.getDescription() == null || GENERATED.contains(response.getDescription())) {
            response.setDescription(meaning);
        }
        if (response.getContent() == null) {
            response.setContent(problemContent());
        }
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem")));
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details, the one error shape of every service")
                .addRequired("type").addRequired("title").addRequired("status")
                .addProperty("type", string().description("about:blank: the status says it all"))
                .addProperty("title", string().description("The status' reason phrase"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .format("int32").minimum(java.math.BigDecimal.valueOf(400))
                        .maximum(java.math.BigDecimal.valueOf(599)))
                .addProperty("detail", string().description("What was wrong, for a person to read"))
                .addProperty("requestId", string().description("Quote it when asking about this answer"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("Field-level problems of a refused request")
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                                .addRequired("field").addRequired("message")
                                .addProperty("field", string().description("The field refused: a body path "
                                        + "such as respondents[0].name, or a parameter's name"))
                                .addProperty("pointer", string().description("The field as an RFC 6901 JSON "
                                        + "pointer into the body, e.g. /respondents/0/name; absent for parameters"))
                                .addProperty("message", string())));
    }
}
