package org.compliance.platform.openapi;

import java.util.Map;
import org.compliance.platform.problem.ProblemResponsesFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Completes every service's OpenAPI document at build time: the path segments the whole suite names the same
 * way get their one format here (a case id is a UUID in every service), then {@link ProblemResponsesFilter}
 * documents the problem answers. Registered as {@code mp.openapi.filter} in platform's
 * {@code microprofile-config.properties}.
 */
public class ApiDescriptionFilter implements OASFilter {

    /** An organisation's alias in Keycloak, as {@code CaseRequests} and the realm spell it. */
    public static final String ORGANISATION_ALIAS = "^[a-z0-9][a-z0-9-]{1,62}$";

    private record Segment(String description, Schema schema) {
    }

    private static final Map<String, Segment> SEGMENTS = Map.of(
            "caseId", new Segment("The case's id", uuid()),
            "requestId", new Segment("The evidence request's id", uuid()),
            "submissionId", new Segment("The submission's id", uuid()),
            "fileId", new Segment("The file's id (its upload id)", uuid()),
            "userId", new Segment("The member of staff's user id in Keycloak", uuid()),
            "id", new Segment("Its id", uuid()),
            "alias", new Segment("The respondent organisation's alias", alias()),
            "organisation", new Segment("The organisation's alias; one the caller is not a member of is a 404",
                    alias()),
            "allegationId", new Segment("The allegation's id within the case, e.g. A1 or A-1f2e3d4c",
                    string().pattern("^A(-[0-9a-f]{8}|[1-9][0-9]{0,3})$").maxLength(10)),
            "complainantId", new Segment("The complainant's id within the case, e.g. C1 or C-1f2e3d4c",
                    string().pattern("^C(-[0-9a-f]{8}|[1-9][0-9]{0,3})$").maxLength(10)));

    private final ProblemResponsesFilter problems = new ProblemResponsesFilter();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().stream()
                    .filter(operation -> operation.getParameters() != null)
                    .flatMap(operation -> operation.getParameters().stream())
                    .filter(parameter -> parameter.getIn() == Parameter.In.PATH)
                    .forEach(ApiDescriptionFilter::describeSegment));
        }
        problems.filterOpenAPI(openAPI);
    }

    private static void describeSegment(Parameter parameter) {
        Segment segment = SEGMENTS.get(parameter.getName());
        if (segment == null) {
            return;
        }
        if (parameter.getDescription() == null) {
            parameter.setDescription(segment.description());
        }
        parameter.setSchema(segment.schema());
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
