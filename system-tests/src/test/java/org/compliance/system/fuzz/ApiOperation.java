package org.compliance.system.fuzz;

import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One operation of a service as its OpenAPI document states it: what the fuzzer generates requests from and
 * checks answers against.
 *
 * @param roles the roles its security requirement names (empty: not stated)
 * @param statuses the documented response codes; {@code default} admits any
 */
record ApiOperation(String service, int port, String method, String path, List<Parameter> parameters,
                    Optional<RequestBody> body, Set<String> statuses, Set<String> roles) {

    record Parameter(String name, String in, boolean required, Schema<?> schema) {
    }

    /** The body and its media type; {@code json} when it is a JSON document rather than raw bytes. */
    record RequestBody(String mediaType, Schema<?> schema, boolean required) {

        boolean json() {
            return mediaType.contains("json");
        }
    }

    boolean documents(int status) {
        return statuses.contains(String.valueOf(status)) || statuses.contains("default")
                || statuses.contains(status / 100 + "XX");
    }

    List<Parameter> in(String where) {
        return parameters.stream().filter(p -> p.in().equals(where)).toList();
    }

    /** Takes {@code Read-After} (decision 12): every operation of a service on the platform does. */
    boolean readsAfter() {
        return in("header").stream().anyMatch(p -> p.name().equalsIgnoreCase("Read-After"));
    }

    boolean versioned() {
        return in("header").stream().anyMatch(p -> p.name().equalsIgnoreCase("If-Match"));
    }

    @Override
    public String toString() {
        return method + " " + path + " (" + service + ")";
    }
}
