package org.compliance.portal.backend;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.compliance.api.cases.CaseDocument;
import org.compliance.api.cases.requests.AllegationInput;
import org.compliance.api.cases.requests.ClosingRequest;
import org.compliance.api.cases.requests.ComplainantInput;
import org.compliance.api.cases.requests.NamedPersonInput;
import org.compliance.api.cases.requests.DecisionRequest;
import org.compliance.api.cases.requests.FindingsRequest;
import org.compliance.api.cases.requests.NoteRequest;
import org.compliance.api.cases.requests.OpenCaseRequest;
import org.compliance.api.cases.requests.ReasonRequest;
import org.compliance.api.cases.requests.ReferralRequest;
import org.compliance.api.cases.requests.RespondentInput;
import org.compliance.api.cases.requests.SavedSearchRequest;
import org.compliance.api.cases.requests.StaffRequest;
import org.compliance.api.cases.views.CaseCount;
import org.compliance.api.cases.views.CaseListItem;
import org.compliance.api.cases.views.CaseWork;
import org.compliance.api.cases.views.Changed;
import org.compliance.api.cases.views.NextStep;
import org.compliance.api.cases.views.Note;
import org.compliance.api.cases.views.Opened;
import org.compliance.api.cases.views.OrganisationEntry;
import org.compliance.api.cases.views.Page;
import org.compliance.api.cases.views.PenaltyRegimeView;
import org.compliance.api.cases.views.RespondentCaseView;
import org.compliance.api.cases.views.RespondentListItem;
import org.compliance.api.cases.views.SavedSearch;
import org.compliance.api.cases.views.StaffEntry;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/** case-service ({@code /cases}, {@code /penalty-regimes}), as the signed-in user. The case's ETag is its version: send it back as If-Match with a change. */
@RegisterRestClient(configKey = "cases")
@RegisterClientHeaders(SignedInHeaders.class)
@RegisterProvider(ServiceProblems.class)
@ServiceCall
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface CasesClient {

    /** The staff list (staff and auditors). */
    @GET
    @Path("cases")
    Page<CaseListItem> list(@QueryParam("status") String status, @QueryParam("priority") String priority,
                            @QueryParam("q") String text, @QueryParam("respondent") String respondent,
                            @QueryParam("assignee") String assignee, @QueryParam("page") int page,
                            @QueryParam("size") int size);

    /** A company's list: its own cases, fewer columns. */
    @GET
    @Path("cases")
    Page<RespondentListItem> respondentList(@QueryParam("status") String status,
                                            @QueryParam("priority") String priority, @QueryParam("q") String text,
                                            @QueryParam("respondent") String respondent,
                                            @QueryParam("assignee") String assignee, @QueryParam("page") int page,
                                            @QueryParam("size") int size);

    /** The signed-in member of staff's cases by status, and for supervisors every investigator's workload. */
    @GET
    @Path("cases/summary")
    CaseWork summary();

    /** The staff view of a case (staff and auditors). */
    @GET
    @Path("cases/{caseId}")
    RestResponse<CaseDocument> staffView(@PathParam("caseId") String caseId);

    /** The respondent's view of a case (companies). */
    @GET
    @Path("cases/{caseId}")
    RestResponse<RespondentCaseView> respondentView(@PathParam("caseId") String caseId);

    @GET
    @Path("cases/{caseId}/notes")
    List<Note> notes(@PathParam("caseId") String caseId);

    @GET
    @Path("cases/{caseId}/next-steps")
    List<NextStep> nextSteps(@PathParam("caseId") String caseId);

    /**
     * A change to the case at {@code change}, one path segment under it that case-service named (a next step's
     * path, {@code notes}, {@code legal-hold}); one method per body the steps take, and this one for those that take
     * none.
     */
    @POST
    @Path("cases/{caseId}/{change}")
    RestResponse<Changed> change(@PathParam("caseId") String caseId, @PathParam("change") String change,
                   @HeaderParam("If-Match") String ifMatch);

    @POST
    @Path("cases/{caseId}/{change}")
    RestResponse<Changed> change(@PathParam("caseId") String caseId, @PathParam("change") String change,
                   @HeaderParam("If-Match") String ifMatch, ReasonRequest body);

    @POST
    @Path("cases/{caseId}/{change}")
    RestResponse<Changed> change(@PathParam("caseId") String caseId, @PathParam("change") String change,
                   @HeaderParam("If-Match") String ifMatch, FindingsRequest body);

    @POST
    @Path("cases/{caseId}/{change}")
    RestResponse<Changed> change(@PathParam("caseId") String caseId, @PathParam("change") String change,
                   @HeaderParam("If-Match") String ifMatch, ReferralRequest body);

    @POST
    @Path("cases/{caseId}/{change}")
    RestResponse<Changed> change(@PathParam("caseId") String caseId, @PathParam("change") String change,
                   @HeaderParam("If-Match") String ifMatch, DecisionRequest body);

    @POST
    @Path("cases/{caseId}/{change}")
    RestResponse<Changed> change(@PathParam("caseId") String caseId, @PathParam("change") String change,
                   @HeaderParam("If-Match") String ifMatch, ClosingRequest body);

    /** The penalty regimes an authority may impose penalties under (every regime when it is null). */
    @GET
    @Path("penalty-regimes")
    List<PenaltyRegimeView> penaltyRegimes(@QueryParam("authority") String authority);

    @POST
    @Path("cases/{caseId}/notes")
    RestResponse<Changed> addNote(@PathParam("caseId") String caseId, @HeaderParam("If-Match") String ifMatch, NoteRequest body);

    @POST
    @Path("cases/{caseId}/legal-hold")
    RestResponse<Changed> placeLegalHold(@PathParam("caseId") String caseId, @HeaderParam("If-Match") String ifMatch,
                           ReasonRequest body);

    @POST
    @Path("cases/{caseId}/legal-hold/lifting")
    RestResponse<Changed> liftLegalHold(@PathParam("caseId") String caseId, @HeaderParam("If-Match") String ifMatch,
                          ReasonRequest body);

    // ---- opening and editing a case ------------------------------------------------------------------

    @POST
    @Path("cases")
    RestResponse<Opened> open(OpenCaseRequest body);

    /** The authorities a case can be run by (their full names). */
    @GET
    @Path("authorities")
    List<String> authorities();

    /** Staff who may lead a case or join its team, whose name contains {@code q}. */
    @GET
    @Path("staff")
    List<StaffEntry> staff(@QueryParam("q") String q, @QueryParam("size") int size);

    /** Organisations whose name or alias contains {@code q}. */
    @GET
    @Path("organisations")
    List<OrganisationEntry> organisations(@QueryParam("q") String q, @QueryParam("size") int size);

    @POST
    @Path("cases/{caseId}/respondents")
    RestResponse<Changed> addRespondent(@PathParam("caseId") String caseId, @HeaderParam("If-Match") String ifMatch,
                                        RespondentInput body);

    @POST
    @Path("cases/{caseId}/respondents/{alias}/withdrawal")
    RestResponse<Changed> withdrawRespondent(@PathParam("caseId") String caseId, @PathParam("alias") String alias,
                                             @HeaderParam("If-Match") String ifMatch, ReasonRequest body);

    @POST
    @Path("cases/{caseId}/named-persons")
    RestResponse<Changed> namePerson(@PathParam("caseId") String caseId, @HeaderParam("If-Match") String ifMatch,
                                     NamedPersonInput body);

    /** Answers 200 once the person's key is destroyed, 202 when it is recorded and destroyed shortly after. */
    @POST
    @Path("cases/{caseId}/named-persons/{personId}/erasure")
    RestResponse<Changed> eraseNamedPerson(@PathParam("caseId") String caseId, @PathParam("personId") String personId,
                                           @HeaderParam("If-Match") String ifMatch, ReasonRequest body);

    @POST
    @Path("cases/{caseId}/complainants")
    RestResponse<Changed> addComplainant(@PathParam("caseId") String caseId, @HeaderParam("If-Match") String ifMatch,
                                         ComplainantInput body);

    @POST
    @Path("cases/{caseId}/complainants/{complainantId}/withdrawal")
    RestResponse<Changed> withdrawComplainant(@PathParam("caseId") String caseId,
                                              @PathParam("complainantId") String complainantId,
                                              @HeaderParam("If-Match") String ifMatch, ReasonRequest body);

    /** Answers 200 once the complainant's key is destroyed, 202 when it is recorded and destroyed shortly after. */
    @POST
    @Path("cases/{caseId}/complainants/{complainantId}/erasure")
    RestResponse<Changed> eraseComplainant(@PathParam("caseId") String caseId,
                                           @PathParam("complainantId") String complainantId,
                                           @HeaderParam("If-Match") String ifMatch, ReasonRequest body);

    @POST
    @Path("cases/{caseId}/allegations")
    RestResponse<Changed> addAllegation(@PathParam("caseId") String caseId, @HeaderParam("If-Match") String ifMatch,
                                        AllegationInput body);

    @PUT
    @Path("cases/{caseId}/allegations/{allegationId}")
    RestResponse<Changed> amendAllegation(@PathParam("caseId") String caseId,
                                          @PathParam("allegationId") String allegationId,
                                          @HeaderParam("If-Match") String ifMatch, AllegationInput body);

    @POST
    @Path("cases/{caseId}/allegations/{allegationId}/withdrawal")
    RestResponse<Changed> withdrawAllegation(@PathParam("caseId") String caseId,
                                             @PathParam("allegationId") String allegationId,
                                             @HeaderParam("If-Match") String ifMatch, ReasonRequest body);

    @PUT
    @Path("cases/{caseId}/lead-investigator")
    RestResponse<Changed> assignLead(@PathParam("caseId") String caseId, @HeaderParam("If-Match") String ifMatch,
                                     StaffRequest body);

    @POST
    @Path("cases/{caseId}/team")
    RestResponse<Changed> addTeamMember(@PathParam("caseId") String caseId, @HeaderParam("If-Match") String ifMatch,
                                        StaffRequest body);

    @DELETE
    @Path("cases/{caseId}/team/{userId}")
    RestResponse<Changed> removeTeamMember(@PathParam("caseId") String caseId, @PathParam("userId") String userId,
                                           @HeaderParam("If-Match") String ifMatch);

    /** A search of the staff list (staff and auditors): words, filters, order; null leaves a parameter out. */
    @GET
    @Path("cases")
    Page<CaseListItem> search(@QueryParam("q") String q, @QueryParam("status") String status,
                              @QueryParam("priority") String priority, @QueryParam("respondent") String respondent,
                              @QueryParam("assignee") String assignee, @QueryParam("sort") String sort,
                              @QueryParam("direction") String direction, @QueryParam("page") int page,
                              @QueryParam("size") int size);

    /** A company's search of its own cases, fewer columns. */
    @GET
    @Path("cases")
    Page<RespondentListItem> respondentSearch(@QueryParam("q") String q, @QueryParam("status") String status,
                                              @QueryParam("priority") String priority,
                                              @QueryParam("respondent") String respondent,
                                              @QueryParam("assignee") String assignee,
                                              @QueryParam("sort") String sort,
                                              @QueryParam("direction") String direction,
                                              @QueryParam("page") int page, @QueryParam("size") int size);

    /** How many cases the same search finds. */
    @GET
    @Path("cases/count")
    CaseCount count(@QueryParam("q") String q, @QueryParam("status") String status,
                    @QueryParam("priority") String priority, @QueryParam("respondent") String respondent,
                    @QueryParam("assignee") String assignee);

    @GET
    @Path("me/saved-searches")
    List<SavedSearch> savedSearches();

    @POST
    @Path("me/saved-searches")
    SavedSearch saveSearch(SavedSearchRequest request);

    @DELETE
    @Path("me/saved-searches/{searchId}")
    void deleteSavedSearch(@PathParam("searchId") String searchId);
}
