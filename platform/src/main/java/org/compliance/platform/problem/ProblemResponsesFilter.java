package org.compliance.platform.problem;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Documents, on every operation of every service, the problem answers {@link ProblemMappers} can give, with
 * the RFC 9457 body they share; and 428 on operations that take {@code If-Match}.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final Map<String, String> ANSWERS = Map.of(
            "400", "Malformed JSON, an unknown field, a wrong type or an unreadable parameter",
            "401", "No valid bearer token",
            "403", "The caller's role may not do this",
            "404", "No such thing, or one the caller may not see",
            "409", "The current state refuses it, or it changed since the version in If-Match",
            "413", "The body is larger than allowed",
            "422", "A field is missing or invalid, or a rule refuses the request; errors name the fields");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getComponents().addSchema("Problem", problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values()
                .forEach(this::documentProblems));
    }

    private void documentProblems(Operation operation) {
        ANSWERS.forEach((status, meaning) -> addIfAbsent(operation, status, meaning));
        boolean versioned = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()));
        if (versioned) {
            addIfAbsent(operation, "428", "If-Match is missing: send the ETag of the version you read");
        }
    }

    private static void addIfAbsent(Operation operation, String status, String meaning) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (operation.getResponses().hasAPIResponse(status)) {
            return;
        }
        operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(meaning)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/Problem")))));
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty("type", string)
                .addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", string)
                .addProperty("requestId", string)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                                .addProperty("field", string).addProperty("message", string)));
    }
}
