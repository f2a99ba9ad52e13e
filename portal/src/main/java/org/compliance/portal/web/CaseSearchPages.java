package org.compliance.portal.web;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.compliance.api.cases.requests.SavedSearchRequest;
import org.compliance.portal.backend.CasesClient;
import org.compliance.portal.backend.Service;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * What the case list does with its search beside showing it: saving it under a name (case-service keeps each
 * person's own), deleting a saved one, and the list as CSV, streamed from case-service as it comes.
 */
@Path("/case-searches")
public class CaseSearchPages {

    private final CasesClient cases;
    private final SignedInUser user;
    private final Transfers transfers;

    public CaseSearchPages(@RestClient CasesClient cases, SignedInUser user, Transfers transfers) {
        this.cases = cases;
        this.user = user;
        this.transfers = transfers;
    }

    /** Saves the list's search as it stands and shows the list again, the search among the saved ones. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestForm String name, @RestForm String q, @RestForm String status,
                         @RestForm String priority, @RestForm String respondent, @RestForm String mine,
                         @RestForm String sort, @RestForm String direction) {
        var search = new CaseListSearch(q, status, priority, respondent, "yes".equals(mine), sort, direction);
        cases.saveSearch(new SavedSearchRequest(Forms.orEmpty(name), search.toSearch(user.subject())));
        return Response.seeOther(URI.create(search.href("/cases"))).build();
    }

    @POST
    @Path("{searchId}/deletion")
    public Response delete(@PathParam("searchId") String searchId) {
        cases.deleteSavedSearch(searchId);
        return Response.seeOther(URI.create("/cases")).build();
    }

    /** The list with these filters and order as CSV (case-service's export: its first 10,000 cases). */
    @GET
    @Path("export.csv")
    public Response export(@RestQuery String q, @RestQuery String status, @RestQuery String priority,
                           @RestQuery String respondent, @RestQuery String mine, @RestQuery String sort,
                           @RestQuery String direction) {
        var search = new CaseListSearch(q, status, priority, respondent, false, sort, direction);
        String query = search.query();
        String assignee = "yes".equals(mine) ? "assignee=" + Forms.segment(user.subject()) : "";
        String both = query.isEmpty() ? assignee : assignee.isEmpty() ? query : query + "&" + assignee;
        return transfers.download(Service.CASES, "/cases/export" + (both.isEmpty() ? "" : "?" + both), null);
    }
}
