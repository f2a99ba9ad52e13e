package org.compliance.cases.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.compliance.api.cases.Allegation;
import org.compliance.api.cases.OpenCase;
import org.compliance.api.cases.Respondent;
import org.compliance.api.shared.StaffMember;
import org.compliance.cases.query.CaseSummaryRepository;
import org.compliance.platform.identity.CurrentCaller;
import org.compliance.platform.messaging.Commands;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {

    public record Opened(String caseId) {
    }

    private final Commands commands;
    private final CurrentCaller caller;
    private final CaseSummaryRepository summaries;

    public CaseResource(Commands commands, CurrentCaller caller, CaseSummaryRepository summaries) {
        this.commands = commands;
        this.caller = caller;
        this.summaries = summaries;
    }

    /** Opens a case; the calling investigator becomes its lead investigator. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"investigator", "supervisor"})
    public Uni<Response> open(@Valid @NotNull OpenCaseRequest request, UriInfo uri) {
        var me = caller.get();
        String caseId = UUID.randomUUID().toString();
        return commands.dispatch(new OpenCase(caseId, request.title(),
                request.respondents().stream().map(r -> new Respondent(r.organisationAlias(), r.name())).toList(),
                request.allegations().stream().map(a -> new Allegation(a.legalBasis(), a.description())).toList(),
                new StaffMember(me.subject(), me.name())))
                .map(ignored -> Response.created(uri.getAbsolutePathBuilder().path(caseId).build())
                        .entity(new Opened(caseId)).build());
    }

    /** The case as the read model has it; it appears there within moments of being opened. */
    @GET
    @Path("/{caseId}")
    @RolesAllowed({"investigator", "supervisor", "auditor"})
    @WithSession
    public Uni<RestResponse<CaseView>> get(@PathParam("caseId") String caseId) {
        return summaries.findById(caseId)
                .onItem().ifNull().failWith(() -> new NotFoundException("No case " + caseId))
                .map(row -> RestResponse.ok(CaseView.of(row)));
    }
}
