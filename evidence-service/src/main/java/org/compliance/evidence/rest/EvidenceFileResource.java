package org.compliance.evidence.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.compliance.api.evidence.views.SignedReceipt;
import org.compliance.api.evidence.EvidenceFile;
import org.compliance.api.evidence.EvidenceSubmitted;
import org.compliance.api.evidence.RecordEvidenceDownload;
import org.compliance.api.evidence.StatementOfTruth;
import org.compliance.api.evidence.SubmitEvidence;
import org.compliance.api.shared.CompanyUser;
import org.compliance.evidence.application.BlobStore;
import org.compliance.evidence.application.ContentTypes;
import org.compliance.evidence.application.Receipts;
import org.compliance.evidence.application.Uploads;
import org.compliance.evidence.query.RequestViewRow;
import org.compliance.api.evidence.requests.SubmissionRequest;
import org.compliance.platform.identity.Caller;
import org.compliance.platform.identity.CurrentCaller;
import org.compliance.platform.messaging.Commands;
import org.compliance.platform.problem.Problem;
import org.compliance.platform.problem.Versions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * A request's files: uploads streamed into the blob store, their submission as evidence (answered with a signed
 * receipt), and downloads, whole or one byte range, each recorded in the chain of custody first.
 *
 * <p>The upload and the download are the two blocking endpoints of the service, because the file I/O needs it:
 * the upload reads its body as an {@link InputStream} while hashing it (a non-blocking endpoint would receive the
 * whole body in memory first), and the download writes the blob from a {@link StreamingOutput}. Their reads still go
 * through Hibernate Reactive, waited for on this worker thread.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = RequestLifecycleResource.TAG, description = RequestLifecycleResource.TAG_DESCRIPTION)
public class EvidenceFileResource {

    private static final Logger LOG = Logger.getLogger(EvidenceFileResource.class);

    private final Commands commands;
    private final CurrentCaller caller;
    private final VisibleRequests requests;
    private final Uploads uploads;
    private final BlobStore blobs;
    private final Receipts receipts;
    private final ContentTypes contentTypes;
    private final Clock clock;
    private final long maxFileBytes;

    public EvidenceFileResource(Commands commands, CurrentCaller caller, VisibleRequests requests, Uploads uploads,
                                BlobStore blobs, Receipts receipts, ContentTypes contentTypes, Clock clock,
                                @ConfigProperty(name = "compliance.evidence.max-file-bytes") long maxFileBytes) {
        this.commands = commands;
        this.caller = caller;
        this.requests = requests;
        this.uploads = uploads;
        this.blobs = blobs;
        this.receipts = receipts;
        this.contentTypes = contentTypes;
        this.clock = clock;
        this.maxFileBytes = maxFileBytes;
    }

    @POST
    @Path("/requests/{requestId}/uploads")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(RequestLifecycleResource.COMPANY)
    @Blocking
    @Operation(operationId = "uploadEvidenceFile",
            summary = "Upload one file (company)", description = "The raw bytes as the body; fileName as a query "
            + "parameter (kept as data, never used as a path; at most 255 characters, no control characters). "
            + "Streamed to storage and hashed (SHA-256) on the way; over the size limit (counted on the bytes "
            + "received) 413 and nothing is kept. The same content is stored once. The content type is detected "
            + "from the bytes; the declared Content-Type is not trusted. item names the request's item (its number, "
            + "from 1) the file answers; a number beyond the request's items is a 422, before any byte is read.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.WILDCARD, schema = @Schema(
            type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "201", description = "Stored; submit it with the upload id", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Uploads.Upload.class)))
    @APIResponse(responseCode = "413", description = "Larger than the configured limit; nothing kept")
    public Response upload(@PathParam("requestId") String requestId,
                           @QueryParam("fileName") @Parameter(required = true, description = "The file's name, kept "
                                   + "as data", schema = @Schema(type = SchemaType.STRING, minLength = 1,
                                   maxLength = FileNames.MAX_LENGTH)) String fileName,
                           @QueryParam("item") @Min(1) @Max(RequestItems.MAX) @Parameter(description = "The number "
                                   + "(from 1) of the request's item this file answers; none when absent") Integer item,
                           @HeaderParam("Content-Length") @Parameter(hidden = true) Long declaredLength,
                           InputStream body) {
        FileNames.problem(fileName).ifPresent(problem -> {
            throw new BadRequestException(problem);
        });
        Caller me = caller.get();
        RequestViewRow request = await(() -> requests.visible(requestId, me));
        CompanyUser user = VisibleRequests.companyUser(me, request);
        RequestItems.requireItem(VisibleRequests.document(request), item);
        try {
            if (declaredLength != null && declaredLength > maxFileBytes) {
                throw new BlobStore.TooLarge(maxFileBytes);
            }
            BlobStore.Stored stored = blobs.store(body, maxFileBytes);
            String mediaType = contentTypes.detect(blobs.open(stored.sha256(), 0, ContentTypes.HEAD).orElseThrow());
            var upload = await(() -> uploads.record(requestId, user.organisationAlias(), user.userId(), fileName,
                    mediaType, item, stored, clock.instant()));
            LOG.infof("%s uploaded %s (%d bytes, %s, sha-256 %s) for request %s", user.userId(), upload.uploadId(),
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
    @Path("/requests/{requestId}/submissions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(RequestLifecycleResource.COMPANY)
    @WithSession
    @Operation(operationId = "submitEvidence",
            summary = "Submit uploaded files as evidence (company)", description = "With a description and a "
            + "statement of truth. Answers a receipt signed with the service's key (see /receipts).")
    @APIResponse(responseCode = "201", description = "Submitted; the signed receipt", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SignedReceipt.class)))
    @APIResponse(responseCode = "409", description = RequestLifecycleResource.CONFLICT)
    public Uni<Response> submit(@PathParam("requestId") String requestId, @HeaderParam("If-Match") String ifMatch,
                                @Valid @NotNull SubmissionRequest body) {
        long expected = Versions.expected(ifMatch);
        Caller me = caller.get();
        return requests.visible(requestId, me).chain(row -> {
            CompanyUser user = VisibleRequests.companyUser(me, row);
            return uploads.files(requestId, user.organisationAlias(), body.uploadIds())
                    .chain(files -> commands.<EvidenceSubmitted>dispatch(new SubmitEvidence(requestId,
                            UUID.randomUUID().toString(), files, body.description(), new StatementOfTruth(
                            body.statementOfTruth().name(), body.statementOfTruth().position()), user), expected))
                    .map(submitted -> Response.status(Response.Status.CREATED)
                            .entity(receipts.issue(submitted, user.organisationAlias(), clock.instant())).build());
        });
    }

    @GET
    @Path("/requests/{requestId}/files/{fileId}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({RequestLifecycleResource.STAFF, RequestLifecycleResource.SUPERVISOR,
            RequestLifecycleResource.AUDITOR, RequestLifecycleResource.COMPANY})
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
        EvidenceFile file = submittedFile(await(() -> requests.visible(requestId, me)), fileId);
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
        InputStream content = openBlob(file, first, length);
        StreamingOutput stream = out -> {
            try (content) {
                content.transferTo(out);
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

    /** The range asked for, read from the store at its offset (an S3 store asks for the range, never skips). */
    private InputStream openBlob(EvidenceFile file, long offset, long length) {
        try {
            return blobs.open(file.sha256(), offset, length)
                    .orElseThrow(() -> new IllegalStateException("Blob " + file.sha256() + " is missing"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file submitted to the request, or 404. */
    static EvidenceFile submittedFile(RequestViewRow request, String fileId) {
        return VisibleRequests.document(request).submissions.stream().flatMap(s -> s.files().stream())
                .filter(f -> f.fileId().equals(fileId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Request " + request.requestId + " has no file " + fileId));
    }

    /** Hibernate Reactive works on the event loop: this worker waits for it there. */
    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
