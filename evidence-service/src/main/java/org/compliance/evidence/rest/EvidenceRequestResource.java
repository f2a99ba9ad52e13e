package org.compliance.evidence.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
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
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.io.input.BoundedInputStream;
import org.compliance.api.evidence.AcceptEvidence;
import org.compliance.api.evidence.AcknowledgeEvidenceRequest;
import org.compliance.api.evidence.EvidenceFile;
import org.compliance.api.evidence.EvidenceSubmitted;
import org.compliance.api.evidence.GrantExtension;
import org.compliance.api.evidence.IssueEvidenceRequest;
import org.compliance.api.evidence.RecordEvidenceDownload;
import org.compliance.api.evidence.RefuseExtension;
import org.compliance.api.evidence.RequestDocument;
import org.compliance.api.evidence.RequestExtension;
import org.compliance.api.evidence.RequestMoreEvidence;
import org.compliance.api.evidence.StatementOfTruth;
import org.compliance.api.evidence.SubmitEvidence;
import org.compliance.api.evidence.WithdrawEvidenceRequest;
import org.compliance.api.evidence.requests.GrantRequest;
import org.compliance.api.evidence.requests.IssueRequest;
import org.compliance.api.evidence.requests.MoreEvidenceRequest;
import org.compliance.api.evidence.requests.ReasonRequest;
import org.compliance.api.evidence.requests.SubmissionRequest;
import org.compliance.api.evidence.views.Changed;
import org.compliance.api.evidence.views.Issued;
import org.compliance.api.evidence.views.RequestDetail;
import org.compliance.api.evidence.views.RequestSummary;
import org.compliance.api.evidence.views.SignedReceipt;
import org.compliance.api.shared.CompanyUser;
import org.compliance.api.shared.StaffMember;
import org.compliance.evidence.application.BlobStore;
import org.compliance.evidence.application.ContentTypes;
import org.compliance.evidence.application.Receipts;
import org.compliance.evidence.application.RequestAccess;
import org.compliance.evidence.application.Uploads;
import org.compliance.evidence.domain.DueMoments;
import org.compliance.evidence.query.RequestQueries;
import org.compliance.platform.axon.EventSerialization;
import org.compliance.platform.identity.Caller;
import org.compliance.platform.identity.CurrentCaller;
import org.compliance.platform.messaging.Commands;
import org.compliance.platform.problem.Problem;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * Evidence requests: issued by investigators, answered by the respondent company, reviewed by staff. A company
 * user sees only its own organisation's requests; another organisation's is a 404.
 */
@Path("/requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evidence requests", description = "Issued by regulator staff, answered by the respondent company "
        + "(acknowledgement, uploads, submissions, extensions), reviewed by staff")
public class EvidenceRequestResource {

    private static final Logger LOG = Logger.getLogger(EvidenceRequestResource.class);

    private static final String STAFF = "investigator";
    private static final String SUPERVISOR = "supervisor";
    private static final String COMPANY = "company";
    private static final String AUDITOR = "auditor";
    private static final String CHANGED = "Done; the request's new version";
    private static final String CONFLICT = "The request's state refuses this now (see the problem's detail), or it "
            + "changed at the same moment";

    private final Commands commands;
    private final CurrentCaller caller;
    private final RequestQueries queries;
    private final RequestAccess access;
    private final Uploads uploads;
    private final BlobStore blobs;
    private final Receipts receipts;
    private final ContentTypes contentTypes;
    private final Clock clock;
    private final long maxFileBytes;

    public EvidenceRequestResource(Commands commands, CurrentCaller caller, RequestQueries queries,
                                   RequestAccess access, Uploads uploads, BlobStore blobs, Receipts receipts,
                                   ContentTypes contentTypes,
                                   Clock clock, @ConfigProperty(name = "compliance.evidence.max-file-bytes") long maxFileBytes) {
        this.commands = commands;
        this.caller = caller;
        this.queries = queries;
        this.access = access;
        this.uploads = uploads;
        this.blobs = blobs;
        this.receipts = receipts;
        this.contentTypes = contentTypes;
        this.clock = clock;
        this.maxFileBytes = maxFileBytes;
    }

    // ---- issuing and reading -------------------------------------------------------------------------

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({STAFF, SUPERVISOR})
    @Operation(operationId = "issueEvidenceRequest",
            summary = "Issue an evidence request", description = "For an open case known from the event stream "
            + "and one of its respondents (422 otherwise). Due in 14 calendar days by default (23:59:59 "
            + "Europe/London on the 14th day after issue), or dueInDays, or an explicit dueAt.")
    @APIResponse(responseCode = "201", description = "Issued; Location is the request",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation =
                    Changed.class)))
    public Uni<Response> issue(@Valid @NotNull IssueRequest body, UriInfo uri) {
        Caller me = caller.get();
        String requestId = UUID.randomUUID().toString();
        return commands.<String>dispatch(new IssueEvidenceRequest(requestId, body.caseId(),
                        body.respondentOrganisationAlias(), body.items(), body.legalBasis(), body.instructions(),
                        body.dueInDays(), body.dueAt(), new StaffMember(me.subject(), me.name())))
                .map(ignored -> Response.created(uri.getAbsolutePathBuilder().path(requestId).build())
                        .entity(new Changed(requestId, 0)).build());
    }

    @GET
    @Path("/due-moment")
    @RolesAllowed({STAFF, SUPERVISOR})
    @Operation(operationId = "previewDueMoment",
            summary = "The due moment a request issued now would get", description = "For showing before sending.")
    public Issued dueMoment(@QueryParam("days") @DefaultValue("14") @Min(1) @Max(366)
                            @Parameter(description = "Calendar days from now") int days) {
        return new Issued(null, DueMoments.afterCalendarDays(clock.instant(), days), DueMoments.ZONE.getId());
    }

    @GET
    @RolesAllowed({STAFF, SUPERVISOR, AUDITOR, COMPANY})
    @WithSession
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
        return queries.list(filter, RequestAccess.limitedTo(caller.get()), page, size)
                .map(rows -> rows.stream().map(row -> EvidenceRequests.summary(row, now)).toList());
    }

    @GET
    @Path("/{requestId}")
    @RolesAllowed({STAFF, SUPERVISOR, AUDITOR, COMPANY})
    @WithSession
    @Operation(operationId = "getEvidenceRequest",
            summary = "Read a request", description = "With submissions, extensions, chain of custody and the "
            + "time left. 404 for a request of another organisation.")
    public Uni<Response> get(@PathParam("requestId") String requestId) {
        return queries.find(requestId, RequestAccess.limitedTo(caller.get()))
                .onItem().ifNull().failWith(() -> new NotFoundException("No evidence request " + requestId))
                .map(row -> Response.ok(EvidenceRequests.detail(document(row.document), clock.instant()))
                        .tag(Long.toString(row.version)).build());
    }

    // ---- the company's side ------------------------------------------------------------------------

    @POST
    @Path("/{requestId}/acknowledgement")
    @RolesAllowed(COMPANY)
    @Blocking
    @Operation(operationId = "acknowledgeEvidenceRequest",
            summary = "Acknowledge the request (company)")
    @APIResponse(responseCode = "200", description = CHANGED, content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = Changed.class)))
    @APIResponse(responseCode = "409", description = CONFLICT)
    public Changed acknowledge(@PathParam("requestId") String requestId) {
        CompanyUser me = companyUser(requestId);
        return changed(requestId, commands.send(new AcknowledgeEvidenceRequest(requestId, me)));
    }

    @POST
    @Path("/{requestId}/uploads")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(COMPANY)
    @Blocking
    @Operation(operationId = "uploadEvidenceFile",
            summary = "Upload one file (company)", description = "The raw bytes as the body; fileName as a query "
            + "parameter (kept as data, never used as a path; at most 255 characters, no control characters). "
            + "Streamed to storage and hashed (SHA-256) on the way; over the size limit (counted on the bytes "
            + "received) 413 and nothing is kept. The same content is stored once. The content type is detected "
            + "from the bytes; the declared Content-Type is not trusted.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.WILDCARD, schema = @Schema(
            type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "201", description = "Stored; submit it with the upload id", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Uploads.Upload.class)))
    @APIResponse(responseCode = "413", description = "Larger than the configured limit; nothing kept")
    public Response upload(@PathParam("requestId") String requestId,
                           @QueryParam("fileName") @Parameter(required = true, description = "The file's name, kept "
                                   + "as data", schema = @Schema(type = SchemaType.STRING, minLength = 1,
                                   maxLength = FileNames.MAX_LENGTH)) String fileName,
                           @HeaderParam("Content-Length") @Parameter(hidden = true) Long declaredLength,
                           InputStream body) {
        FileNames.problem(fileName).ifPresent(problem -> {
            throw new BadRequestException(problem);
        });
        CompanyUser me = companyUser(requestId);
        try {
            if (declaredLength != null && declaredLength > maxFileBytes) {
                throw new BlobStore.TooLarge(maxFileBytes);
            }
            BlobStore.Stored stored = blobs.store(body, maxFileBytes);
            String mediaType = contentTypes.detect(blobs.open(stored.sha256()).orElseThrow());
            var upload = uploads.record(requestId, me.organisationAlias(), me.userId(), fileName, mediaType, stored,
                    clock.instant());
            LOG.infof("%s uploaded %s (%d bytes, %s, sha-256 %s) for request %s", me.userId(), upload.uploadId(),
                    stored.sizeBytes(), mediaType, stored.sha256(), requestId);
            return Response.status(Response.Status.CREATED).entity(upload).build();
        } catch (BlobStore.TooLarge e) {
            throw new WebApplicationException(e.getMessage(), Response.status(413).type(Problem.MEDIA_TYPE).build());
        } catch (IOException e) {
            throw new WebApplicationException("The upload broke off; nothing was kept. Try again.", e,
                    Response.Status.BAD_REQUEST);
        }
    }

    @POST
    @Path("/{requestId}/submissions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(COMPANY)
    @Blocking
    @Operation(operationId = "submitEvidence",
            summary = "Submit uploaded files as evidence (company)", description = "With a description and a "
            + "statement of truth. Answers a receipt signed with the service's key (see /receipts).")
    @APIResponse(responseCode = "201", description = "Submitted; the signed receipt", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SignedReceipt.class)))
    @APIResponse(responseCode = "409", description = CONFLICT)
    public Response submit(@PathParam("requestId") String requestId, @Valid @NotNull SubmissionRequest body) {
        CompanyUser me = companyUser(requestId);
        List<EvidenceFile> files = uploads.files(requestId, me.organisationAlias(), body.uploadIds());
        EvidenceSubmitted submitted = commands.send(new SubmitEvidence(requestId, UUID.randomUUID().toString(), files,
                body.description(), new StatementOfTruth(body.statementOfTruth().name(),
                body.statementOfTruth().position()), me));
        return Response.status(Response.Status.CREATED)
                .entity(receipts.issue(submitted, me.organisationAlias(), clock.instant())).build();
    }

    @GET
    @Path("/{requestId}/submissions/{submissionId}/receipt")
    @RolesAllowed({STAFF, SUPERVISOR, AUDITOR, COMPANY})
    @Blocking
    @Operation(operationId = "getSubmissionReceipt",
            summary = "The signed receipt of a submission, again", description = "The same facts as the receipt "
            + "answered at submission, signed now (its issuedAt is this moment); check it at /receipts/verification.")
    public SignedReceipt receipt(@PathParam("requestId") String requestId,
                                          @PathParam("submissionId") String submissionId) {
        access.requireVisible(requestId, caller.get());
        RequestDocument request = access.document(requestId);
        RequestDocument.Submission s = request.submissions.stream()
                .filter(submission -> submission.submissionId().equals(submissionId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Request " + requestId + " has no submission " + submissionId));
        return receipts.issue(new EvidenceSubmitted(requestId, request.caseId, s.submissionId(), s.files(),
                s.description(), s.statementOfTruth(), s.submittedBy(), s.submittedAt(), s.late()),
                request.organisationAlias, clock.instant());
    }

    @POST
    @Path("/{requestId}/extension-request")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(COMPANY)
    @Blocking
    @Operation(operationId = "requestExtension",
            summary = "Ask for an extension (company)", description = "Before the deadline; one pending at a time.")
    @APIResponse(responseCode = "200", description = CHANGED, content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = Changed.class)))
    @APIResponse(responseCode = "409", description = CONFLICT)
    public Changed requestExtension(@PathParam("requestId") String requestId, @Valid @NotNull ReasonRequest body) {
        CompanyUser me = companyUser(requestId);
        return changed(requestId, commands.send(new RequestExtension(requestId, body.reason(), me)));
    }

    // ---- the regulator's side ----------------------------------------------------------------------

    @POST
    @Path("/{requestId}/extension/grant")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(SUPERVISOR)
    @Blocking
    @Operation(operationId = "grantExtension",
            summary = "Grant the pending extension (supervisors)", description = "With a later due moment; "
            + "reminders and the overdue deadline move with it.")
    @APIResponse(responseCode = "200", description = CHANGED, content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = Changed.class)))
    @APIResponse(responseCode = "409", description = CONFLICT)
    public Changed grant(@PathParam("requestId") String requestId, @Valid @NotNull GrantRequest body) {
        return changed(requestId, commands.send(new GrantExtension(requestId, body.newDueAt(), staff(requestId))));
    }

    @POST
    @Path("/{requestId}/extension/refusal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(SUPERVISOR)
    @Blocking
    @Operation(operationId = "refuseExtension",
            summary = "Refuse the pending extension (supervisors)")
    @APIResponse(responseCode = "200", description = CHANGED, content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = Changed.class)))
    @APIResponse(responseCode = "409", description = CONFLICT)
    public Changed refuse(@PathParam("requestId") String requestId, @Valid @NotNull ReasonRequest body) {
        return changed(requestId, commands.send(new RefuseExtension(requestId, body.reason(), staff(requestId))));
    }

    @POST
    @Path("/{requestId}/acceptance")
    @RolesAllowed({STAFF, SUPERVISOR})
    @Blocking
    @Operation(operationId = "acceptEvidence",
            summary = "Accept the evidence: the request is complete")
    @APIResponse(responseCode = "200", description = CHANGED, content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = Changed.class)))
    @APIResponse(responseCode = "409", description = CONFLICT)
    public Changed accept(@PathParam("requestId") String requestId) {
        return changed(requestId, commands.send(new AcceptEvidence(requestId, staff(requestId))));
    }

    @POST
    @Path("/{requestId}/more-evidence")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({STAFF, SUPERVISOR})
    @Blocking
    @Operation(operationId = "requestMoreEvidence",
            summary = "Ask for more evidence by a new due moment")
    @APIResponse(responseCode = "200", description = CHANGED, content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = Changed.class)))
    @APIResponse(responseCode = "409", description = CONFLICT)
    public Changed askForMore(@PathParam("requestId") String requestId, @Valid @NotNull MoreEvidenceRequest body) {
        return changed(requestId, commands.send(new RequestMoreEvidence(requestId, body.stillMissing(),
                body.newDueAt(), staff(requestId))));
    }

    @POST
    @Path("/{requestId}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({STAFF, SUPERVISOR})
    @Blocking
    @Operation(operationId = "withdrawEvidenceRequest",
            summary = "Withdraw the request")
    @APIResponse(responseCode = "200", description = CHANGED, content = @Content(mediaType =
            MediaType.APPLICATION_JSON, schema = @Schema(implementation = Changed.class)))
    @APIResponse(responseCode = "409", description = CONFLICT)
    public Changed withdraw(@PathParam("requestId") String requestId, @Valid @NotNull ReasonRequest body) {
        return changed(requestId, commands.send(new WithdrawEvidenceRequest(requestId, body.reason(),
                staff(requestId))));
    }

    @GET
    @Path("/{requestId}/files/{fileId}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({STAFF, SUPERVISOR, AUDITOR, COMPANY})
    @Blocking
    @Operation(operationId = "downloadEvidenceFile",
            summary = "Download a submitted file", description = "Every download is recorded first, as an event "
            + "in the request's chain of custody (who, which file, when). One byte range may be asked for with "
            + "Range (206 Partial Content; 416 when it lies beyond the end); the original file name comes back in "
            + "Content-Disposition, the SHA-256 in Repr-Digest.")
    @APIResponse(responseCode = "200", description = "The whole file")
    @APIResponse(responseCode = "206", description = "The range asked for")
    @APIResponse(responseCode = "409", description = "The request changed at the same moment; try again")
    @APIResponse(responseCode = "416", description = "The range lies beyond the end of the file")
    public Response download(@PathParam("requestId") String requestId, @PathParam("fileId") String fileId,
                             @HeaderParam("Range") @Parameter(description = "One byte range, e.g. bytes=0-1023 or "
                                     + "bytes=-512; any other form is ignored (the whole file)", schema = @Schema(
                                     type = SchemaType.STRING, pattern = "^bytes=[0-9]{0,18}-[0-9]{0,18}$",
                                     maxLength = 44)) String rangeHeader) {
        Caller me = caller.get();
        access.requireVisible(requestId, me);
        EvidenceFile file = submittedFile(requestId, fileId);
        Optional<ByteRange> range;
        try {
            range = ByteRange.of(rangeHeader, file.sizeBytes());
        } catch (ByteRange.Unsatisfiable e) {
            return Response.fromResponse(Problem.response(416, "Range Not Satisfiable", e.getMessage(), null,
                    List.of())).header("Content-Range", "bytes */" + file.sizeBytes()).build();
        }
        commands.send(new RecordEvidenceDownload(requestId, fileId, me.subject()));
        long first = range.map(ByteRange::first).orElse(0L);
        long length = range.map(ByteRange::length).orElse(file.sizeBytes());
        InputStream content = openBlob(file, first);
        StreamingOutput stream = out -> {
            try (InputStream in = BoundedInputStream.builder().setInputStream(content).setMaxCount(length).get()) {
                in.transferTo(out);
            }
        };
        Response.ResponseBuilder answer = range.isPresent()
                ? Response.status(Response.Status.PARTIAL_CONTENT).header("Content-Range",
                        range.get().contentRange(file.sizeBytes()))
                : Response.ok();
        return answer.entity(stream).type(file.mediaType())
                .header("Content-Disposition", FileNames.contentDisposition(file.fileName()))
                .header("Content-Length", length)
                .header("Accept-Ranges", "bytes")
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(
                        HexFormat.of().parseHex(file.sha256())) + ":")
                .build();
    }

    private InputStream openBlob(EvidenceFile file, long offset) {
        try {
            InputStream content = blobs.open(file.sha256())
                    .orElseThrow(() -> new IllegalStateException("Blob " + file.sha256() + " is missing"));
            content.skipNBytes(offset);
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private EvidenceFile submittedFile(String requestId, String fileId) {
        return access.document(requestId).submissions.stream().flatMap(s -> s.files().stream())
                .filter(f -> f.fileId().equals(fileId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Request " + requestId + " has no file " + fileId));
    }

    private CompanyUser companyUser(String requestId) {
        Caller me = caller.get();
        String organisation = access.requireVisible(requestId, me);
        return new CompanyUser(me.subject(), me.name(), organisation);
    }

    private StaffMember staff(String requestId) {
        Caller me = caller.get();
        access.requireVisible(requestId, me);
        return new StaffMember(me.subject(), me.name());
    }

    private static Changed changed(String requestId, Long version) {
        return new Changed(requestId, version);
    }

    private static RequestDocument document(String json) {
        try {
            return EventSerialization.storageObjectMapper().readValue(json, RequestDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
