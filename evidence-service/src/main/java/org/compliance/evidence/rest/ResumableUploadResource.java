package org.compliance.evidence.rest;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.compliance.api.shared.CompanyUser;
import org.compliance.evidence.application.AbandonedUploads;
import org.compliance.evidence.application.BlobStore;
import org.compliance.evidence.application.ContentTypes;
import org.compliance.evidence.application.ResumableHashes;
import org.compliance.evidence.application.ResumableSha256;
import org.compliance.evidence.application.ResumableUploads;
import org.compliance.evidence.application.Uploads;
import org.compliance.evidence.query.RequestViewRow;
import org.compliance.evidence.query.ResumableUploadRow;
import org.compliance.platform.identity.Caller;
import org.compliance.platform.identity.CurrentCaller;
import org.compliance.platform.identity.RequestCorrelation;
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
 * Resumable uploads, the tus 1.0 protocol (core, creation and termination; decision 26): an upload interrupted at any
 * point goes on from the last byte the service holds. {@code POST} creates one with its length and name
 * ({@code Upload-Length}, {@code Upload-Metadata}), {@code HEAD} tells the offset held, {@code PATCH} appends from
 * it ({@code Upload-Offset}; another offset is a 409, a second PATCH while one writes a 423), {@code DELETE} drops
 * it. The bytes are hashed as they arrive, the hash left in memory between PATCHes ({@link ResumableHashes}: rebuilt
 * from the bytes held when this instance has none, or taken up from a saved state where the store cannot read back).
 * Complete, the file is an upload like a single request's (same id, type from the bytes), submitted the same way; the
 * last PATCH answers its SHA-256 and type. Who may: as for uploads, the addressed company's users.
 *
 * <p>Blocking, like the single-request upload, because a PATCH's body is read as a stream while it is written.
 */
@Path("/requests/{requestId}/resumable-uploads")
@Tag(name = RequestLifecycleResource.TAG, description = RequestLifecycleResource.TAG_DESCRIPTION)
public class ResumableUploadResource {

    private static final Logger LOG = Logger.getLogger(ResumableUploadResource.class);
    static final String TUS_VERSION = "1.0.0";
    static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";
    private static final String UPLOAD_EXPIRES = "Upload-Expires";
    private static final String EXPIRES_DESCRIPTION = "tus expiration: while unfinished, when the upload is dropped "
            + "if no byte arrives before (compliance.evidence.resumable.expire-after after its last activity)";
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");
    private static final String TUS_PARAMETER = "The tus protocol's version: 1.0.0";
    private static final String UPLOAD_ID = "The upload's id, the last segment of the Location its creation answered";
    private static final String TUS_DESCRIPTION = "tus 1.0 (https://tus.io/protocols/resumable-upload): every request "
            + "but OPTIONS carries Tus-Resumable: 1.0.0 (otherwise 412), every answer too.";

    private final CurrentCaller caller;
    private final VisibleRequests requests;
    private final ResumableUploads uploads;
    private final ResumableHashes hashes;
    private final BlobStore blobs;
    private final ContentTypes contentTypes;
    private final RequestCorrelation correlation;
    private final Clock clock;
    private final long maxFileBytes;
    private final Duration claimTimeout;
    private final Duration checkpointEvery;
    private final Duration expireAfter;

    public ResumableUploadResource(CurrentCaller caller, VisibleRequests requests, ResumableUploads uploads,
                                   ResumableHashes hashes, BlobStore blobs, ContentTypes contentTypes,
                                   RequestCorrelation correlation, Clock clock,
                                   @ConfigProperty(name = "compliance.evidence.max-file-bytes") long maxFileBytes,
                                   @ConfigProperty(name = "compliance.evidence.resumable.claim-timeout",
                                           defaultValue = "PT2M") Duration claimTimeout,
                                   @ConfigProperty(name = "compliance.evidence.resumable.checkpoint-interval",
                                           defaultValue = "PT5S") Duration checkpointEvery,
                                   @ConfigProperty(name = AbandonedUploads.EXPIRE_AFTER,
                                           defaultValue = AbandonedUploads.EXPIRE_AFTER_DEFAULT) Duration expireAfter) {
        this.caller = caller;
        this.requests = requests;
        this.uploads = uploads;
        this.hashes = hashes;
        this.blobs = blobs;
        this.contentTypes = contentTypes;
        this.correlation = correlation;
        this.clock = clock;
        this.maxFileBytes = maxFileBytes;
        this.claimTimeout = claimTimeout;
        this.checkpointEvery = checkpointEvery;
        this.expireAfter = expireAfter;
    }

    @OPTIONS
    @RolesAllowed(RequestLifecycleResource.COMPANY)
    @Operation(operationId = "describeResumableUploads", summary = "The tus version, extensions and size limit",
            description = "Tus-Version, Tus-Extension (creation, termination, expiration) and Tus-Max-Size (the "
            + "service's limit).")
    @APIResponse(responseCode = "204", description = "What the server offers", headers = {
            @Header(name = "Tus-Version", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Tus-Extension", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Tus-Max-Size", schema = @Schema(type = SchemaType.INTEGER))})
    public Response options(@PathParam("requestId") String requestId) {
        return Response.noContent().header("Tus-Resumable", TUS_VERSION).header("Tus-Version", TUS_VERSION)
                .header("Tus-Extension", "creation,termination,expiration").header("Tus-Max-Size", maxFileBytes).build();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(RequestLifecycleResource.COMPANY)
    @Blocking
    @Operation(operationId = "createResumableUpload", summary = "Start a resumable upload (company)",
            description = TUS_DESCRIPTION + " Upload-Length is the file's whole length (at most the size limit, "
            + "413 otherwise; a deferred length is not offered). Upload-Metadata carries filename (required, kept as "
            + "data as for uploads) and item (the number, from 1, of the request's item the file answers; 422 beyond "
            + "them), each base64. Answers Location, where the bytes go by PATCH.")
    @RequestBody(content = @Content(mediaType = MediaType.WILDCARD, schema = @Schema(type = SchemaType.STRING,
            maxLength = 0)))
    @APIResponse(responseCode = "201", description = "Created; send the bytes to Location", headers = {
            @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Upload-Offset", schema = @Schema(type = SchemaType.INTEGER)),
            @Header(name = "Upload-Expires", description = EXPIRES_DESCRIPTION, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "No length, a deferred one, or metadata that does not read")
    @APIResponse(responseCode = "413", description = "Longer than the size limit")
    @APIResponse(responseCode = "412", description = "Tus-Resumable missing or not " + TUS_VERSION + " (tus 1.0: the "
            + "answer names the version in Tus-Version)")
    public Response create(@PathParam("requestId") String requestId,
                           @HeaderParam("Tus-Resumable") @Parameter(required = true, description = TUS_PARAMETER,
                                   schema = @Schema(type = SchemaType.STRING, enumeration = TUS_VERSION))
                           String tusResumable,
                           @HeaderParam("Upload-Length") @Parameter(required = true, description = "The file's whole "
                                   + "length in bytes", schema = @Schema(type = SchemaType.INTEGER, format = "int64",
                                   minimum = "0")) String uploadLength,
                           @HeaderParam("Upload-Defer-Length") @Parameter(hidden = true) String deferLength,
                           @HeaderParam("Upload-Metadata") @Parameter(description = "filename and item, base64, as "
                                   + "tus defines", schema = @Schema(type = SchemaType.STRING, maxLength = 2048))
                           String uploadMetadata) {
        Optional<Response> refused = notTus(tusResumable);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (deferLength != null || uploadLength == null) {
            return problem(400, "Upload-Length is required (a deferred length is not offered)");
        }
        if (!DIGITS.matcher(uploadLength).matches()) {
            return problem(400, "Upload-Length must be a number of bytes");
        }
        long length = Long.parseLong(uploadLength);
        if (length > maxFileBytes) {
            return problem(413, "The file is larger than the limit of " + maxFileBytes + " bytes");
        }
        Map<String, String> metadata;
        try {
            metadata = metadata(uploadMetadata);
        } catch (IllegalArgumentException e) {
            return problem(400, "Upload-Metadata does not read: " + e.getMessage());
        }
        String fileName = metadata.get("filename");
        Optional<String> badName = fileName == null ? Optional.of("filename is required in Upload-Metadata")
                : FileNames.problem(fileName);
        if (badName.isPresent()) {
            return problem(400, badName.get().replace("fileName", "filename"));
        }
        Integer item;
        try {
            item = metadata.containsKey("item") ? Integer.valueOf(metadata.get("item")) : null;
        } catch (NumberFormatException e) {
            return problem(400, "item in Upload-Metadata must be a number");
        }
        if (item != null && (item < 1 || item > RequestItems.MAX)) {
            return problem(400, "item in Upload-Metadata must be from 1 to " + RequestItems.MAX);
        }
        Caller me = caller.get();
        RequestViewRow request = await(() -> requests.visible(requestId, me));
        CompanyUser user = VisibleRequests.companyUser(me, request);
        RequestItems.requireItem(VisibleRequests.document(request), item);
        String staging;
        try {
            staging = blobs.beginResumable();
        } catch (IOException e) {
            throw new IllegalStateException("The blob store could not start an upload", e);
        }
        ResumableUploadRow row = await(() -> uploads.create(requestId, user.organisationAlias(), user.userId(),
                fileName, item, length, staging, hashes.initialState(), clock.instant()));
        LOG.infof("%s began resumable upload %s (%d bytes) for request %s", user.userId(), row.uploadId, length,
                requestId);
        return tus(Response.status(Response.Status.CREATED))
                .header("Location", "/requests/" + requestId + "/resumable-uploads/" + row.uploadId)
                .header("Upload-Offset", 0).header(UPLOAD_EXPIRES, expires(row.createdAt)).build();
    }

    @HEAD
    @Path("{uploadId}")
    @RolesAllowed(RequestLifecycleResource.COMPANY)
    @Blocking
    @Operation(operationId = "resumableUploadOffset", summary = "The offset held (company)", description =
            TUS_DESCRIPTION + " Upload-Offset is where the next PATCH starts; once complete it equals Upload-Length "
            + "and Evidence-Sha256 and Evidence-Media-Type say what was stored. No-store.")
    @APIResponse(responseCode = "200", description = "The offset held", headers = {
            @Header(name = "Upload-Offset", schema = @Schema(type = SchemaType.INTEGER)),
            @Header(name = "Upload-Length", schema = @Schema(type = SchemaType.INTEGER)),
            @Header(name = "Upload-Expires", description = EXPIRES_DESCRIPTION, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = "No such upload for the caller's organisation and request")
    @APIResponse(responseCode = "412", description = "Tus-Resumable missing or not " + TUS_VERSION + " (tus 1.0: the "
            + "answer names the version in Tus-Version)")
    public Response offset(@PathParam("requestId") String requestId,
                           @PathParam("uploadId") @Parameter(description = UPLOAD_ID) String uploadId,
                           @HeaderParam("Tus-Resumable") @Parameter(required = true, description = TUS_PARAMETER,
                                   schema = @Schema(type = SchemaType.STRING, enumeration = TUS_VERSION))
                           String tusResumable) {
        Optional<Response> refused = notTus(tusResumable);
        if (refused.isPresent()) {
            return refused.get();
        }
        CompanyUser user = user(requestId);
        UUID id = uuid(uploadId);
        if (id == null) {
            return problem(404, "No upload " + uploadId);
        }
        Optional<ResumableUploadRow> underWay = await(() -> uploads.underWay(id, requestId, user.organisationAlias()));
        if (underWay.isPresent()) {
            ResumableUploadRow row = underWay.get();
            return tus(Response.ok()).header("Upload-Offset", row.offset).header("Upload-Length", row.length)
                    .header(UPLOAD_EXPIRES, expires(row.claimedAt == null ? row.createdAt : row.claimedAt))
                    .header("Cache-Control", "no-store").build();
        }
        return await(() -> uploads.completed(id, requestId, user.organisationAlias()))
                .map(done -> completed(Response.ok(), done).header("Cache-Control", "no-store").build())
                .orElseGet(() -> problem(404, "No upload " + uploadId + " for request " + requestId));
    }

    @PATCH
    @Path("{uploadId}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(RequestLifecycleResource.COMPANY)
    @Blocking
    @Operation(operationId = "appendToResumableUpload", summary = "Append bytes from the offset held (company)",
            description = TUS_DESCRIPTION + " Content-Type application/offset+octet-stream (415 otherwise), "
            + "Upload-Offset the offset held (409 otherwise: ask HEAD). The bytes are written and hashed as they "
            + "arrive; if the body stops early, what arrived is kept and HEAD tells "
            + "how far. One PATCH at a time: a second while one writes is a 423. The PATCH that reaches the length "
            + "stores the file under its SHA-256 and answers Evidence-Sha256 and Evidence-Media-Type; its upload id "
            + "(the last segment of the upload's address) is submitted as for uploads. More bytes than the length: "
            + "413, the file is not completed.")
    @RequestBody(required = true, content = @Content(mediaType = OFFSET_OCTET_STREAM, schema = @Schema(
            type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "204", description = "Appended; Upload-Offset is the new offset", headers = {
            @Header(name = "Upload-Offset", schema = @Schema(type = SchemaType.INTEGER)),
            @Header(name = "Upload-Expires", description = EXPIRES_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Evidence-Sha256", description = "Once complete: the file's SHA-256 (hex)",
                    schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Evidence-Media-Type", description = "Once complete: the type detected from the bytes",
                    schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = "No such upload for the caller's organisation and request")
    @APIResponse(responseCode = "409", description = "Upload-Offset is not the offset held")
    @APIResponse(responseCode = "413", description = "More bytes than the upload's length")
    @APIResponse(responseCode = "415", description = "Not application/offset+octet-stream")
    @APIResponse(responseCode = "423", description = "Another PATCH is writing this upload; try again")
    @APIResponse(responseCode = "412", description = "Tus-Resumable missing or not " + TUS_VERSION + " (tus 1.0: the "
            + "answer names the version in Tus-Version)")
    public Response append(@PathParam("requestId") String requestId,
                           @PathParam("uploadId") @Parameter(description = UPLOAD_ID) String uploadId,
                           @HeaderParam("Tus-Resumable") @Parameter(required = true, description = TUS_PARAMETER,
                                   schema = @Schema(type = SchemaType.STRING, enumeration = TUS_VERSION))
                           String tusResumable,
                           @HeaderParam("Upload-Offset") @Parameter(required = true, description = "The offset the "
                                   + "service holds (HEAD tells it)", schema = @Schema(type = SchemaType.INTEGER,
                                   format = "int64", minimum = "0")) String uploadOffset,
                           @HeaderParam("Content-Type") @Parameter(hidden = true) String contentType,
                           @HeaderParam("Content-Length") @Parameter(hidden = true) Long declaredLength,
                           InputStream body) {
        Optional<Response> refused = notTus(tusResumable);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (contentType == null || !OFFSET_OCTET_STREAM.equalsIgnoreCase(contentType.split(";")[0].strip())) {
            return problem(415, "A PATCH's body is " + OFFSET_OCTET_STREAM);
        }
        if (uploadOffset == null || !DIGITS.matcher(uploadOffset).matches()) {
            return problem(400, "Upload-Offset must be the number of bytes held");
        }
        long offset = Long.parseLong(uploadOffset);
        CompanyUser user = user(requestId);
        UUID id = uuid(uploadId);
        Optional<ResumableUploadRow> found = id == null ? Optional.empty()
                : await(() -> uploads.underWay(id, requestId, user.organisationAlias()));
        if (found.isEmpty()) {
            return problem(404, "No upload " + uploadId + " under way for request " + requestId);
        }
        ResumableUploadRow row = found.get();
        if (declaredLength != null && offset + declaredLength > row.length) {
            return problem(413, "The body goes beyond the upload's length of " + row.length + " bytes");
        }
        UUID claim = UUID.randomUUID();
        Instant now = clock.instant();
        if (!await(() -> uploads.claim(id, requestId, user.organisationAlias(), offset, claim, now,
                now.minus(claimTimeout)))) {
            ResumableUploadRow current = await(() -> uploads.underWay(id, requestId, user.organisationAlias()))
                    .orElse(null);
            if (current == null) {
                return problem(404, "No upload " + uploadId + " under way for request " + requestId);
            }
            if (current.offset != offset) {
                return tus(Response.status(409)).entity(problemBody(409, "Upload-Offset is " + offset + " but the "
                        + "service holds " + current.offset + " bytes: ask HEAD and go on from there"))
                        .type(Problem.MEDIA_TYPE).header("Upload-Offset", current.offset).build();
            }
            return problem(423, "Another PATCH is writing this upload; try again when it has ended");
        }
        ResumableSha256 sha256;
        BlobStore.Held held;
        try {
            sha256 = hashes.takeUp(id, row.staging, offset, row.sha256State, renewing(id, claim, offset,
                    row.sha256State));
            held = blobs.append(row.staging, offset, row.length, sha256, body, checkpoints(id, claim, sha256));
            if (sha256.covered() != held.offset()) {
                throw new IllegalStateException("The hash covers " + sha256.covered() + " bytes, the store holds "
                        + held.offset());
            }
        } catch (ClaimLost e) {
            return problem(409, e.getMessage());
        } catch (IOException | RuntimeException e) {
            await(() -> uploads.release(id, claim, offset, row.sha256State, clock.instant()));
            throw new IllegalStateException("The blob store failed while appending to upload " + id, e);
        }
        if (!await(() -> uploads.release(id, claim, held.offset(), sha256.state(), clock.instant()))) {
            return problem(409, "Another PATCH took this upload over while this one was silent");
        }
        hashes.leave(id, sha256);
        if (held.brokeOff() != null) {
            LOG.infof("Resumable upload %s broke off at %d of %d bytes: %s", id, held.offset(), row.length,
                    held.brokeOff().toString());
            return problem(400, "The body broke off; " + held.offset() + " bytes are held: go on from there");
        }
        if (held.offset() < row.length) {
            return tus(Response.noContent()).header("Upload-Offset", held.offset())
                    .header(UPLOAD_EXPIRES, expires(clock.instant())).build();
        }
        if (excess(body)) {
            return problem(413, "The body goes beyond the upload's length of " + row.length + " bytes; the file is "
                    + "not complete (send an empty PATCH at its length to complete it, or DELETE it)");
        }
        Uploads.Upload done = complete(row, sha256);
        return completed(Response.noContent(), done).build();
    }

    @DELETE
    @Path("{uploadId}")
    @RolesAllowed(RequestLifecycleResource.COMPANY)
    @Blocking
    @Operation(operationId = "terminateResumableUpload", summary = "Drop an upload under way (company)",
            description = TUS_DESCRIPTION + " Its bytes are dropped; a complete upload is not an upload under way (404).")
    @APIResponse(responseCode = "204", description = "Dropped")
    @APIResponse(responseCode = "404", description = "No such upload under way")
    @APIResponse(responseCode = "423", description = "A PATCH is writing it")
    @APIResponse(responseCode = "412", description = "Tus-Resumable missing or not " + TUS_VERSION + " (tus 1.0: the "
            + "answer names the version in Tus-Version)")
    public Response terminate(@PathParam("requestId") String requestId,
                              @PathParam("uploadId") @Parameter(description = UPLOAD_ID) String uploadId,
                              @HeaderParam("Tus-Resumable") @Parameter(required = true, description = TUS_PARAMETER,
                                   schema = @Schema(type = SchemaType.STRING, enumeration = TUS_VERSION))
                           String tusResumable) {
        Optional<Response> refused = notTus(tusResumable);
        if (refused.isPresent()) {
            return refused.get();
        }
        CompanyUser user = user(requestId);
        UUID id = uuid(uploadId);
        Optional<ResumableUploadRow> found = id == null ? Optional.empty()
                : await(() -> uploads.underWay(id, requestId, user.organisationAlias()));
        if (found.isEmpty()) {
            return problem(404, "No upload " + uploadId + " under way for request " + requestId);
        }
        if (!await(() -> uploads.terminate(id, clock.instant().minus(claimTimeout)))) {
            return problem(423, "A PATCH is writing this upload");
        }
        hashes.forget(id);
        try {
            blobs.discardResumable(found.get().staging);
        } catch (IOException e) {
            LOG.warnf("Upload %s was dropped but its bytes could not be: %s", id, e.toString());
        }
        return tus(Response.noContent()).build();
    }

    /** Stores the complete file under its hash and turns it into an upload like a single request's. */
    private Uploads.Upload complete(ResumableUploadRow row, ResumableSha256 sha256) {
        try {
            BlobStore.Stored stored = blobs.completeResumable(row.staging, sha256.hex(), row.length);
            String mediaType = contentTypes.detect(blobs.open(stored.sha256(), 0, ContentTypes.HEAD).orElseThrow());
            Uploads.Upload upload = await(() -> uploads.complete(row, mediaType, stored, clock.instant()));
            hashes.forget(row.uploadId);
            LOG.infof("%s uploaded %s resumably (%d bytes, %s, sha-256 %s) for request %s", row.createdBy,
                    upload.uploadId(), stored.sizeBytes(), mediaType, stored.sha256(), row.requestId);
            return upload;
        } catch (IOException e) {
            throw new IllegalStateException("The blob store could not complete upload " + row.uploadId, e);
        }
    }

    private BlobStore.Checkpoints checkpoints(UUID id, UUID claim, ResumableSha256 sha256) {
        return new BlobStore.Checkpoints() {
            private Instant last = clock.instant();

            @Override
            public boolean due() {
                return !clock.instant().isBefore(last.plus(checkpointEvery));
            }

            @Override
            public void save(long offset) throws IOException {
                if (sha256.covered() != offset) {
                    throw new IllegalStateException("The hash covers " + sha256.covered() + " bytes, not " + offset);
                }
                last = clock.instant();
                byte[] state = sha256.state();
                if (!await(() -> uploads.progress(id, claim, offset, state, last))) {
                    throw new ClaimLost();
                }
            }
        };
    }

    /** Renews the claim, as a checkpoint would, while a hash lost by this instance is rebuilt from the bytes held. */
    private ResumableHashes.Rereading renewing(UUID id, UUID claim, long offset, byte[] sha256State) {
        return new ResumableHashes.Rereading() {
            private Instant last = clock.instant();

            @Override
            public void stillRereading() throws IOException {
                if (clock.instant().isBefore(last.plus(checkpointEvery))) {
                    return;
                }
                last = clock.instant();
                if (!await(() -> uploads.progress(id, claim, offset, sha256State, last))) {
                    throw new ClaimLost();
                }
            }
        };
    }

    /** Another PATCH took the upload over (this one had been silent longer than the claim lasts). */
    private static final class ClaimLost extends IOException {
        ClaimLost() {
            super("Another PATCH took this upload over while this one was silent");
        }
    }

    private static boolean excess(InputStream body) {
        try {
            return body.read() != -1;
        } catch (IOException e) {
            return false;
        }
    }

    private CompanyUser user(String requestId) {
        Caller me = caller.get();
        return VisibleRequests.companyUser(me, await(() -> requests.visible(requestId, me)));
    }

    private static Response.ResponseBuilder completed(Response.ResponseBuilder answer, Uploads.Upload done) {
        return tus(answer).header("Upload-Offset", done.sizeBytes()).header("Upload-Length", done.sizeBytes())
                .header("Evidence-Sha256", done.sha256()).header("Evidence-Media-Type", done.mediaType())
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(
                        HexFormat.of().parseHex(done.sha256())) + ":");
    }

    /** tus expiration: when an upload left idle since {@code lastActive} is dropped (RFC 9110 date). */
    private String expires(Instant lastActive) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(lastActive.plus(expireAfter).atOffset(ZoneOffset.UTC));
    }

    private static Response.ResponseBuilder tus(Response.ResponseBuilder answer) {
        return answer.header("Tus-Resumable", TUS_VERSION);
    }

    private Optional<Response> notTus(String tusResumable) {
        if (TUS_VERSION.equals(tusResumable)) {
            return Optional.empty();
        }
        return Optional.of(tus(Response.status(412)).header("Tus-Version", TUS_VERSION).type(Problem.MEDIA_TYPE)
                .entity(problemBody(412, "Tus-Resumable: " + TUS_VERSION + " is required")).build());
    }

    private Response problem(int status, String detail) {
        return tus(Response.status(status)).type(Problem.MEDIA_TYPE).entity(problemBody(status, detail)).build();
    }

    private Problem problemBody(int status, String detail) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : status == 423 ? "Locked" : "HTTP " + status;
        return new Problem("about:blank", title, status, detail, correlation.requestId(), List.of());
    }

    /** tus's Upload-Metadata: comma-separated pairs of a key and its value in base64 (a key alone has no value). */
    static Map<String, String> metadata(String header) {
        Map<String, String> pairs = new HashMap<>();
        if (header == null || header.isBlank()) {
            return pairs;
        }
        for (String pair : header.split(",")) {
            String[] parts = pair.strip().split(" ", -1);
            if (parts.length > 2 || parts[0].isEmpty()) {
                throw new IllegalArgumentException("each pair is a key, a space and a base64 value");
            }
            String value = parts.length == 2
                    ? new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8) : "";
            if (pairs.put(parts[0], value) != null) {
                throw new IllegalArgumentException("key " + parts[0] + " appears twice");
            }
        }
        return pairs;
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
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
