package org.compliance.cases.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.compliance.api.cases.AddAllegation;
import org.compliance.api.cases.AddCaseNote;
import org.compliance.api.cases.AddComplainant;
import org.compliance.api.cases.AddRespondent;
import org.compliance.api.cases.AddTeamMember;
import org.compliance.api.cases.AmendAllegation;
import org.compliance.api.cases.AssignLeadInvestigator;
import org.compliance.api.cases.CaseCommand;
import org.compliance.api.cases.CloseCase;
import org.compliance.api.cases.EnforcementNotice;
import org.compliance.api.cases.EraseDataSubject;
import org.compliance.api.cases.IssueDecision;
import org.compliance.api.cases.LiftLegalHold;
import org.compliance.api.cases.MonetaryPenalty;
import org.compliance.api.cases.NamePerson;
import org.compliance.api.cases.PlaceLegalHold;
import org.compliance.api.cases.RecordFindings;
import org.compliance.api.cases.ReferCase;
import org.compliance.api.cases.Referral;
import org.compliance.api.cases.RemoveTeamMember;
import org.compliance.api.cases.ReopenCase;
import org.compliance.api.cases.ResumeCase;
import org.compliance.api.cases.StartInvestigation;
import org.compliance.api.cases.SuspendCase;
import org.compliance.api.cases.WithdrawAllegation;
import org.compliance.api.cases.WithdrawComplainant;
import org.compliance.api.cases.WithdrawRespondent;
import org.compliance.api.cases.requests.AllegationInput;
import org.compliance.api.cases.requests.ClosingRequest;
import org.compliance.api.cases.requests.ComplainantInput;
import org.compliance.api.cases.requests.DecisionRequest;
import org.compliance.api.cases.requests.FindingsRequest;
import org.compliance.api.cases.requests.MonetaryPenaltyInput;
import org.compliance.api.cases.requests.NamedPersonInput;
import org.compliance.api.cases.requests.NoteRequest;
import org.compliance.api.cases.requests.ReasonRequest;
import org.compliance.api.cases.requests.ReferralRequest;
import org.compliance.api.cases.requests.RespondentInput;
import org.compliance.api.cases.requests.StaffRequest;
import org.compliance.api.cases.views.Changed;
import org.compliance.api.shared.StaffMember;
import org.compliance.cases.application.KeyShredding;
import org.compliance.cases.application.StaffDirectory;
import org.compliance.cases.domain.CaseAction;
import org.compliance.cases.query.CaseViewProjection;
import org.compliance.platform.domain.RuleViolation;
import org.compliance.platform.identity.Caller;
import org.compliance.platform.identity.CurrentCaller;
import org.compliance.platform.messaging.Commands;
import org.compliance.platform.problem.Versions;
import org.compliance.platform.views.Consistency;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Every change to a case. Each one needs {@code If-Match} with the ETag of the version the caller read:
 * a change made meanwhile by someone else makes it a 409 instead of being silently overwritten. The answer
 * carries the new ETag. A case the caller may not see is a 404, as if it did not exist.
 */
@Path("/cases/{caseId}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Case changes", description = "Every change to a case, each guarded by If-Match")
@APIResponse(responseCode = "200", description = "Changed; ETag is the new version",
        headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation =
                Changed.class)))
@WithSession
public class CaseChangeResource {

    /** The request that makes a status change: its method and its path under the case. */
    record StatusChange(String method, String path) {
    }

    // The status changes' paths, each named once: for its endpoint below and for the next steps a case offers.
    static final String INVESTIGATION = "/investigation";
    static final String FINDINGS = "/findings";
    static final String DECISION = "/decision";
    static final String CLOSURE = "/closure";
    static final String SUSPENSION = "/suspension";
    static final String RESUMPTION = "/resumption";
    static final String REFERRAL = "/referral";
    static final String REOPENING = "/reopening";

    private static final String STAFF = "investigator";
    private static final String SUPERVISOR = "supervisor";

    private final Commands commands;
    private final CurrentCaller caller;
    private final VisibleCases cases;
    private final StaffDirectory directory;
    private final Consistency consistency;

    public CaseChangeResource(Commands commands, CurrentCaller caller, VisibleCases cases, StaffDirectory directory,
                              Consistency consistency) {
        this.commands = commands;
        this.consistency = consistency;
        this.caller = caller;
        this.cases = cases;
        this.directory = directory;
    }

    // ---- parties and allegations -------------------------------------------------------------------

    @POST
    @Path("/respondents")
    @RolesAllowed({STAFF, SUPERVISOR})
    @Operation(summary = "Add a respondent organisation")
    public Uni<Response> addRespondent(@BeanParam CaseChange change, @Valid @NotNull RespondentInput body) {
        return dispatch(change, c -> new AddRespondent(change.caseId(), body.toRespondent()));
    }

    @POST
    @Path("/respondents/{alias}/withdrawal")
    @RolesAllowed({STAFF, SUPERVISOR})
    @Operation(summary = "Withdraw a respondent", description = "409 for the last respondent.")
    public Uni<Response> withdrawRespondent(@BeanParam CaseChange change, @PathParam("alias") String alias,
                                            @Valid @NotNull ReasonRequest body) {
        return dispatch(change, c -> new WithdrawRespondent(change.caseId(), alias, body.reason()));
    }

    @POST
    @Path("/complainants")
    @RolesAllowed({STAFF, SUPERVISOR})
    @Operation(summary = "Add a complainant (an organisation or a person)")
    public Uni<Response> addComplainant(@BeanParam CaseChange change, @Valid @NotNull ComplainantInput body) {
        return dispatch(change, c -> new AddComplainant(change.caseId(), body.toComplainant(newId("C"))));
    }

    @POST
    @Path("/complainants/{complainantId}/withdrawal")
    @RolesAllowed({STAFF, SUPERVISOR})
    @Operation(summary = "Withdraw a complainant")
    public Uni<Response> withdrawComplainant(@BeanParam CaseChange change,
                                             @PathParam("complainantId") String complainantId,
                                             @Valid @NotNull ReasonRequest body) {
        return dispatch(change, c -> new WithdrawComplainant(change.caseId(), complainantId, body.reason()));
    }

    @POST
    @Path("/allegations")
    @RolesAllowed({STAFF, SUPERVISOR})
    @Operation(summary = "Add an allegation")
    public Uni<Response> addAllegation(@BeanParam CaseChange change, @Valid @NotNull AllegationInput body) {
        return dispatch(change, c -> new AddAllegation(change.caseId(), body.toAllegation(newId("A"))));
    }

    @PUT
    @Path("/allegations/{allegationId}")
    @RolesAllowed({STAFF, SUPERVISOR})
    @Operation(summary = "Amend an allegation", description = "Replaces its legal basis, description and dates.")
    public Uni<Response> amendAllegation(@BeanParam CaseChange change, @PathParam("allegationId") String allegationId,
                                         @Valid @NotNull AllegationInput body) {
        return dispatch(change, c -> new AmendAllegation(change.caseId(), body.toAllegation(allegationId)));
    }

    @POST
    @Path("/allegations/{allegationId}/withdrawal")
    @RolesAllowed({STAFF, SUPERVISOR})
    @Operation(summary = "Withdraw an allegation", description = "409 for the last allegation.")
    public Uni<Response> withdrawAllegation(@BeanParam CaseChange change,
                                            @PathParam("allegationId") String allegationId,
                                            @Valid @NotNull ReasonRequest body) {
        return dispatch(change, c -> new WithdrawAllegation(change.caseId(), allegationId, body.reason()));
    }

    // ---- people -------------------------------------------------------------------------------------

    @PUT
    @Path("/lead-investigator")
    @RolesAllowed({STAFF, SUPERVISOR})
    @Operation(operationId = "assignLeadInvestigator",
            summary = "Reassign the case", description = "Only staff (investigators, supervisors) can lead: "
            + "anyone else is a 422.")
    public Uni<Response> assignLead(@BeanParam CaseChange change, @Valid @NotNull StaffRequest body) {
        return staff(body.userId()).chain(member -> dispatch(change,
                c -> new AssignLeadInvestigator(change.caseId(), member)));
    }

    @POST
    @Path("/team")
    @RolesAllowed({STAFF, SUPERVISOR})
    @Operation(summary = "Add a member of staff to the team")
    public Uni<Response> addTeamMember(@BeanParam CaseChange change, @Valid @NotNull StaffRequest body) {
        return staff(body.userId()).chain(member -> dispatch(change, c -> new AddTeamMember(change.caseId(), member)));
    }

    @DELETE
    @Path("/team/{userId}")
    @RolesAllowed({STAFF, SUPERVISOR})
    @Operation(summary = "Remove a member of staff from the team")
    public Uni<Response> removeTeamMember(@BeanParam CaseChange change, @PathParam("userId") String userId) {
        return dispatch(change, c -> new RemoveTeamMember(change.caseId(), userId));
    }

    // ---- status -------------------------------------------------------------------------------------

    @POST
    @Path(INVESTIGATION)
    @RolesAllowed({STAFF, SUPERVISOR})
    @Operation(summary = "Start the investigation", description = "opened -> investigating; 409 from elsewhere.")
    public Uni<Response> startInvestigation(@BeanParam CaseChange change) {
        return dispatch(change, c -> new StartInvestigation(change.caseId()));
    }

    @POST
    @Path(FINDINGS)
    @RolesAllowed({STAFF, SUPERVISOR})
    @Operation(summary = "Record findings", description = "investigating -> findings.")
    public Uni<Response> recordFindings(@BeanParam CaseChange change, @Valid @NotNull FindingsRequest body) {
        return dispatch(change, c -> new RecordFindings(change.caseId(), body.findings()));
    }

    @POST
    @Path(DECISION)
    @RolesAllowed(SUPERVISOR)
    @Operation(summary = "Issue a decision (supervisors)", description = "Addressed to one respondent "
            + "(addresseeOrganisationAlias) or, without it, to the whole case. On a case with several respondents each "
            + "gets its own decision (a penalty on its own turnover), or one case-wide decision stands for all: the "
            + "case moves findings -> decision issued once every respondent has its decision. A second decision for a "
            + "respondent, or a case-wide one after addressed ones, is a 409; an addressee that is not a respondent of "
            + "the case, or a case-wide penalty or enforcement notice on a case with several respondents, a 422. "
            + "reasons are public (the addressee reads them); internalReasoning stays with staff. A monetary "
            + "penalty is checked against the maximum of its regime (named, else the default of the case's "
            + "authority; see case-service/README.md): above it, or under a regime the authority may not use, is a "
            + "422 that names the regime and the figures.")
    public Uni<Response> issueDecision(@BeanParam CaseChange change, @Valid @NotNull DecisionRequest body) {
        return dispatch(change, me -> new IssueDecision(change.caseId(), body.kind(), body.reasons(),
                body.enforcementNotice() == null ? null : new EnforcementNotice(body.enforcementNotice().stepsRequired(),
                        body.enforcementNotice().complianceDate()),
                penalty(body.monetaryPenalty()),
                new StaffMember(me.subject(), me.name()), body.addresseeOrganisationAlias(),
                body.internalReasoning()));
    }

    private static MonetaryPenalty penalty(MonetaryPenaltyInput input) {
        return input == null ? null : new MonetaryPenalty(input.amount(), input.currency(),
                input.worldwideAnnualTurnover(), null, input.regime(), input.turnoverCurrency(), input.exchangeRate(),
                input.exchangeRateDate());
    }

    @POST
    @Path(CLOSURE)
    @RolesAllowed({STAFF, SUPERVISOR})
    @Operation(operationId = "closeCase",
            summary = "Close the case", description = "Needs a decision for every respondent or a referral; never "
            + "under legal hold. reason stays with staff; respondents read publicReason (without it, only that the "
            + "case was closed).")
    public Uni<Response> close(@BeanParam CaseChange change, @Valid @NotNull ClosingRequest body) {
        return dispatch(change, c -> new CloseCase(change.caseId(), body.reason(), body.publicReason()));
    }

    @POST
    @Path(SUSPENSION)
    @RolesAllowed({STAFF, SUPERVISOR})
    @Operation(operationId = "suspendCase",
            summary = "Suspend the case")
    public Uni<Response> suspend(@BeanParam CaseChange change, @Valid @NotNull ReasonRequest body) {
        return dispatch(change, c -> new SuspendCase(change.caseId(), body.reason()));
    }

    @POST
    @Path(RESUMPTION)
    @RolesAllowed({STAFF, SUPERVISOR})
    @Operation(operationId = "resumeCase",
            summary = "Resume a suspended case where it stood")
    public Uni<Response> resume(@BeanParam CaseChange change) {
        return dispatch(change, c -> new ResumeCase(change.caseId()));
    }

    @POST
    @Path(REFERRAL)
    @RolesAllowed({STAFF, SUPERVISOR})
    @Operation(operationId = "referCase",
            summary = "Refer the case to another authority", description = "reason stays with staff; respondents "
            + "read the authority and publicReason (without it, only that the case was referred). 409 while some "
            + "respondents have their decision and others not.")
    public Uni<Response> refer(@BeanParam CaseChange change, @Valid @NotNull ReferralRequest body) {
        return dispatch(change, c -> new ReferCase(change.caseId(),
                new Referral(body.authority(), body.theirReference(), body.reason(), body.publicReason())));
    }

    @POST
    @Path(REOPENING)
    @RolesAllowed({STAFF, SUPERVISOR})
    @Operation(operationId = "reopenCase",
            summary = "Reopen a closed case")
    public Uni<Response> reopen(@BeanParam CaseChange change, @Valid @NotNull ReasonRequest body) {
        return dispatch(change, c -> new ReopenCase(change.caseId(), body.reason()));
    }

    // ---- legal hold and notes ----------------------------------------------------------------------

    @POST
    @Path("/legal-hold")
    @RolesAllowed(SUPERVISOR)
    @Operation(summary = "Place a legal hold (supervisors)")
    public Uni<Response> placeLegalHold(@BeanParam CaseChange change, @Valid @NotNull ReasonRequest body) {
        return dispatch(change, c -> new PlaceLegalHold(change.caseId(), body.reason()));
    }

    @POST
    @Path("/legal-hold/lifting")
    @RolesAllowed(SUPERVISOR)
    @Operation(summary = "Lift the legal hold (supervisors)")
    public Uni<Response> liftLegalHold(@BeanParam CaseChange change, @Valid @NotNull ReasonRequest body) {
        return dispatch(change, c -> new LiftLegalHold(change.caseId(), body.reason()));
    }

    @POST
    @Path("/notes")
    @RolesAllowed({STAFF, SUPERVISOR})
    @Operation(summary = "Add an internal note", description = "Never shown to companies.")
    public Uni<Response> addNote(@BeanParam CaseChange change, @Valid @NotNull NoteRequest body) {
        return dispatch(change, me -> new AddCaseNote(change.caseId(), newId("N"), body.text(),
                new StaffMember(me.subject(), me.name())));
    }

    @POST
    @Path("/complainants/{complainantId}/erasure")
    @RolesAllowed(SUPERVISOR)
    @Operation(summary = "Erase a complainant who is a person (supervisors)", description = "Their key is destroyed: "
            + "their name, and every note, allegation or summary that names them, read \"[erased]\" from then on, "
            + "in the event store, the views and every service, while the hash chain still verifies (the erasure is "
            + "itself an event of the case). 409 while the case is under legal hold or once they are erased; 422 for "
            + "an organisation. 200 once the key is destroyed; 202 when the erasure is recorded and its key not yet "
            + "destroyed within the wait (it will be).")
    @APIResponse(responseCode = "202", description = "Recorded; the key is destroyed shortly after",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation =
                    Changed.class)))
    public Uni<Response> eraseComplainant(@BeanParam CaseChange change,
                                          @PathParam("complainantId") String complainantId,
                                          @Valid @NotNull ReasonRequest body) {
        return erase(change, complainantId, body);
    }

    @POST
    @Path("/named-persons")
    @RolesAllowed({STAFF, SUPERVISOR})
    @Operation(summary = "Name a person who is not a party (a witness, an employee of a respondent)",
            description = "They become a data subject of the case: their name, and every note, allegation or summary "
                    + "written afterwards that names them, are kept sealed under their key and can be erased. 422 when "
                    + "the case's title names them (a title is shown to respondents and in notices).")
    public Uni<Response> namePerson(@BeanParam CaseChange change, @Valid @NotNull NamedPersonInput body) {
        return dispatch(change, c -> new NamePerson(change.caseId(), body.toNamedPerson(newId("P"))));
    }

    @POST
    @Path("/named-persons/{personId}/erasure")
    @RolesAllowed(SUPERVISOR)
    @Operation(summary = "Erase a person the case names (supervisors)", description = "As for a complainant: their "
            + "name and every text naming them read \"[erased]\" from then on, while the hash chain still verifies. "
            + "409 while the case is under legal hold or once they are erased. 200 once the key is destroyed; 202 when "
            + "the erasure is recorded and its key not yet destroyed within the wait (it will be).")
    @APIResponse(responseCode = "202", description = "Recorded; the key is destroyed shortly after",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation =
                    Changed.class)))
    public Uni<Response> eraseNamedPerson(@BeanParam CaseChange change, @PathParam("personId") String personId,
                                          @Valid @NotNull ReasonRequest body) {
        return erase(change, personId, body);
    }

    /** Records the erasure, then answers once the key is destroyed and the views erased (202 if the wait ends first). */
    private Uni<Response> erase(CaseChange change, String personId, ReasonRequest body) {
        return dispatch(change, me -> new EraseDataSubject(change.caseId(), personId, body.reason(),
                new StaffMember(me.subject(), me.name())))
                .chain(changed -> consistency.caughtUp(List.of(KeyShredding.GROUP, CaseViewProjection.GROUP))
                        .map(done -> done ? changed : Response.fromResponse(changed).status(202).build()));
    }

    /** The endpoint of each transition of the table ({@link CaseAction}). */
    static StatusChange statusChange(CaseAction action) {
        return switch (action) {
            case START_INVESTIGATION -> new StatusChange(HttpMethod.POST, INVESTIGATION);
            case RECORD_FINDINGS -> new StatusChange(HttpMethod.POST, FINDINGS);
            case ISSUE_DECISION -> new StatusChange(HttpMethod.POST, DECISION);
            case CLOSE -> new StatusChange(HttpMethod.POST, CLOSURE);
            case SUSPEND -> new StatusChange(HttpMethod.POST, SUSPENSION);
            case RESUME -> new StatusChange(HttpMethod.POST, RESUMPTION);
            case REFER -> new StatusChange(HttpMethod.POST, REFERRAL);
            case REOPEN -> new StatusChange(HttpMethod.POST, REOPENING);
        };
    }

    // ---- the one way a change is made ----------------------------------------------------------------

    /** Checks If-Match and visibility, sends the command for the expected version, answers the new ETag. */
    Uni<Response> dispatch(CaseChange change, Function<Caller, CaseCommand> command) {
        long expected = Versions.expected(change.ifMatch());
        Caller me = caller.get();
        CaseCommand message = command.apply(me);
        return cases.visible(change.caseId(), me)
                .chain(row -> commands.<Long>dispatch(message, expected))
                .map(version -> Response.ok(new Changed(change.caseId(), version)).tag(Versions.tag(version)).build());
    }

    private Uni<StaffMember> staff(String userId) {
        return directory.staffMember(userId).map(found -> found.orElseThrow(() -> RuleViolation.unprocessable(
                "User " + userId + " is not regulator staff (investigator or supervisor) and cannot be assigned")));
    }

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

}
