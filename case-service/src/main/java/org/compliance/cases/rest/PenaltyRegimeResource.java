package org.compliance.cases.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.compliance.api.cases.views.PenaltyRegimeView;
import org.compliance.cases.domain.PenaltyRegime;
import org.compliance.cases.domain.PenaltyRegimes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The penalty regimes (statutory maxima) of this installation, for the decision form. */
@Path("/penalty-regimes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Penalty regimes", description = "The statutory maxima a monetary penalty is checked against")
public class PenaltyRegimeResource {

    private final PenaltyRegimes regimes;

    public PenaltyRegimeResource(PenaltyRegimes regimes) {
        this.regimes = regimes;
    }

    @GET
    @RolesAllowed({"investigator", "supervisor", "auditor"})
    @Operation(operationId = "listPenaltyRegimes", summary = "List penalty regimes",
            description = "Every regime, or those an authority may impose penalties under (none for an authority "
                    + "without any); defaultFor names the authorities whose penalties fall under it when they name "
                    + "no regime.")
    public List<PenaltyRegimeView> list(@QueryParam("authority") @Size(max = 200)
                                        @Parameter(description = "Only the regimes this authority (its full name) "
                                                + "may use") String authority) {
        List<PenaltyRegime> listed = authority == null ? regimes.regimes() : regimes.usableBy(authority);
        return listed.stream().map(this::view).toList();
    }

    private PenaltyRegimeView view(PenaltyRegime r) {
        List<String> defaultFor = regimes.defaults().entrySet().stream()
                .filter(e -> e.getValue().equals(r.id())).map(Map.Entry::getKey).sorted().toList();
        return new PenaltyRegimeView(r.id(), r.name(), r.source(), r.authorities(), r.fixedAmount(),
                r.turnoverShare(), r.turnoverBasis(), r.applies() == null ? null : r.applies().name(), r.currency(),
                defaultFor);
    }
}
