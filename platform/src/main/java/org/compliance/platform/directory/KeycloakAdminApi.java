package org.compliance.platform.directory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;

/**
 * The few endpoints of Keycloak's admin REST API (relative to {@code /admin/realms/<realm>}) that the suite reads,
 * as a typed REST client. Built by {@link KeycloakDirectory}, which gives it the realm's admin address and the
 * service account's token; Keycloak's answers carry many more fields than these records, which are ignored.
 */
public interface KeycloakAdminApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record User(String id, String username, String firstName, String lastName, String email, Boolean enabled) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Role(String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Organisation(String id, String alias, String name, Boolean enabled) {
    }

    @GET
    @Path("/users/{id}")
    Uni<User> user(@PathParam("id") String userId);

    /** The user's realm roles, with those they hold through composite roles and groups. */
    @GET
    @Path("/users/{id}/role-mappings/realm/composite")
    Uni<List<Role>> realmRoles(@PathParam("id") String userId);

    @GET
    @Path("/roles/{role}/users")
    Uni<List<User>> usersWithRole(@PathParam("role") String role, @QueryParam("max") int max);

    @GET
    @Path("/organizations")
    Uni<List<Organisation>> organisations(@QueryParam("briefRepresentation") boolean brief, @QueryParam("max") int max);

    @GET
    @Path("/organizations/{id}/members")
    Uni<List<User>> members(@PathParam("id") String organisationId, @QueryParam("max") int max);
}
