package org.compliance.portal.web;

import static org.compliance.portal.web.Forms.caseIfMatch;
import static org.compliance.portal.web.Forms.day;
import static org.compliance.portal.web.Forms.given;
import static org.compliance.portal.web.Forms.orEmpty;
import static org.compliance.portal.web.Forms.segment;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.compliance.api.cases.Complainant;
import org.compliance.api.cases.requests.AllegationInput;
import org.compliance.api.cases.requests.ComplainantInput;
import org.compliance.api.cases.requests.NamedPersonInput;
import org.compliance.api.cases.requests.ReasonRequest;
import org.compliance.api.cases.requests.RespondentInput;
import org.compliance.api.cases.requests.StaffRequest;
import org.compliance.api.cases.views.Changed;
import org.compliance.portal.backend.CasesClient;
import org.compliance.portal.backend.ETags;
import org.compliance.portal.backend.ReadAfter;
import org.compliance.portal.backend.ServiceProblem;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Editing a case on its page: respondents and complainants (chosen by name; a person erased by a supervisor),
 * allegations (added, amended, withdrawn), the lead and the team (chosen by name). Each form carries the version
 * the page showed (If-Match), so an edit made meanwhile by someone else is refused, not overwritten. Field names
 * follow case-service's API, so its field errors land beside the field.
 */
@Path("/cases")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class CaseEditing {

    private final CasesClient cases;
    private final Directories directories;
    private final ReadAfter readAfter;

    public CaseEditing(@RestClient CasesClient cases, Directories directories, ReadAfter readAfter) {
        this.cases = cases;
        this.directories = directories;
        this.readAfter = readAfter;
    }

    @POST
    @Path("{caseId}/respondents")
    public Response addRespondent(@PathParam("caseId") String caseId, @RestForm Long version,
                                  @RestForm String name) {
        var errors = new ArrayList<ServiceProblem.FieldError>();
        var organisation = directories.organisation(orEmpty(name), "name", errors);
        FormRefused.ifAny(errors);
        return changed(caseId, cases.addRespondent(caseId, caseIfMatch(version),
                new RespondentInput(organisation.orElseThrow().alias(), organisation.orElseThrow().name())));
    }

    @POST
    @Path("{caseId}/respondents/{alias}/withdrawal")
    public Response withdrawRespondent(@PathParam("caseId") String caseId, @PathParam("alias") String alias,
                                       @RestForm Long version, @RestForm String reason) {
        return changed(caseId, cases.withdrawRespondent(caseId, alias, caseIfMatch(version),
                new ReasonRequest(orEmpty(reason))));
    }

    @POST
    @Path("{caseId}/complainants")
    public Response addComplainant(@PathParam("caseId") String caseId, @RestForm Long version,
                                   @RestForm String kind, @RestForm String name) {
        var errors = new ArrayList<ServiceProblem.FieldError>();
        Complainant.Kind chosen = "ORGANISATION".equals(kind) ? Complainant.Kind.ORGANISATION
                : Complainant.Kind.PERSON;
        ComplainantInput complainant = chosen == Complainant.Kind.PERSON
                ? new ComplainantInput(chosen, orEmpty(name), null)
                : directories.organisation(orEmpty(name), "name", errors)
                        .map(o -> new ComplainantInput(chosen, o.name(), o.alias())).orElse(null);
        FormRefused.ifAny(errors);
        return changed(caseId, cases.addComplainant(caseId, caseIfMatch(version), complainant));
    }

    /** Names a person who is not a party (a witness, an employee): a data subject of the case from then on. */
    @POST
    @Path("{caseId}/named-persons")
    public Response namePerson(@PathParam("caseId") String caseId, @RestForm Long version, @RestForm String name,
                               @RestForm String role) {
        return changed(caseId, cases.namePerson(caseId, caseIfMatch(version),
                new NamedPersonInput(orEmpty(name), orEmpty(role))));
    }

    /** Erases a person the case names (supervisors), as {@link #eraseComplainant} does a complainant. */
    @POST
    @Path("{caseId}/named-persons/{personId}/erasure")
    public Response eraseNamedPerson(@PathParam("caseId") String caseId, @PathParam("personId") String personId,
                                     @RestForm Long version, @RestForm String reason) {
        readAfter.changed(cases.eraseNamedPerson(caseId, personId, caseIfMatch(version),
                new ReasonRequest(orEmpty(reason))));
        return Response.seeOther(URI.create("/cases/" + segment(caseId) + "?done=erased")).build();
    }

    @POST
    @Path("{caseId}/complainants/{complainantId}/withdrawal")
    public Response withdrawComplainant(@PathParam("caseId") String caseId,
                                        @PathParam("complainantId") String complainantId, @RestForm Long version,
                                        @RestForm String reason) {
        return changed(caseId, cases.withdrawComplainant(caseId, complainantId, caseIfMatch(version),
                new ReasonRequest(orEmpty(reason))));
    }

    /**
     * Erases a complainant who is a person (supervisors): case-service destroys their key, after which their name
     * and every text naming them read "[erased]". It refuses under legal hold (409) and for an organisation (422);
     * its 202 (recorded, key destroyed shortly after) is a success like its 200.
     */
    @POST
    @Path("{caseId}/complainants/{complainantId}/erasure")
    public Response eraseComplainant(@PathParam("caseId") String caseId,
                                     @PathParam("complainantId") String complainantId, @RestForm Long version,
                                     @RestForm String reason) {
        readAfter.changed(cases.eraseComplainant(caseId, complainantId, caseIfMatch(version),
                new ReasonRequest(orEmpty(reason))));
        return Response.seeOther(URI.create("/cases/" + segment(caseId) + "?done=erased")).build();
    }

    @POST
    @Path("{caseId}/allegations")
    public Response addAllegation(@PathParam("caseId") String caseId, @RestForm Long version,
                                  @RestForm String legalBasis, @RestForm String description,
                                  @RestForm String conductFrom, @RestForm String conductTo) {
        return changed(caseId, cases.addAllegation(caseId, caseIfMatch(version),
                allegation(legalBasis, description, conductFrom, conductTo)));
    }

    @POST
    @Path("{caseId}/allegations/{allegationId}")
    public Response amendAllegation(@PathParam("caseId") String caseId, @PathParam("allegationId") String allegationId,
                                    @RestForm Long version, @RestForm String legalBasis,
                                    @RestForm String description, @RestForm String conductFrom,
                                    @RestForm String conductTo) {
        return changed(caseId, cases.amendAllegation(caseId, allegationId, caseIfMatch(version),
                allegation(legalBasis, description, conductFrom, conductTo)));
    }

    @POST
    @Path("{caseId}/allegations/{allegationId}/withdrawal")
    public Response withdrawAllegation(@PathParam("caseId") String caseId,
                                       @PathParam("allegationId") String allegationId, @RestForm Long version,
                                       @RestForm String reason) {
        return changed(caseId, cases.withdrawAllegation(caseId, allegationId, caseIfMatch(version),
                new ReasonRequest(orEmpty(reason))));
    }

    @POST
    @Path("{caseId}/lead-investigator")
    public Response assignLead(@PathParam("caseId") String caseId, @RestForm Long version, @RestForm String name) {
        return changed(caseId, cases.assignLead(caseId, caseIfMatch(version), new StaffRequest(staff(name))));
    }

    @POST
    @Path("{caseId}/team")
    public Response addTeamMember(@PathParam("caseId") String caseId, @RestForm Long version, @RestForm String name) {
        return changed(caseId, cases.addTeamMember(caseId, caseIfMatch(version), new StaffRequest(staff(name))));
    }

    @POST
    @Path("{caseId}/team/{userId}/removal")
    public Response removeTeamMember(@PathParam("caseId") String caseId, @PathParam("userId") String userId,
                                     @RestForm Long version) {
        return changed(caseId, cases.removeTeamMember(caseId, userId, caseIfMatch(version)));
    }

    /**
     * Reassigns the cases chosen on the list to one member of staff, each at the version it has now (the list shows
     * no versions; a case changed between that read and its reassignment is refused, not overwritten). Every case is
     * tried; those refused are named in the answer with case-service's reason, the others stay reassigned.
     */
    @POST
    @Path("reassignment")
    public Response reassignSeveral(@RestForm List<String> caseId, @RestForm String name) {
        List<String> chosen = caseId == null ? List.of() : caseId.stream().map(String::strip)
                .filter(id -> !id.isEmpty()).distinct().toList();
        if (chosen.isEmpty()) {
            throw new FormRefused("Choose the cases to reassign.",
                    List.of(new ServiceProblem.FieldError("caseId", "Tick at least one case in the list.")));
        }
        String lead = staff(name);
        var refused = new ArrayList<ServiceProblem.FieldError>();
        int reassigned = 0;
        for (String id : chosen) {
            String shown = id;
            try {
                var current = cases.staffView(id);
                shown = current.getEntity().title;
                readAfter.changed(cases.assignLead(id, ETags.ifMatch(ETags.version(current)), new StaffRequest(lead)));
                reassigned++;
            } catch (ServiceProblem problem) {
                refused.add(new ServiceProblem.FieldError("cases", "“" + shown + "”: " + problem.detail()));
            }
        }
        if (!refused.isEmpty()) {
            throw new FormRefused(reassigned + " of " + chosen.size() + " cases reassigned; these were not:", refused);
        }
        return Response.seeOther(URI.create("/cases?done=reassigned")).build();
    }

    /** The user id of the member of staff the form named, as the API's {@code userId}. */
    private String staff(String name) {
        var errors = new ArrayList<ServiceProblem.FieldError>();
        var member = directories.staffMember(orEmpty(name), "userId", errors);
        FormRefused.ifAny(errors);
        return member.orElseThrow().userId();
    }

    private static AllegationInput allegation(String legalBasis, String description, String conductFrom,
                                              String conductTo) {
        var errors = new ArrayList<ServiceProblem.FieldError>();
        var input = new AllegationInput(given(legalBasis), given(description), day(conductFrom, "conductFrom", errors),
                day(conductTo, "conductTo", errors));
        FormRefused.ifAny(errors);
        return input;
    }

    private Response changed(String caseId, RestResponse<Changed> answer) {
        readAfter.changed(answer);
        return Response.seeOther(URI.create("/cases/" + segment(caseId) + "?done=changed")).build();
    }
}
