package org.compliance.evidence.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.compliance.api.evidence.AcceptEvidence;
import org.compliance.api.evidence.AddReviewNote;
import org.compliance.api.evidence.BankHolidayCalendar;
import org.compliance.api.evidence.DayCount;
import org.compliance.api.evidence.AcknowledgeEvidenceRequest;
import org.compliance.api.evidence.EvidenceCommand;
import org.compliance.api.evidence.FormalNotice;
import org.compliance.api.evidence.GrantExtension;
import org.compliance.api.evidence.IssueEvidenceRequest;
import org.compliance.api.evidence.RefuseExtension;
import org.compliance.api.evidence.RequestExtension;
import org.compliance.api.evidence.RequestMoreEvidence;
import org.compliance.api.evidence.RestartClock;
import org.compliance.api.evidence.StopClock;
import org.compliance.api.evidence.WithdrawEvidenceRequest;
import org.compliance.evidence.application.FormalNotices;
import org.compliance.evidence.application.NoticeContent;
import org.compliance.evidence.domain.DueMoments;
import org.compliance.evidence.domain.EvidenceRules;
import org.compliance.evidence.domain.Periods;
import org.compliance.evidence.domain.KnownCases;
import org.compliance.evidence.query.KnownCaseProjection;
import org.compliance.evidence.query.RequestQueries;
import org.compliance.evidence.query.RequestViewRow;
import org.compliance.api.evidence.views.Changed;
import org.compliance.api.evidence.requests.FormalNoticeInput;
import org.compliance.api.evidence.requests.GrantRequest;
import org.compliance.api.evidence.requests.IssueRequest;
import org.compliance.api.evidence.views.DueMomentPreview;
import org.compliance.api.evidence.requests.MoreEvidenceRequest;
import org.compliance.api.evidence.requests.ReasonRequest;
import org.compliance.api.evidence.requests.ReviewNoteRequest;
import org.compliance.api.evidence.views.RequestSummary;
import org.compliance.platform.domain.RuleViolation;
import org.compliance.platform.identity.Caller;
import org.compliance.platform.identity.CurrentCaller;
import org.compliance.platform.messaging.Commands;
import org.compliance.platform.problem.Versions;
import org.compliance.platform.reactive.CallerContext;
import org.compliance.platform.views.Consistency;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An evidence request's life: issued by investigators, acknowledged by the respondent company, extended, its
 * clock stopped and restarted, accepted or sent back for more, withdrawn; and the reads. Each change needs {@code If-Match} with the ETag of the version
 * the caller read: a change made meanwhile by someone else makes it a 409 instead of being silently overwritten.
 * The answer carries the new ETag. A company user sees only its own organisation's requests; another
 * organisation's is a 404.
 *
 * <p>The three resources of a request ({@code RequestLifecycleResource}, {@link EvidenceFileResource},
 * {@link ReceiptResource}) each name whole paths from the root, as the API does: RESTEasy Reactive finds a method
 * among resources with the same root path, not across different roots that both match.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = RequestLifecycleResource.TAG, description = RequestLifecycleResource.TAG_DESCRIPTION)
@WithSession
public class RequestLifecycleResource {

    static final String TAG = "Evidence requests";
    static final String TAG_DESCRIPTION = "Issued by regulator staff, answered by the respondent company "
            + "(acknowledgement, uploads, submissions, extensions), reviewed by staff";

    static final String STAFF = "investigator";
    static final String SUPERVISOR = "supervisor";
    static final String COMPANY = "company";
    static final String AUDITOR = "auditor";
    static final String CHANGED = "Done; the request's new version";
    static final String CONFLICT = "The request's state refuses this now (see the problem's detail), or it "
            + "changed at the same moment";

    private final Commands commands;
    private final CurrentCaller caller;
    private final RequestQueries queries;
    private final VisibleRequests requests;
    private final Clock clock;
    private final KnownCases knownCases;
    private final Consistency consistency;
    private final Periods periods;
    private final FormalNotices notices;

    public RequestLifecycleResource(Commands commands, CurrentCaller caller, RequestQueries queries,
                                    VisibleRequests requests, Clock clock, KnownCases knownCases,
                                    Consistency consistency, Periods periods, FormalNotices notices) {
        this.periods = periods;
        this.notices = notices;
        this.commands = commands;
        this.caller = caller;
        this.queries = queries;
        this.requests = requests;
        this.clock = clock;
        this.knownCases = knownCases;
        this.consistency = consistency;
    }

    // ---- issuing and reading -------------------------------------------------------------------------

    @POST
    @Path("/requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({STAFF, SUPERVISOR})
    @Operation(operationId = "issueEvidenceRequest",
            summary = "Issue an evidence request", description = "For an open case known from the event stream "
            + "and one of its respondents (422 otherwise). Due at 23:59:59 Europe/London on the last day of its "
            + "period, counted from the day of issue (day 0) as the case's authority counts: dueInDays, dayCount "
            + "(CALENDAR or WORKING) and calendar (the bank holidays working days skip) each default to the "
            + "authority's and may be overridden within what it allows (422 otherwise); or an explicit dueAt. "
            + "The event records the period and the days it skipped. With formalNotice, "
            + "the request is issued as a formal information notice: a PDF stating the legal basis, what is "
            + "required by when, the consequences of non-compliance and the right of appeal with its period, kept "
            + "by its SHA-256 and signed with the receipt key; both are in the event and the request "
            + "(GET /requests/{requestId}/formal-notice downloads it).")
    @APIResponse(responseCode = "201", description = "Issued; Location is the request",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation =
                    Changed.class)))
    @APIResponse(responseCode = "409", description = "A formal notice was rendered for another due moment than the "
            + "request got (the day turned meanwhile): issue it again")
    public Uni<Response> issue(@Valid @NotNull IssueRequest body, UriInfo uri) {
        Caller me = caller.get();
        String requestId = UUID.randomUUID().toString();
        IssueEvidenceRequest plain = new IssueEvidenceRequest(requestId, body.caseId(),
                body.respondentOrganisationAlias(), body.items(), body.legalBasis(), body.instructions(),
                body.dueInDays(), body.dueAt(), VisibleRequests.staffMember(me), body.dayCount(), body.calendar());
        return caseSeen(body.caseId())
                .chain(() -> body.formalNotice() == null ? Uni.createFrom().item(plain)
                        : asFormalNotice(plain, body.formalNotice()))
                .chain(command -> commands.<String>dispatch(command))
                .map(ignored -> Response.created(uri.getAbsolutePathBuilder().path(requestId).build())
                        .tag(Versions.tag(0)).entity(new Changed(requestId, 0)).build());
    }

    /**
     * The command with its formal notice rendered, stored and signed (on a worker: file I/O). The notice states the
     * due moment the rules will give the request; should they give another (midnight passed), they refuse it.
     */
    private Uni<IssueEvidenceRequest> asFormalNotice(IssueEvidenceRequest c, FormalNoticeInput input) {
        return Uni.createFrom().item(() -> {
                    Instant now = clock.instant();
                    var heading = knownCases.heading(c.caseId());
                    String authority = knownCases.find(c.caseId()).map(KnownCases.KnownCase::authority).orElse("");
                    FormalNotice notice = notices.issue(new NoticeContent(c.requestId(), c.caseId(),
                            heading.map(KnownCases.CaseHeading::title).orElse(null),
                            heading.map(KnownCases.CaseHeading::authority).orElse(null),
                            c.respondentOrganisationAlias(), c.items(), c.legalBasis().strip(),
                            c.instructions() == null ? "" : c.instructions().strip(),
                            EvidenceRules.dueMoment(c, now, authority, periods),
                            c.issuedBy().name() == null ? c.issuedBy().userId() : c.issuedBy().name(), now,
                            new FormalNoticeInput(input.consequences().strip(), input.rightOfAppeal().strip(),
                                    input.appealPeriodDays())));
                    return new IssueEvidenceRequest(c.requestId(), c.caseId(), c.respondentOrganisationAlias(),
                            c.items(), c.legalBasis(), c.instructions(), c.dueInDays(), c.dueAt(), c.issuedBy(),
                            c.dayCount(), c.calendar(), notice);
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(CallerContext.current());
    }

    /**
     * A case opened a moment ago may not be known here yet: before the rules refuse a request for it, the
     * {@code known-cases} view is given until it has reached the store's head, bounded (decision 12).
     */
    private Uni<Void> caseSeen(String caseId) {
        return Uni.createFrom().item(() -> knownCases.find(caseId).isPresent())
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(CallerContext.current())
                .chain(known -> known ? Uni.createFrom().voidItem()
                        : consistency.caughtUp(List.of(KnownCaseProjection.GROUP)).replaceWithVoid());
    }

    @GET
    @Path("/requests/due-moment")
    @RolesAllowed({STAFF, SUPERVISOR})
    @Operation(operationId = "previewDueMoment",
            summary = "The due moment a request issued now would get", description = "For showing before sending: "
            + "the period counted as the case's authority counts it (or this installation's standard rule without a "
            + "case), each part overridable within what the authority allows (422 otherwise), and the days a period "
            + "in working days skipped: Saturdays, Sundays and each bank holiday of the calendar, by name.")
    @APIResponse(responseCode = "200", description = "The due moment and how it was counted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation =
                    DueMomentPreview.class)))
    @APIResponse(responseCode = "422", description = "A day count or calendar the authority does not allow, or a "
            + "case not known here")
    public Uni<DueMomentPreview> dueMoment(
            @QueryParam("days") @Min(1) @Max(366) @Parameter(description = "Days from the day of issue (day 0); the "
                    + "authority's default when absent") Integer days,
            @QueryParam("count") @Parameter(description = "CALENDAR or WORKING days; the authority's default when "
                    + "absent") DayCount count,
            @QueryParam("calendar") @Parameter(description = "The bank holidays working days skip; the authority's "
                    + "default when absent") BankHolidayCalendar calendar,
            @QueryParam("caseId") @Parameter(description = "Count as this case's authority does", schema = @Schema(
                    type = SchemaType.STRING, format = "uuid")) UUID caseId) {
        Instant now = clock.instant();
        return authorityOf(caseId).map(authority -> {
            Periods.Counted due = periods.dueAt(authority, days, count, calendar, now);
            return new DueMomentPreview(due.dueAt(), DueMoments.ZONE.getId(), due.period(), due.skipped());
        });
    }

    /** The authority running the case (null without a case: the standard rule); a case not known here is a 422. */
    private Uni<String> authorityOf(UUID caseId) {
        if (caseId == null) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(() -> knownCases.find(caseId.toString()).orElseThrow(() ->
                        RuleViolation.unprocessable("No case " + caseId + " is known to evidence-service")).authority())
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(CallerContext.current());
    }

    @GET
    @Path("/requests")
    @RolesAllowed({STAFF, SUPERVISOR, AUDITOR, COMPANY})
    @Operation(operationId = "listEvidenceRequests",
            summary = "List requests", description = "By case, organisation, status; due within N days (open "
            + "ones); overdue. Soonest due first, with the time left. Companies see only their own.")
    public Uni<List<RequestSummary>> list(@QueryParam("caseId") @Parameter(description = "Only this case's "
                                                  + "requests", schema = @Schema(type = SchemaType.STRING,
                                                  format = "uuid")) String caseId,
                                          @QueryParam("organisation") @Parameter(description = "Only requests to "
                                                  + "this organisation (its alias)", schema = @Schema(
                                                  type = SchemaType.STRING, pattern = "^[a-z0-9][a-z0-9-]{1,62}$",
                                                  minLength = 2, maxLength = 63)) String organisation,
                                          @QueryParam("status") @Parameter(description = "Only requests in this "
                                                  + "status", schema = @Schema(type = SchemaType.STRING,
                                                  enumeration = {"OPEN", "COMPLETE", "WITHDRAWN"})) String status,
                                          @QueryParam("dueWithinDays") @Min(0) @Max(3660) @Parameter(description =
                                                  "Only open requests due within this many days") Integer dueWithinDays,
                                          @QueryParam("overdue") @Parameter(description = "Only overdue requests "
                                                  + "(true) or only the others (false)") Boolean overdue,
                                          @QueryParam("page") @DefaultValue("0") @Min(0) @Max(500) int page,
                                          @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        if (status != null && !List.of("OPEN", "COMPLETE", "WITHDRAWN").contains(status)) {
            throw new BadRequestException("status is OPEN, COMPLETE or WITHDRAWN");
        }
        Instant now = clock.instant();
        var filter = new RequestQueries.Filter(caseId, organisation, dueWithinDays == null ? status : "OPEN",
                dueWithinDays == null ? null : now.plus(Duration.ofDays(dueWithinDays)), overdue);
        return queries.list(filter, VisibleRequests.limitedTo(caller.get()), page, size)
                .map(rows -> rows.stream().map(row -> EvidenceRequests.summary(row, now)).toList());
    }

    @GET
    @Path("/requests/{requestId}")
    @RolesAllowed({STAFF, SUPERVISOR, AUDITOR, COMPANY})
    @Operation(operationId = "getEvidenceRequest",
            summary = "Read a request", description = "With submissions, extensions, chain of custody and the "
            + "time left; for staff and auditors also the review notes on each file (a company reads none). 404 for a "
            + "request of another organisation.")
    public Uni<Response> get(@PathParam("requestId") String requestId) {
        Caller me = caller.get();
        return requests.visible(requestId, me)
                .map(row -> Response.ok(EvidenceRequests.detail(VisibleRequests.document(row), clock.instant(),
                                VisibleRequests.readsReviewNotes(me)))
                        .tag(Versions.tag(row.version)).build());
    }

    // ---- the company's side ------------------------------------------------------------------------

    @POST
    @Path("/requests/{requestId}/acknowledgement")
    @RolesAllowed(COMPANY)
    @Operation(operationId = "acknowledgeEvidenceRequest",
            summary = "Acknowledge the request (company)")
    @APIResponse(responseCode = "200", description = CHANGED, headers = @Header(name = "ETag", schema = @Schema(
            type = SchemaType.STRING)), content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = Changed.class)))
    @APIResponse(responseCode = "409", description = CONFLICT)
    public Uni<Response> acknowledge(@PathParam("requestId") String requestId,
                                     @HeaderParam("If-Match") String ifMatch) {
        return change(requestId, ifMatch, (me, row) -> new AcknowledgeEvidenceRequest(requestId,
                VisibleRequests.companyUser(me, row)));
    }

    @POST
    @Path("/requests/{requestId}/extension-request")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(COMPANY)
    @Operation(operationId = "requestExtension",
            summary = "Ask for an extension (company)", description = "Before the deadline; one pending at a time.")
    @APIResponse(responseCode = "200", description = CHANGED, headers = @Header(name = "ETag", schema = @Schema(
            type = SchemaType.STRING)), content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = Changed.class)))
    @APIResponse(responseCode = "409", description = CONFLICT)
    public Uni<Response> requestExtension(@PathParam("requestId") String requestId,
                                          @HeaderParam("If-Match") String ifMatch,
                                          @Valid @NotNull ReasonRequest body) {
        return change(requestId, ifMatch, (me, row) -> new RequestExtension(requestId, body.reason(),
                VisibleRequests.companyUser(me, row)));
    }

    // ---- the regulator's side ----------------------------------------------------------------------

    @POST
    @Path("/requests/{requestId}/extension/grant")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(SUPERVISOR)
    @Operation(operationId = "grantExtension",
            summary = "Grant the pending extension (supervisors)", description = "With a later due moment; "
            + "reminders and the overdue deadline move with it.")
    @APIResponse(responseCode = "200", description = CHANGED, headers = @Header(name = "ETag", schema = @Schema(
            type = SchemaType.STRING)), content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = Changed.class)))
    @APIResponse(responseCode = "409", description = CONFLICT)
    public Uni<Response> grant(@PathParam("requestId") String requestId, @HeaderParam("If-Match") String ifMatch,
                               @Valid @NotNull GrantRequest body) {
        return change(requestId, ifMatch, (me, row) -> new GrantExtension(requestId, body.newDueAt(),
                VisibleRequests.staffMember(me)));
    }

    @POST
    @Path("/requests/{requestId}/extension/refusal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(SUPERVISOR)
    @Operation(operationId = "refuseExtension",
            summary = "Refuse the pending extension (supervisors)")
    @APIResponse(responseCode = "200", description = CHANGED, headers = @Header(name = "ETag", schema = @Schema(
            type = SchemaType.STRING)), content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = Changed.class)))
    @APIResponse(responseCode = "409", description = CONFLICT)
    public Uni<Response> refuse(@PathParam("requestId") String requestId, @HeaderParam("If-Match") String ifMatch,
                                @Valid @NotNull ReasonRequest body) {
        return change(requestId, ifMatch, (me, row) -> new RefuseExtension(requestId, body.reason(),
                VisibleRequests.staffMember(me)));
    }

    @POST
    @Path("/requests/{requestId}/acceptance")
    @RolesAllowed({STAFF, SUPERVISOR})
    @Operation(operationId = "acceptEvidence",
            summary = "Accept the evidence: the request is complete")
    @APIResponse(responseCode = "200", description = CHANGED, headers = @Header(name = "ETag", schema = @Schema(
            type = SchemaType.STRING)), content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = Changed.class)))
    @APIResponse(responseCode = "409", description = CONFLICT)
    public Uni<Response> accept(@PathParam("requestId") String requestId, @HeaderParam("If-Match") String ifMatch) {
        return change(requestId, ifMatch, (me, row) -> new AcceptEvidence(requestId, VisibleRequests.staffMember(me)));
    }

    @POST
    @Path("/requests/{requestId}/more-evidence")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({STAFF, SUPERVISOR})
    @Operation(operationId = "requestMoreEvidence",
            summary = "Ask for more evidence by a new due moment")
    @APIResponse(responseCode = "200", description = CHANGED, headers = @Header(name = "ETag", schema = @Schema(
            type = SchemaType.STRING)), content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = Changed.class)))
    @APIResponse(responseCode = "409", description = CONFLICT)
    public Uni<Response> askForMore(@PathParam("requestId") String requestId, @HeaderParam("If-Match") String ifMatch,
                                    @Valid @NotNull MoreEvidenceRequest body) {
        return change(requestId, ifMatch, (me, row) -> new RequestMoreEvidence(requestId, body.stillMissing(),
                body.newDueAt(), VisibleRequests.staffMember(me)));
    }

    @POST
    @Path("/requests/{requestId}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({STAFF, SUPERVISOR})
    @Operation(operationId = "withdrawEvidenceRequest",
            summary = "Withdraw the request")
    @APIResponse(responseCode = "200", description = CHANGED, headers = @Header(name = "ETag", schema = @Schema(
            type = SchemaType.STRING)), content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = Changed.class)))
    @APIResponse(responseCode = "409", description = CONFLICT)
    public Uni<Response> withdraw(@PathParam("requestId") String requestId, @HeaderParam("If-Match") String ifMatch,
                                  @Valid @NotNull ReasonRequest body) {
        return change(requestId, ifMatch, (me, row) -> new WithdrawEvidenceRequest(requestId, body.reason(),
                VisibleRequests.staffMember(me)));
    }

    @POST
    @Path("/requests/{requestId}/clock-stop")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({STAFF, SUPERVISOR})
    @Operation(operationId = "stopClock",
            summary = "Stop the request's clock", description = "For example while a clarification the company "
            + "asked for is outstanding. Only while the company is still to answer: open, not yet due, no submission "
            + "awaiting review. The reason is public: the company sees the clock stopped, since when and why. "
            + "No reminder is sent and the request does not go overdue until the clock restarts.")
    @APIResponse(responseCode = "200", description = CHANGED, headers = @Header(name = "ETag", schema = @Schema(
            type = SchemaType.STRING)), content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = Changed.class)))
    @APIResponse(responseCode = "409", description = CONFLICT)
    public Uni<Response> stopClock(@PathParam("requestId") String requestId, @HeaderParam("If-Match") String ifMatch,
                                   @Valid @NotNull ReasonRequest body) {
        return change(requestId, ifMatch, (me, row) -> new StopClock(requestId, body.reason(),
                VisibleRequests.staffMember(me)));
    }

    @POST
    @Path("/requests/{requestId}/clock-restart")
    @RolesAllowed({STAFF, SUPERVISOR})
    @Operation(operationId = "restartClock",
            summary = "Restart the request's stopped clock", description = "The due moment, and every reminder "
            + "still ahead when the clock stopped, move later by exactly the time it was stopped.")
    @APIResponse(responseCode = "200", description = CHANGED, headers = @Header(name = "ETag", schema = @Schema(
            type = SchemaType.STRING)), content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = Changed.class)))
    @APIResponse(responseCode = "409", description = CONFLICT)
    public Uni<Response> restartClock(@PathParam("requestId") String requestId,
                                      @HeaderParam("If-Match") String ifMatch) {
        return change(requestId, ifMatch, (me, row) -> new RestartClock(requestId, VisibleRequests.staffMember(me)));
    }

    @POST
    @Path("/requests/{requestId}/files/{fileId}/review-notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({STAFF, SUPERVISOR})
    @Operation(operationId = "addReviewNote",
            summary = "Note the review of a submitted file (staff)", description = "Kept with the file's SHA-256 as "
            + "reviewed, in any status of the request. The regulator's own: GET /requests/{requestId} shows the notes "
            + "to staff and auditors, never to the company, and nobody is notified. Like every change it needs "
            + "If-Match; an unseen note of a colleague does not make another change a conflict.")
    @APIResponse(responseCode = "200", description = CHANGED, headers = @Header(name = "ETag", schema = @Schema(
            type = SchemaType.STRING)), content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = Changed.class)))
    @APIResponse(responseCode = "404", description = "No such request, or no such file submitted to it")
    @APIResponse(responseCode = "409", description = CONFLICT)
    public Uni<Response> addReviewNote(@PathParam("requestId") String requestId, @PathParam("fileId") String fileId,
                                       @HeaderParam("If-Match") String ifMatch,
                                       @Valid @NotNull ReviewNoteRequest body) {
        // a file submitted a moment ago may not be in the view yet: it is given until it has caught up (decision 12)
        return change(requestId, ifMatch, row -> VisibleRequests.document(row).submissions.stream()
                .anyMatch(s -> s.files().stream().anyMatch(f -> f.fileId().equals(fileId))),
                (me, row) -> new AddReviewNote(requestId, EvidenceFileResource.submittedFile(row, fileId).fileId(),
                        body.note(), VisibleRequests.staffMember(me)));
    }

    // ---- the one way a change is made ----------------------------------------------------------------

    /** What a change sends, made from the caller and the request as the caller may see it. */
    @FunctionalInterface
    interface Change {
        EvidenceCommand of(Caller me, RequestViewRow request);
    }

    /** Checks If-Match and visibility, sends the command for the expected version, answers the new ETag. */
    Uni<Response> change(String requestId, String ifMatch, Change change) {
        return change(requestId, ifMatch, row -> true, change);
    }

    /** As {@link #change(String, String, Change)}, once the request's view {@code shows} what the change needs. */
    Uni<Response> change(String requestId, String ifMatch, Predicate<RequestViewRow> shows, Change change) {
        long expected = Versions.expected(ifMatch);
        Caller me = caller.get();
        return requests.visible(requestId, me, shows)
                .chain(row -> commands.<Long>dispatch(change.of(me, row), expected))
                .map(version -> Response.ok(new Changed(requestId, version)).tag(Versions.tag(version)).build());
    }
}
