package org.compliance.evidence.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.compliance.evidence.query.KnownCaseRepository;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What evidence-service knows of a case from the event stream. */
@Path("/known-cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Known cases", description = "Cases as evidence-service knows them from the event stream")
public class KnownCaseResource {

    public record KnownCaseView(String caseId, String status, List<String> respondents, Instant openedAt) {
    }

    private final KnownCaseRepository cases;

    public KnownCaseResource(KnownCaseRepository cases) {
        this.cases = cases;
    }

    @GET
    @Path("/{caseId}")
    @RolesAllowed({"investigator", "supervisor", "auditor"})
    @WithSession
    @Operation(operationId = "getKnownCase", summary = "A case as evidence-service knows it", description = "Its "
            + "status and respondents, which decide whether a request can be issued for it. 404 until its opening "
            + "has reached evidence-service.")
    public Uni<KnownCaseView> get(@PathParam("caseId") String caseId) {
        return cases.findById(caseId)
                .onItem().ifNull().failWith(() -> new NotFoundException("evidence-service knows no case " + caseId))
                .map(c -> new KnownCaseView(c.caseId, c.status, List.of(c.respondents.split(",")), c.openedAt));
    }
}
