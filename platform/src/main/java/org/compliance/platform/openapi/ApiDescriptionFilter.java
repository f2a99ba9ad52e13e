package org.compliance.platform.openapi;

import java.util.Map;
import java.util.function.Supplier;
import org.compliance.platform.problem.ProblemResponsesFilter;
import org.compliance.platform.views.ReadAfter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Completes every service's OpenAPI document at build time: the path segments the whole suite names the same
 * way get their one format here (a case id is a UUID in every service), paging parameters their meaning, then
 * {@link ProblemResponsesFilter} documents the problem answers. Registered as {@code mp.openapi.filter} in platform's
 * {@code microprofile-config.properties}.
 */
public class ApiDescriptionFilter implements OASFilter {

    /** An organisation's alias in Keycloak, as the api module's case and evidence requests and the realm spell it. */
    public static final String ORGANISATION_ALIAS = "^[a-z0-9][a-z0-9-]{1,62}$";

    private static final String READ_AFTER_SYNTAX = "^(0|[1-9][0-9]{0,17})$";

    /** A fresh schema for each use: the document must not share one object between parameters. */
    private record Segment(String description, Supplier<Schema> schema) {
    }

    private static final Map<String, Segment> SEGMENTS = Map.ofEntries(
            Map.entry("caseId", new Segment("The case's id", ApiDescriptionFilter::uuid)),
            Map.entry("requestId", new Segment("The evidence request's id", ApiDescriptionFilter::uuid)),
            Map.entry("submissionId", new Segment("The submission's id", ApiDescriptionFilter::uuid)),
            Map.entry("fileId", new Segment("The file's id (its upload id)", ApiDescriptionFilter::uuid)),
            Map.entry("userId", new Segment("The member of staff's user id in Keycloak", ApiDescriptionFilter::uuid)),
            Map.entry("id", new Segment("Its id", ApiDescriptionFilter::uuid)),
            Map.entry("alias", new Segment("The respondent organisation's alias", ApiDescriptionFilter::alias)),
            Map.entry("organisation", new Segment("The organisation's alias; one the caller is not a member of is a 404",
                    ApiDescriptionFilter::alias)),
            Map.entry("allegationId", new Segment("The allegation's id within the case, e.g. A1 or A-1f2e3d4c",
                    () -> string().pattern("^A(-[0-9a-f]{8}|[1-9][0-9]{0,3})$").maxLength(10))),
            Map.entry("complainantId", new Segment("The complainant's id within the case, e.g. C1 or C-1f2e3d4c",
                    () -> string().pattern("^C(-[0-9a-f]{8}|[1-9][0-9]{0,3})$").maxLength(10))),
            Map.entry("personId", new Segment("The id of a person the case names, e.g. P-1f2e3d4c",
                    () -> string().pattern("^P-[0-9a-f]{8}$").maxLength(10))));

    /** Query parameters every list of the suite reads the same way; their bounds come from each method. */
    private static final Map<String, String> PAGING = Map.of(
            "page", "The page, from 0",
            "size", "How many items a page holds");

    private final ProblemResponsesFilter problems = new ProblemResponsesFilter();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().stream()
                    .filter(operation -> operation.getParameters() != null)
                    .flatMap(operation -> operation.getParameters().stream())
                    .forEach(ApiDescriptionFilter::describe));
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations()
                    .forEach(ApiDescriptionFilter::describeReadingOwnWrites));
        }
        problems.filterOpenAPI(openAPI);
    }

    /** Decision 12, as {@code ReadAfter} applies it to every operation. */
    private static void describeReadingOwnWrites(PathItem.HttpMethod method, Operation operation) {
        operation.addParameter(OASFactory.createParameter().name(ReadAfter.READ_AFTER).in(Parameter.In.HEADER)
                .description("A store position a change answered in " + ReadAfter.POSITION + ": the request is "
                        + "handled once this service's views have reached it (503 with Retry-After when they have not "
                        + "in time; 400 past the store's head)")
                .schema(string().pattern(READ_AFTER_SYNTAX).maxLength(18)));
        if (method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.HEAD || operation.getResponses() == null
                || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                response.addHeader(ReadAfter.POSITION, OASFactory.createHeader()
                        .description("The store position this change reached; send it as " + ReadAfter.READ_AFTER
                                + " to read it back").schema(string().pattern(READ_AFTER_SYNTAX)));
            }
        });
    }

    private static void describe(Parameter parameter) {
        if (parameter.getIn() == Parameter.In.QUERY && parameter.getDescription() == null) {
            parameter.setDescription(PAGING.get(parameter.getName()));
        }
        if (parameter.getIn() == Parameter.In.PATH) {
            describeSegment(parameter);
        }
    }

    private static void describeSegment(Parameter parameter) {
        Segment segment = SEGMENTS.get(parameter.getName());
        if (segment == null) {
            return;
        }
        if (parameter.getDescription() == null) {
            parameter.setDescription(segment.description());
        }
        parameter.setSchema(segment.schema().get());
    }

    private static Schema uuid() {
        return string().format("uuid");
    }

    private static Schema alias() {
        return string().pattern(ORGANISATION_ALIAS).minLength(2).maxLength(63);
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }
}
