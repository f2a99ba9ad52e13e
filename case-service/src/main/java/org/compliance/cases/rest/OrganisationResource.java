package org.compliance.cases.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.compliance.api.cases.views.OrganisationEntry;
import org.compliance.api.shared.SingleLine;
import org.compliance.cases.application.OrganisationDirectory;
import org.compliance.cases.application.Picker;
import org.compliance.platform.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The organisation directory for pickers: choosing a respondent or an addressee by name or alias. */
@Path("/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Directories", description = "Staff and organisations by name, for choosing them in a case")
public class OrganisationResource {

    private static final Picker<OrganisationEntry> BY_NAME_OR_ALIAS = new Picker<>(OrganisationEntry::name,
            entry -> Stream.of(entry.name(), entry.alias()), Comparator.comparing(OrganisationEntry::alias));

    private final OrganisationDirectory directory;

    public OrganisationResource(OrganisationDirectory directory) {
        this.directory = directory;
    }

    @GET
    @RolesAllowed({"investigator", "supervisor", "auditor"})
    @Operation(operationId = "searchOrganisations", summary = "Find organisations by name or alias",
            description = "Staff and auditors. Organisations whose name or alias contains q, any case, sorted by "
                    + "name; the alias is what cases and evidence requests name as organisationAlias.")
    @APIResponse(responseCode = "200", description = "At most size organisations, by name",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = OrganisationEntry.class)))
    @APIResponse(responseCode = "503", description = Pickers.UNAVAILABLE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Uni<List<OrganisationEntry>> search(@QueryParam("q") @Parameter(description = Pickers.QUERY)
                                               @Size(max = 100) @SingleLine String q,
                                               @QueryParam("size") @DefaultValue("20") @Min(1)
                                               @Max(Pickers.MAX_SIZE) @Parameter(description = Pickers.SIZE)
                                               int size) {
        return directory.organisations().map(organisations -> BY_NAME_OR_ALIAS.pick(organisations, q, size));
    }
}
