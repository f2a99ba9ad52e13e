package org.compliance.evidence.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HexFormat;
import org.compliance.api.evidence.FormalNotice;
import org.compliance.api.evidence.RequestDocument;
import org.compliance.api.shared.PersonalData;
import org.compliance.evidence.application.FormalNotices;
import org.compliance.platform.identity.CurrentCaller;
import org.compliance.platform.reactive.CallerContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A request's formal information notice, the PDF exactly as signed: its SHA-256 in {@code Repr-Digest}, the
 * signature and key id in headers as in the request ({@code formalNotice}). The PDF is a few pages, read whole.
 */
@Path("/")
@Tag(name = RequestLifecycleResource.TAG, description = RequestLifecycleResource.TAG_DESCRIPTION)
public class FormalNoticeResource {

    static final String PDF = "application/pdf";
    static final String SIGNATURE = "Formal-Notice-Signature";
    static final String KEY_ID = "Formal-Notice-Key-Id";

    private final CurrentCaller caller;
    private final VisibleRequests requests;
    private final FormalNotices notices;

    public FormalNoticeResource(CurrentCaller caller, VisibleRequests requests, FormalNotices notices) {
        this.caller = caller;
        this.requests = requests;
        this.notices = notices;
    }

    @GET
    @Path("/requests/{requestId}/formal-notice")
    @Produces(PDF)
    @RolesAllowed({RequestLifecycleResource.STAFF, RequestLifecycleResource.SUPERVISOR,
            RequestLifecycleResource.AUDITOR, RequestLifecycleResource.COMPANY})
    @WithSession
    @Operation(operationId = "downloadFormalNotice",
            summary = "Download the request's formal information notice (PDF)", description = "The PDF exactly as "
            + "issued. Its SHA-256 is in Repr-Digest and in the request's formalNotice (and its issue event); the "
            + "Ed25519 signature, with the receipt key (GET /receipts/public-key), covers the UTF-8 text "
            + "\"compliance-formal-notice/1\\n<requestId>\\n<sha256 hex>\". 404 when the request was not issued as "
            + "a formal notice, or is another organisation's; 410 once a person its texts named was erased (decision "
            + "29): the PDF states them in clear, so it is no longer given out.")
    @APIResponse(responseCode = "200", description = "The notice", headers = {
            @Header(name = "Repr-Digest", description = "sha-256=:<Base64 of the SHA-256>:",
                    schema = @Schema(type = SchemaType.STRING)),
            @Header(name = SIGNATURE, description = "Base64 of the Ed25519 signature",
                    schema = @Schema(type = SchemaType.STRING)),
            @Header(name = KEY_ID, description = "The signing key's id (as in GET /receipts/public-key)",
                    schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such request visible to the caller, or it has no notice")
    @APIResponse(responseCode = "410", description = "The notice's texts named a person since erased")
    public Uni<Response> download(@PathParam("requestId") String requestId) {
        return requests.visible(requestId, caller.get())
                .map(row -> {
                    RequestDocument document = VisibleRequests.document(row);
                    FormalNotice notice = document.formalNotice;
                    if (notice == null) {
                        throw new NotFoundException("Request " + requestId + " was not issued as a formal notice");
                    }
                    if (namedAnErasedPerson(document)) {
                        throw new ClientErrorException("The formal notice of request " + requestId + " named a person"
                                + " since erased; its hash and signature stay on the request", Response.Status.GONE);
                    }
                    return notice;
                })
                .chain(notice -> Uni.createFrom().item(() -> read(notice))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                        .emitOn(CallerContext.current())
                        .map(pdf -> Response.ok(pdf, PDF)
                                .header("Content-Disposition", "attachment; filename=\"formal-notice-" + requestId
                                        + ".pdf\"")
                                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(
                                        HexFormat.of().parseHex(notice.sha256())) + ":")
                                .header(SIGNATURE, notice.signature())
                                .header(KEY_ID, notice.keyId())
                                .build()));
    }

    /** The request's items and instructions, which the PDF states, read erased (decision 29). */
    private static boolean namedAnErasedPerson(RequestDocument document) {
        return PersonalData.ERASED.equals(document.instructions) && !document.items.isEmpty()
                && document.items.stream().allMatch(PersonalData.ERASED::equals);
    }

    private byte[] read(FormalNotice notice) {
        try (InputStream pdf = notices.open(notice).orElseThrow(() -> new IllegalStateException(
                "The formal notice blob " + notice.blob() + " is missing"))) {
            return pdf.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
