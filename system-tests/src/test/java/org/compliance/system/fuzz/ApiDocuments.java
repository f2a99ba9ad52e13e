package org.compliance.system.fuzz;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads a service's OpenAPI document with swagger-parser (references resolved) into its operations. */
final class ApiDocuments {

    private ApiDocuments() {
    }

    static List<ApiOperation> operations(String service, int port, String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        var result = new OpenAPIV3Parser().readContents(json, null, options);
        OpenAPI api = result.getOpenAPI();
        if (api == null || api.getPaths() == null) {
            throw new IllegalStateException(service + "'s OpenAPI document could not be read: " + result.getMessages());
        }
        List<ApiOperation> operations = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                operations.add(operation(service, port, path, item, method, operation, api))));
        return operations;
    }

    private static ApiOperation operation(String service, int port, String path, PathItem item,
                                          PathItem.HttpMethod method, Operation operation, OpenAPI api) {
        Map<String, ApiOperation.Parameter> parameters = new LinkedHashMap<>();
        for (var list : List.of(Optional.ofNullable(item.getParameters()).orElse(List.of()),
                Optional.ofNullable(operation.getParameters()).orElse(List.of()))) {
            for (var p : list) {
                parameters.put(p.getIn() + ":" + p.getName(), new ApiOperation.Parameter(p.getName(), p.getIn(),
                        Boolean.TRUE.equals(p.getRequired()) || "path".equals(p.getIn()), p.getSchema()));
            }
        }
        Optional<ApiOperation.RequestBody> body = Optional.ofNullable(operation.getRequestBody())
                .filter(b -> b.getContent() != null && !b.getContent().isEmpty())
                .map(b -> {
                    var first = b.getContent().entrySet().iterator().next();
                    return new ApiOperation.RequestBody(first.getKey(), first.getValue().getSchema(),
                            Boolean.TRUE.equals(b.getRequired()));
                });
        Set<String> statuses = operation.getResponses() == null ? Set.of()
                : new LinkedHashSet<>(operation.getResponses().keySet());
        List<SecurityRequirement> security = operation.getSecurity() != null ? operation.getSecurity()
                : Optional.ofNullable(api.getSecurity()).orElse(List.of());
        Set<String> roles = new LinkedHashSet<>();
        security.forEach(requirement -> requirement.values().stream().flatMap(Collection::stream).forEach(roles::add));
        return new ApiOperation(service, port, method.name(), path, List.copyOf(parameters.values()), body, statuses,
                roles);
    }
}
