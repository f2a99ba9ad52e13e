package org.compliance.cases.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.compliance.cases.domain.Authorities;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The authorities that run cases with this installation, for the form that opens one. */
@Path("/authorities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Directories", description = "Staff and organisations by name, for choosing them in a case")
public class AuthorityResource {

    private final Authorities authorities;

    public AuthorityResource(@ConfigProperty(name = "compliance.cases.authorities") List<String> authorities) {
        this.authorities = new Authorities(authorities);
    }

    @GET
    @RolesAllowed({"investigator", "supervisor", "auditor"})
    @Operation(operationId = "listAuthorities", summary = "List the authorities",
            description = "The full names a case's authority is one of, as configured for this installation.")
    public List<String> list() {
        return authorities.names();
    }
}
