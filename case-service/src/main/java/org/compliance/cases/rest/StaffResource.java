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
import org.compliance.api.cases.views.StaffEntry;
import org.compliance.api.shared.SingleLine;
import org.compliance.cases.application.Picker;
import org.compliance.cases.application.StaffDirectory;
import org.compliance.platform.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The staff directory for pickers: choosing a lead or a team member by name. */
@Path("/staff")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Directories", description = "Staff and organisations by name, for choosing them in a case")
public class StaffResource {

    private static final Picker<StaffEntry> BY_NAME = new Picker<>(StaffEntry::name,
            entry -> Stream.of(entry.name()), Comparator.comparing(StaffEntry::userId));

    private final StaffDirectory directory;

    public StaffResource(StaffDirectory directory) {
        this.directory = directory;
    }

    @GET
    @RolesAllowed({"investigator", "supervisor", "auditor"})
    @Operation(operationId = "searchStaff", summary = "Find staff by name",
            description = "Staff and auditors. Investigators and supervisors (who may lead a case or join its "
                    + "team) whose name contains q, any case, sorted by name, with their user ids and staff roles.")
    @APIResponse(responseCode = "200", description = "At most size members of staff, by name",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = StaffEntry.class)))
    @APIResponse(responseCode = "503", description = Pickers.UNAVAILABLE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Uni<List<StaffEntry>> search(@QueryParam("q") @Parameter(description = Pickers.QUERY)
                                        @Size(max = 100) @SingleLine String q,
                                        @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Pickers.MAX_SIZE)
                                        @Parameter(description = Pickers.SIZE) int size) {
        return directory.staff().map(staff -> BY_NAME.pick(staff, q, size));
    }
}
