package org.compliance.cases.rest;

import org.compliance.platform.reads.ReadsOnRecord;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.compliance.api.cases.CaseDocument;
import org.compliance.api.cases.CaseStatus;
import org.compliance.api.cases.OpenCase;
import org.compliance.api.cases.requests.OpenCaseRequest;
import org.compliance.api.cases.requests.RespondentInput;
import org.compliance.api.cases.views.CaseCount;
import org.compliance.api.cases.views.CaseListItem;
import org.compliance.api.cases.views.NextStep;
import org.compliance.api.cases.views.Note;
import org.compliance.api.cases.views.Opened;
import org.compliance.api.cases.views.Page;
import org.compliance.api.cases.views.RespondentCaseView;
import org.compliance.api.cases.views.RespondentListItem;
import org.compliance.api.shared.StaffMember;
import org.compliance.cases.application.CaseAccess;
import org.compliance.cases.application.StaffDirectory;
import org.compliance.cases.domain.CaseAction;
import org.compliance.cases.query.CaseFilter;
import org.compliance.cases.query.CaseQueries;
import org.compliance.cases.query.CaseVisibility;
import org.compliance.cases.query.SearchWords;
import org.compliance.platform.domain.RuleViolation;
import org.compliance.platform.identity.Caller;
import org.compliance.platform.identity.CurrentCaller;
import org.compliance.platform.messaging.Commands;
import org.compliance.platform.problem.Versions;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Opening cases, and every read of them. Reads come from the case views, filtered by who is asking. */
@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "Opening cases, and every read of them, filtered by who asks")
public class CaseResource {

    /** Bounded pages keep every list query cheap; narrower filters reach anything further. */
    static final int MAX_OFFSET = 10_000;
    /** The most cases one CSV export holds. */
    static final int EXPORT_MAX = 10_000;
    private static final String PAGE = "From 0; page * size stays below 10000 (422 beyond)";

    private final Commands commands;
    private final CurrentCaller caller;
    private final CaseQueries queries;
    private final VisibleCases cases;
    private final StaffDirectory directory;
    private final ReadsOnRecord reads;

    public CaseResource(Commands commands, CurrentCaller caller, CaseQueries queries, VisibleCases cases,
                        StaffDirectory directory, ReadsOnRecord reads) {
        this.directory = directory;
        this.reads = reads;
        this.commands = commands;
        this.caller = caller;
        this.queries = queries;
        this.cases = cases;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"investigator", "supervisor"})
    @Operation(operationId = "openCase",
            summary = "Open a case", description = "Investigators and supervisors. The caller leads the case unless "
            + "leadInvestigatorId names another member of staff; team names the rest of its team from the start. "
            + "201 with the case id; 422 when a rule refuses it (unknown authority, no respondent, a lead or team "
            + "member who is not staff: errors names the field).")
    @APIResponse(responseCode = "201", description = "Opened; Location is the case, ETag its first version",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Opened.class)))
    public Uni<Response> open(@Valid @NotNull OpenCaseRequest request, UriInfo uri) {
        var me = caller.get();
        String caseId = UUID.randomUUID().toString();
        var allegations = IntStream.range(0, request.allegations().size())
                .mapToObj(i -> request.allegations().get(i).toAllegation("A" + (i + 1))).toList();
        var complainants = request.complainants() == null ? List.<org.compliance.api.cases.Complainant>of()
                : IntStream.range(0, request.complainants().size())
                .mapToObj(i -> request.complainants().get(i).toComplainant("C" + (i + 1))).toList();
        Uni<StaffMember> lead = request.leadInvestigatorId() == null
                || request.leadInvestigatorId().equals(me.subject())
                ? Uni.createFrom().item(new StaffMember(me.subject(), me.name()))
                : staff(request.leadInvestigatorId(), "leadInvestigatorId");
        List<String> teamIds = request.team() == null ? List.of() : request.team();
        Uni<List<StaffMember>> team = teamIds.isEmpty() ? Uni.createFrom().item(List.of())
                : Uni.join().all(IntStream.range(0, teamIds.size())
                        .mapToObj(i -> staff(teamIds.get(i), "team[" + i + "]")).toList()).andFailFast();
        return Uni.combine().all().unis(lead, team).asTuple().chain(chosen -> commands.dispatch(new OpenCase(caseId,
                        request.title(), request.summary(), request.authority(), request.legalBases(),
                        request.priority(), request.confidentiality(),
                        request.respondents().stream().map(RespondentInput::toRespondent).toList(),
                        complainants, allegations, chosen.getItem1(), chosen.getItem2())))
                .map(ignored -> Response.created(uri.getAbsolutePathBuilder().path(caseId).build())
                        // its CaseOpened is version 0, then one event per member of its first team
                        .tag(Versions.tag(teamIds.size())).entity(new Opened(caseId)).build());
    }

    /** A member of staff chosen by user id; anyone else is a 422 naming the field that chose them. */
    private Uni<StaffMember> staff(String userId, String field) {
        return directory.staffMember(userId).map(found -> found.orElseThrow(() -> RuleViolation.unprocessable(field,
                "User " + userId + " is not regulator staff (investigator or supervisor) and cannot be chosen")));
    }

    @GET
    @RolesAllowed({"investigator", "supervisor", "auditor", "company"})
    @WithSession
    @Operation(operationId = "listCases",
            summary = "List cases", description = "Staff see every case their confidentiality allows; companies "
            + "only cases against their organisation, with fewer fields. Filters combine; words in q are searched in "
            + "any order, best match first. Pages are bounded (page * size <= 10000). How many cases the same "
            + "search finds: GET /cases/count; all of them as CSV: GET /cases/export.")
    @APIResponse(responseCode = "200", description = "A page of cases: staff list items, or for a company its "
            + "shorter ones", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
                    anyOf = {StaffCasePage.class, RespondentCasePage.class})))
    public Uni<Page<?>> list(@Valid @BeanParam CaseListQuery query,
                             @QueryParam("page") @DefaultValue("0") @Min(0) @Parameter(description = PAGE, schema =
                                     @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0",
                                             maximum = "9999", defaultValue = "0")) int page,
                             @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        if ((long) page * size >= MAX_OFFSET) {
            throw RuleViolation.unprocessable("Pages end at case " + MAX_OFFSET + "; narrow the filters instead");
        }
        return page(checked(query), query.sortKey(), query.descending(), page, size);
    }

    @GET
    @Path("/count")
    @RolesAllowed({"investigator", "supervisor", "auditor", "company"})
    @WithSession
    @Operation(operationId = "countCases",
            summary = "How many cases a search of the list finds", description = "The same parameters as the list "
            + "(sort and direction change nothing here), counted over the cases the caller may see.")
    @APIResponse(responseCode = "200", description = "The number of cases the list would page through",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseCount.class)))
    public Uni<CaseCount> count(@Valid @BeanParam CaseListQuery query) {
        return queries.count(checked(query), CaseAccess.visibility(caller.get())).map(CaseCount::new);
    }

    @GET
    @Path("/export")
    @Produces(CaseCsv.MEDIA_TYPE)
    @RolesAllowed({"investigator", "supervisor", "auditor", "company"})
    @WithSession
    @Operation(operationId = "exportCases",
            summary = "The case list as CSV", description = "The same parameters as the list: the first " + EXPORT_MAX
            + " cases it finds, in its order, with the list's columns (a company's fewer), one line each after a "
            + "header line. Text a spreadsheet would read as a formula (starting with = + - or @) is prefixed with '.")
    @APIResponse(responseCode = "200", description = "CSV (RFC 4180), as an attachment named cases.csv",
            headers = @Header(name = "Content-Disposition", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = CaseCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> export(@Valid @BeanParam CaseListQuery query) {
        Caller me = caller.get();
        boolean staff = CaseAccess.readsStaffViews(me);
        return queries.list(checked(query), CaseAccess.visibility(me), query.sortKey(), query.descending(), 0,
                        EXPORT_MAX)
                .map(rows -> staff ? CaseCsv.staff(rows.stream().map(CaseViews::listItem).toList())
                        : CaseCsv.respondent(rows.stream().map(CaseViews::respondentListItem).toList()))
                .map(csv -> Response.ok(csv, CaseCsv.MEDIA_TYPE + "; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"cases.csv\"").build());
    }

    @GET
    @Path("/mine")
    @RolesAllowed({"investigator", "supervisor"})
    @WithSession
    @Operation(operationId = "listMyCases",
            summary = "My cases", description = "Cases the caller leads or is on the team of, newest first.")
    @APIResponse(responseCode = "200", description = "A page of the caller's cases", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffCasePage.class)))
    public Uni<Page<?>> mine(@QueryParam("page") @DefaultValue("0") @Min(0) @Parameter(description = PAGE, schema =
                                     @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0",
                                             maximum = "9999", defaultValue = "0")) int page,
                             @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        if ((long) page * size >= MAX_OFFSET) {
            throw RuleViolation.unprocessable("Pages end at case " + MAX_OFFSET);
        }
        var filter = new CaseFilter(null, null, null, caller.get().subject(), null, null, null, null);
        return page(filter, CaseQueries.SortKey.OPENED_AT, true, page, size);
    }

    @GET
    @Path("/{caseId}")
    @RolesAllowed({"investigator", "supervisor", "auditor", "company"})
    @WithSession
    @Operation(operationId = "getCase",
            summary = "Read a case", description = "The staff view, or for a company the respondent view. "
            + "ETag is the case version: send it as If-Match with a change. 404 also for a case the caller may "
            + "not see.")
    @APIResponse(responseCode = "200", description = "The case as the caller may see it; ETag is its version",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(anyOf = {
                    CaseDocument.class, RespondentCaseView.class})))
    public Uni<Response> get(@PathParam("caseId") String caseId) {
        Caller me = caller.get();
        boolean staff = CaseAccess.readsStaffViews(me);
        // Staff's and auditors' reads of a case's page are put on the record before it is shown (issue 22 part 3)
        return cases.visible(caseId, me)
                .call(row -> staff ? reads.recordAside(caseId, "CASE_PAGE", "version " + row.version, me)
                        : Uni.createFrom().voidItem())
                .map(row -> Response.ok(staff ? CaseViews.document(row)
                        : CaseViews.forRespondent(row, me.organisations())).tag(Versions.tag(row.version)).build());
    }

    @GET
    @Path("/{caseId}/notes")
    @RolesAllowed({"investigator", "supervisor", "auditor"})
    @WithSession
    @Operation(operationId = "listCaseNotes",
            summary = "Internal notes of a case", description = "Staff and auditors only; never companies.")
    public Uni<List<Note>> notes(@PathParam("caseId") String caseId) {
        return cases.visible(caseId, caller.get()).chain(row -> queries.notes(caseId))
                .map(notes -> notes.stream().map(CaseViews::note).toList());
    }

    @GET
    @Path("/{caseId}/next-steps")
    @RolesAllowed({"investigator", "supervisor", "auditor", "company"})
    @WithSession
    @Operation(operationId = "listNextSteps",
            summary = "The status changes the caller may make now", description = "From the transition table "
            + "(case-service's README) for the case's current status, narrowed by the caller's role: deciding is for "
            + "supervisors; auditors and companies change nothing, so theirs is empty. While some respondents have "
            + "their decision and others not, the case stays in findings and deciding (for the remaining ones) is "
            + "offered, referring not. Each names the request that makes it (method, and path on this service). The "
            + "portal shows only these.")
    public Uni<List<NextStep>> nextSteps(@PathParam("caseId") String caseId) {
        Caller me = caller.get();
        boolean staff = me.roles().contains("investigator") || me.roles().contains("supervisor");
        boolean supervisor = me.roles().contains("supervisor");
        return cases.visible(caseId, me).map(row -> {
            if (!staff) {
                return List.<NextStep>of();
            }
            CaseDocument document = CaseViews.document(row);
            boolean decidingPerRespondent = !document.decisions.isEmpty()
                    && document.status != CaseStatus.DECISION_ISSUED;
            return CaseAction.allowedFromStatus(document.status).stream()
                    .filter(action -> supervisor || !action.forSupervisorsOnly())
                    .filter(action -> !(decidingPerRespondent && action == CaseAction.REFER))
                    .map(action -> nextStep(action, caseId))
                    .toList();
        });
    }

    /** The shapes of {@link Page} in the API description: staff get the one, companies the other. */
    record StaffCasePage(List<CaseListItem> items, int page, int size) {
    }

    record RespondentCasePage(List<RespondentListItem> items, int page, int size) {
    }

    /** The step of an action: the status it leads to and the request that makes it, with the case id filled in. */
    static NextStep nextStep(CaseAction action, String caseId) {
        CaseChangeResource.StatusChange change = CaseChangeResource.statusChange(action);
        String path = UriBuilder.fromResource(CaseChangeResource.class).path(change.path()).build(caseId).getRawPath();
        return new NextStep(action.name(), action.to() == null ? null : action.to().name(), change.method(), path);
    }

    /** The query's filter, once its words are within bounds. */
    private static CaseFilter checked(CaseListQuery query) {
        if (SearchWords.of(query.q()).words().size() > SearchWords.MAX_WORDS) {
            throw RuleViolation.unprocessable("q has more than " + SearchWords.MAX_WORDS + " words; fewer find more");
        }
        return query.filter();
    }

    private Uni<Page<?>> page(CaseFilter filter, CaseQueries.SortKey sort, boolean descending, int page, int size) {
        Caller me = caller.get();
        CaseVisibility visibility = CaseAccess.visibility(me);
        boolean staff = CaseAccess.readsStaffViews(me);
        return queries.list(filter, visibility, sort, descending, page, size)
                .map(rows -> new Page<>(rows.stream().map(r -> staff ? CaseViews.listItem(r)
                        : CaseViews.respondentListItem(r)).toList(), page, size));
    }
}
