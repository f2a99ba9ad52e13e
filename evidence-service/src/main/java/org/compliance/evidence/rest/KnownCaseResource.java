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

/** What evidence-service knows of a case from the event stream. */
@Path("/known-cases")
@Produces(MediaType.APPLICATION_JSON)
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
    public Uni<KnownCaseView> get(@PathParam("caseId") String caseId) {
        return cases.findById(caseId)
                .onItem().ifNull().failWith(() -> new NotFoundException("evidence-service knows no case " + caseId))
                .map(c -> new KnownCaseView(c.caseId, c.status, List.of(c.respondents.split(",")), c.openedAt));
    }
}
