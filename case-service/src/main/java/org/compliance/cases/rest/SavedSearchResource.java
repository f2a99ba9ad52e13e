package org.compliance.cases.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.compliance.api.cases.CaseSearch;
import org.compliance.api.cases.CaseSort;
import org.compliance.api.cases.CaseStatus;
import org.compliance.api.cases.Priority;
import org.compliance.api.cases.requests.SavedSearchRequest;
import org.compliance.api.cases.views.SavedSearch;
import org.compliance.cases.query.SavedSearchRow;
import org.compliance.cases.query.SavedSearches;
import org.compliance.cases.query.SearchWords;
import org.compliance.platform.domain.RuleViolation;
import org.compliance.platform.identity.CurrentCaller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own saved searches of the case list; anyone else's is answered as missing. */
@Path("/me/saved-searches")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"investigator", "supervisor", "auditor", "company"})
@Tag(name = "Saved searches", description = "Searches of the case list each person keeps for themselves")
public class SavedSearchResource {

    private static final String SEARCH_ID = "The saved search's id, as saving it answered";

    private final SavedSearches searches;
    private final CurrentCaller caller;
    private final Clock clock;

    public SavedSearchResource(SavedSearches searches, CurrentCaller caller) {
        this.searches = searches;
        this.caller = caller;
        this.clock = Clock.systemUTC();
    }

    @GET
    @WithSession
    @Operation(operationId = "listSavedSearches", summary = "The caller's saved searches, by name")
    @APIResponse(responseCode = "200", description = "The caller's saved searches", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
            implementation = SavedSearch.class)))
    public Uni<List<SavedSearch>> list() {
        return searches.of(caller.get().subject()).map(rows -> rows.stream().map(SavedSearchResource::view).toList());
    }

    @GET
    @Path("/{searchId}")
    @WithSession
    @Operation(operationId = "getSavedSearch", summary = "One of the caller's saved searches",
            description = "404 for one that is not the caller's.")
    @APIResponse(responseCode = "200", description = "The saved search", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SavedSearch.class)))
    public Uni<SavedSearch> get(@PathParam("searchId") @Parameter(description = SEARCH_ID) String searchId) {
        String me = caller.get().subject();
        return searches.findById(searchId)
                .map(row -> {
                    if (row == null || !row.ownerId.equals(me)) {
                        throw new NotFoundException("No saved search " + searchId);
                    }
                    return view(row);
                });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @Operation(operationId = "saveSearch", summary = "Save a search of the case list under a name",
            description = "The search is kept as given and run again as GET /cases with its parameters. A name the "
                    + "caller already uses is a 409; at most " + SavedSearches.MAX_PER_OWNER + " per person (422).")
    @APIResponse(responseCode = "201", description = "Saved; Location is the saved search",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SavedSearch.class)))
    @APIResponse(responseCode = "409", description = "The caller has a saved search of that name")
    public Uni<Response> save(@Valid @NotNull SavedSearchRequest request, UriInfo uri) {
        if (SearchWords.of(request.search().q()).words().size() > SearchWords.MAX_WORDS) {
            throw RuleViolation.unprocessable("q has more than " + SearchWords.MAX_WORDS + " words; fewer find more");
        }
        String me = caller.get().subject();
        String name = request.name().strip();
        return searches.countOf(me).chain(count -> {
            if (count >= SavedSearches.MAX_PER_OWNER) {
                throw RuleViolation.unprocessable("At most " + SavedSearches.MAX_PER_OWNER
                        + " saved searches each; delete one first");
            }
            return searches.named(me, name);
        }).chain(taken -> {
            if (taken) {
                throw RuleViolation.conflict("You have a saved search named \"" + name + "\"");
            }
            SavedSearchRow row = row(me, name, request.search());
            return searches.persistAndFlush(row);
        }).onFailure(SavedSearchResource::nameTakenMeanwhile)
                .transform(e -> RuleViolation.conflict("You have a saved search named \"" + name + "\""))
                .map(row -> Response.created(uri.getAbsolutePathBuilder().path(row.searchId).build())
                .entity(view(row)).build());
    }

    @DELETE
    @Path("/{searchId}")
    @WithTransaction
    @Operation(operationId = "deleteSavedSearch", summary = "Delete one of the caller's saved searches",
            description = "404 for one that is not the caller's.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(@PathParam("searchId") @Parameter(description = SEARCH_ID) String searchId) {
        return searches.remove(caller.get().subject(), searchId).map(removed -> {
            if (!removed) {
                throw new NotFoundException("No saved search " + searchId);
            }
            return Response.noContent().build();
        });
    }

    /** The same name saved by the same person at the same moment: the table's unique key refused the second. */
    private static boolean nameTakenMeanwhile(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("saved_search_owner_name")) {
                return true;
            }
        }
        return false;
    }

    private SavedSearchRow row(String owner, String name, CaseSearch search) {
        SavedSearchRow row = new SavedSearchRow();
        row.searchId = UUID.randomUUID().toString();
        row.ownerId = owner;
        row.name = name;
        row.q = search.q();
        row.status = search.status() == null ? null : search.status().name();
        row.authority = search.authority();
        row.respondent = search.respondent();
        row.assignee = search.assignee();
        row.priority = search.priority() == null ? null : search.priority().name();
        row.openedFrom = search.openedFrom();
        row.openedTo = search.openedTo();
        row.sort = search.sort() == null ? null : search.sort().name();
        row.direction = search.direction();
        row.createdAt = clock.instant();
        return row;
    }

    private static SavedSearch view(SavedSearchRow row) {
        return new SavedSearch(row.searchId, row.name, new CaseSearch(row.q,
                row.status == null ? null : CaseStatus.valueOf(row.status), row.authority, row.respondent,
                row.assignee, row.priority == null ? null : Priority.valueOf(row.priority), row.openedFrom,
                row.openedTo, row.sort == null ? null : CaseSort.valueOf(row.sort), row.direction), row.createdAt);
    }
}
