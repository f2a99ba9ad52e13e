package org.compliance.cases.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.compliance.api.cases.views.CaseWork;
import org.compliance.api.cases.views.StaffEntry;
import org.compliance.cases.application.StaffDirectory;
import org.compliance.cases.query.WorkQueries;
import org.compliance.platform.identity.Caller;
import org.compliance.platform.identity.CurrentCaller;
import org.compliance.platform.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The case side of a member of staff's landing page ("My work"): their cases by status, and for supervisors
 * everyone's load. Beside {@link CaseResource} under the same root.
 */
@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
public class CaseSummaryResource {

    /** Someone counted on cases whom the directory no longer lists (left, or lost their staff role). */
    static final String NOT_IN_DIRECTORY = "Former member of staff";

    private final CurrentCaller caller;
    private final WorkQueries queries;
    private final StaffDirectory directory;

    public CaseSummaryResource(CurrentCaller caller, WorkQueries queries, StaffDirectory directory) {
        this.caller = caller;
        this.queries = queries;
        this.directory = directory;
    }

    @GET
    @Path("/summary")
    @RolesAllowed({"investigator", "supervisor"})
    @Operation(operationId = "getCaseSummary", summary = "My cases by status, and each investigator's workload",
            description = "Investigators and supervisors. The cases the caller leads or is on the team of, counted by "
                    + "status (restricted ones included: the caller is on them). For supervisors also each member of "
                    + "staff's open cases (every status but CLOSED), led and on the team of, by name from the staff "
                    + "directory: every investigator, and anyone else with open cases; empty for investigators.")
    @APIResponse(responseCode = "200", description = "The caller's counts", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseWork.class)))
    @APIResponse(responseCode = "503", description = Pickers.UNAVAILABLE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Uni<CaseWork> work() {
        Caller me = caller.get();
        Uni<List<CaseWork.Workload>> workload = me.hasRole("supervisor")
                ? Uni.combine().all().unis(queries.workload(), directory.staff()).asTuple()
                        .map(both -> workload(both.getItem1(), both.getItem2()))
                : Uni.createFrom().item(List.of());
        return queries.byStatus(me.subject()).chain(byStatus -> workload.map(load -> new CaseWork(
                byStatus.stream().mapToLong(CaseWork.StatusCount::count).sum(), byStatus, load)));
    }

    /** Every investigator (none left out for having no cases) and anyone else the cases name, busiest first. */
    static List<CaseWork.Workload> workload(List<WorkQueries.MemberLoad> loads, List<StaffEntry> staff) {
        Map<String, WorkQueries.MemberLoad> byUser = loads.stream()
                .collect(Collectors.toMap(WorkQueries.MemberLoad::userId, Function.identity()));
        Map<String, String> names = new HashMap<>();
        staff.forEach(entry -> names.put(entry.userId(), entry.name()));
        Stream<String> investigators = staff.stream().filter(entry -> entry.roles().contains("investigator"))
                .map(StaffEntry::userId);
        return Stream.concat(investigators, byUser.keySet().stream()).distinct()
                .map(userId -> {
                    WorkQueries.MemberLoad load = byUser.get(userId);
                    return new CaseWork.Workload(userId, names.getOrDefault(userId, NOT_IN_DIRECTORY),
                            load == null ? 0 : load.leading(), load == null ? 0 : load.onTeam());
                })
                .sorted(Comparator.comparingLong((CaseWork.Workload w) -> -(w.leading() + w.onTeam()))
                        .thenComparing(CaseWork.Workload::name).thenComparing(CaseWork.Workload::userId))
                .toList();
    }
}
