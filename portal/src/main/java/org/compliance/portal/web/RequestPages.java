package org.compliance.portal.web;

import static org.compliance.portal.web.Forms.given;
import static org.compliance.portal.web.Forms.orEmpty;
import static org.compliance.portal.web.Forms.segment;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.compliance.api.evidence.BankHolidayCalendar;
import org.compliance.api.evidence.DayCount;
import org.compliance.api.evidence.EvidenceFile;
import org.compliance.api.evidence.RequestDocument;
import org.compliance.api.evidence.RequestStanding;
import org.compliance.api.evidence.requests.GrantRequest;
import org.compliance.api.evidence.requests.MoreEvidenceRequest;
import org.compliance.api.evidence.requests.ReasonRequest;
import org.compliance.api.evidence.requests.ReviewNoteRequest;
import org.compliance.api.evidence.requests.StatementOfTruthInput;
import org.compliance.api.evidence.requests.SubmissionRequest;
import org.compliance.api.evidence.views.DueMomentPreview;
import org.compliance.api.evidence.views.RequestDetail;
import org.compliance.api.evidence.views.SignedReceipt;
import org.compliance.api.evidence.views.Verification;
import org.compliance.portal.backend.ETags;
import org.compliance.portal.backend.EvidenceClient;
import org.compliance.portal.backend.ReadAfter;
import org.compliance.portal.backend.Service;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Evidence requests: the company's list with the time left, acknowledging, uploading, submitting, asking for
 * more time and its receipts; the regulator's review, extension decisions, clock stops and downloads. One page per
 * request serves both sides; each sees the actions its role has. Every change carries the version of the request
 * the page was rendered from (If-Match), so a change made meanwhile by someone else is refused, not lost.
 */
@Path("/requests")
@Produces(MediaType.TEXT_HTML)
public class RequestPages {

    private static final Pattern UPLOAD_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final EvidenceClient evidence;
    private final SignedInUser user;
    private final AsAnswered asAnswered;
    private final Transfers transfers;
    private final Template list;
    private final Template page;
    private final Template receipt;
    private final Template preview;
    private final ReadAfter readAfter;

    public RequestPages(@RestClient EvidenceClient evidence, SignedInUser user, AsAnswered asAnswered,
                        Transfers transfers, @Location("requests.html") Template list,
                        @Location("request.html") Template page, @Location("receipt.html") Template receipt,
                        @Location("file-preview.html") Template preview, ReadAfter readAfter) {
        this.readAfter = readAfter;
        this.preview = preview;
        this.evidence = evidence;
        this.user = user;
        this.asAnswered = asAnswered;
        this.transfers = transfers;
        this.list = list;
        this.page = page;
        this.receipt = receipt;
    }

    @GET
    public TemplateInstance list(@RestQuery String caseId, @RestQuery String status, @RestQuery Boolean overdue) {
        return list.data("requests", asAnswered.of(evidence.list(given(caseId), given(status), overdue, 200)))
                .data("status", status).data("overdue", overdue).data("caseId", caseId);
    }

    @GET
    @Path("{requestId}")
    public TemplateInstance page(@PathParam("requestId") String requestId, @RestQuery String done) {
        RestResponse<RequestDetail> answer = evidence.get(requestId);
        RequestDetail detail = answer.getEntity();
        RequestDocument request = detail.request();
        boolean open = "OPEN".equals(request.status);
        boolean pendingExtension = request.extensions.stream().anyMatch(e -> "PENDING".equals(e.outcome()));
        boolean hasSubmissions = !request.submissions.isEmpty();
        boolean clockStopped = request.clockStopped != null;
        // a service that does not say is read as the document says: the rule is the api's either way
        RequestStanding standing = detail.standing() != null ? detail.standing() : request.standing();
        boolean due = standing.awaitsRespondent();
        return page.data("r", asAnswered.of(request))
                .data("standing", standing.name())
                .data("due", due)
                .data("clockRunning", standing.clockRunning())
                .data("lastSubmittedAt", hasSubmissions ? request.submissions.getLast().submittedAt().toString() : null)
                .data("subject", detail.subject())
                .data("caseTitle", detail.caseTitle())
                .data("organisationName", organisationName(detail))
                .data("notesByFile", asAnswered.of(request.reviewNotes.stream().collect(Collectors.groupingBy(
                        RequestDocument.ReviewNote::fileId))))
                .data("version", ETags.version(answer))
                .data("secondsLeft", detail.secondsLeft())
                .data("done", Done.message(done))
                .data("canAcknowledge", user.isCompany() && due && request.acknowledgedBy == null)
                .data("canSubmit", user.isCompany() && due)
                // evidence-service takes an extension request while a submission awaits review (part of the evidence
                // may still be to come), so the form stays until the request is finished
                .data("canAskForTime", user.isCompany() && open && !pendingExtension && !request.overdue)
                .data("pendingExtension", pendingExtension)
                .data("canDecideExtension", user.isSupervisor() && open && pendingExtension)
                .data("canReview", user.isStaff() && open && hasSubmissions)
                .data("canWithdraw", user.isStaff() && open)
                .data("clockStopped", clockStopped)
                .data("canStopClock", user.isStaff() && open && !clockStopped && !request.awaitingReview
                        && !request.overdue && detail.secondsLeft() > 0)
                .data("canRestartClock", user.isStaff() && open && clockStopped);
    }

    @GET
    @Path("due-moment")
    @Produces(MediaType.APPLICATION_JSON)
    public DueMomentPreview dueMoment(@RestQuery Integer days, @RestQuery DayCount count,
                                      @RestQuery BankHolidayCalendar calendar, @RestQuery String caseId) {
        return evidence.dueMoment(days, count, calendar, caseId);
    }

    @POST
    @Path("{requestId}/acknowledgement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acknowledge(@PathParam("requestId") String requestId, @RestForm Long version) {
        readAfter.changed(evidence.acknowledge(requestId, ifMatch(version)));
        return back(requestId, "acknowledged");
    }

    /** One file's bytes, streamed through to evidence-service as they arrive; answers its JSON (the upload id). */
    @POST
    @Path("{requestId}/uploads")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RunOnVirtualThread
    public Response upload(@PathParam("requestId") String requestId, @RestQuery String fileName,
                           @RestQuery String item, @HeaderParam("Content-Length") Long length, InputStream body) {
        return transfers.upload("/requests/" + segment(requestId) + "/uploads"
                + (fileName == null ? "" : "?fileName=" + URLEncoder.encode(fileName, StandardCharsets.UTF_8))
                + (item == null || item.isBlank() ? "" : (fileName == null ? "?" : "&") + "item="
                        + URLEncoder.encode(item.strip(), StandardCharsets.UTF_8)), length, body);
    }

    /**
     * Resumable uploads (tus 1.0, decision 26), passed through to evidence-service with the user's token at the same
     * paths: creating one, asking its offset, appending bytes (streamed as they arrive) and dropping it. tus-js-client
     * in the page speaks the protocol; the portal only carries it.
     */
    @POST
    @Path("{requestId}/resumable-uploads")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.WILDCARD)
    @RunOnVirtualThread
    public Response createResumable(@PathParam("requestId") String requestId, @Context HttpHeaders headers) {
        return transfers.resumable("POST", resumable(requestId, null), headers, null, null);
    }

    @HEAD
    @Path("{requestId}/resumable-uploads/{uploadId}")
    @Produces(MediaType.WILDCARD)
    @RunOnVirtualThread
    public Response resumableOffset(@PathParam("requestId") String requestId, @PathParam("uploadId") String uploadId,
                                    @Context HttpHeaders headers) {
        return transfers.resumable("HEAD", resumable(requestId, uploadId), headers, null, null);
    }

    @PATCH
    @Path("{requestId}/resumable-uploads/{uploadId}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.WILDCARD)
    @RunOnVirtualThread
    public Response appendResumable(@PathParam("requestId") String requestId, @PathParam("uploadId") String uploadId,
                                    @Context HttpHeaders headers, @HeaderParam("Content-Length") Long length,
                                    InputStream body) {
        return transfers.resumable("PATCH", resumable(requestId, uploadId), headers, length, body);
    }

    @DELETE
    @Path("{requestId}/resumable-uploads/{uploadId}")
    @Produces(MediaType.WILDCARD)
    @RunOnVirtualThread
    public Response dropResumable(@PathParam("requestId") String requestId, @PathParam("uploadId") String uploadId,
                                  @Context HttpHeaders headers) {
        return transfers.resumable("DELETE", resumable(requestId, uploadId), headers, null, null);
    }

    private static String resumable(String requestId, String uploadId) {
        return "/requests/" + segment(requestId) + "/resumable-uploads" + (uploadId == null ? "" : "/" + segment(uploadId));
    }

    @POST
    @Path("{requestId}/submissions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance submit(@PathParam("requestId") String requestId, @RestForm Long version,
                                   @RestForm List<String> uploadIds, @RestForm String description,
                                   @RestForm String name, @RestForm String position, @RestForm String truth) {
        if (uploadIds == null || uploadIds.isEmpty()) {
            throw new BadRequestException("Upload at least one file before submitting.");
        }
        if (!"yes".equals(truth)) {
            throw new BadRequestException("The statement of truth has to be confirmed before submitting.");
        }
        SignedReceipt signed = readAfter.changed(evidence.submit(requestId, ifMatch(version), new SubmissionRequest(
                uploadIds.stream().map(RequestPages::uploadId).toList(), orEmpty(description),
                new StatementOfTruthInput(orEmpty(name), orEmpty(position)))));
        return showReceipt(requestId, signed, true);
    }

    @GET
    @Path("{requestId}/submissions/{submissionId}")
    public TemplateInstance receipt(@PathParam("requestId") String requestId,
                                    @PathParam("submissionId") String submissionId) {
        return showReceipt(requestId, evidence.receipt(requestId, submissionId), false);
    }

    @GET
    @Path("{requestId}/submissions/{submissionId}/receipt.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response receiptFile(@PathParam("requestId") String requestId,
                                @PathParam("submissionId") String submissionId) {
        SignedReceipt signed = evidence.receipt(requestId, submissionId);
        return Response.ok(signed).header("Content-Disposition",
                "attachment; filename=\"receipt-" + submissionId.replaceAll("[^A-Za-z0-9-]", "") + ".json\"").build();
    }

    /** The submission's receipt as a PDF to keep, streamed from evidence-service (which signs it again now). */
    @GET
    @Path("{requestId}/submissions/{submissionId}/receipt.pdf")
    @Produces(MediaType.WILDCARD)
    @RunOnVirtualThread
    public Response receiptPdf(@PathParam("requestId") String requestId,
                               @PathParam("submissionId") String submissionId) {
        return transfers.download(Service.EVIDENCE, "/requests/" + segment(requestId) + "/submissions/"
                + segment(submissionId) + "/receipt.pdf", null);
    }

    @POST
    @Path("{requestId}/extension-request")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response askForTime(@PathParam("requestId") String requestId, @RestForm Long version,
                               @RestForm String reason) {
        readAfter.changed(evidence.askForTime(requestId, ifMatch(version), new ReasonRequest(orEmpty(reason))));
        return back(requestId, "extension-asked");
    }

    @POST
    @Path("{requestId}/extension/grant")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response grant(@PathParam("requestId") String requestId, @RestForm Long version,
                          @RestForm String newDueDate) {
        GrantRequest grant = new GrantRequest(Forms.endOfDay(newDueDate, "the new due date"));
        readAfter.changed(evidence.grantExtension(requestId, ifMatch(version), grant));
        return back(requestId, "extension-granted");
    }

    @POST
    @Path("{requestId}/extension/refusal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response refuse(@PathParam("requestId") String requestId, @RestForm Long version,
                           @RestForm String reason) {
        readAfter.changed(evidence.refuseExtension(requestId, ifMatch(version),
                new ReasonRequest(orEmpty(reason))));
        return back(requestId, "extension-refused");
    }

    @POST
    @Path("{requestId}/acceptance")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response accept(@PathParam("requestId") String requestId, @RestForm Long version) {
        readAfter.changed(evidence.accept(requestId, ifMatch(version)));
        return back(requestId, "accepted");
    }

    @POST
    @Path("{requestId}/more-evidence")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response askForMore(@PathParam("requestId") String requestId, @RestForm Long version,
                               @RestForm String stillMissing, @RestForm String newDueDate) {
        MoreEvidenceRequest more = new MoreEvidenceRequest(orEmpty(stillMissing),
                Forms.endOfDay(newDueDate, "the new due date"));
        readAfter.changed(evidence.askForMore(requestId, ifMatch(version), more));
        return back(requestId, "more-asked");
    }

    @POST
    @Path("{requestId}/withdrawal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("requestId") String requestId, @RestForm Long version,
                             @RestForm String reason) {
        readAfter.changed(evidence.withdraw(requestId, ifMatch(version), new ReasonRequest(orEmpty(reason))));
        return back(requestId, "withdrawn");
    }

    @POST
    @Path("{requestId}/clock-stop")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response stopClock(@PathParam("requestId") String requestId, @RestForm Long version,
                              @RestForm String reason) {
        readAfter.changed(evidence.stopClock(requestId, ifMatch(version), new ReasonRequest(orEmpty(reason))));
        return back(requestId, "clock-stopped");
    }

    @POST
    @Path("{requestId}/clock-restart")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response restartClock(@PathParam("requestId") String requestId, @RestForm Long version) {
        readAfter.changed(evidence.restartClock(requestId, ifMatch(version)));
        return back(requestId, "clock-restarted");
    }

    /** A submitted file, streamed from evidence-service (which records the download in the chain of custody). */
    @GET
    @Path("{requestId}/files/{fileId}")
    @Produces(MediaType.WILDCARD)
    @RunOnVirtualThread
    public Response download(@PathParam("requestId") String requestId, @PathParam("fileId") String fileId,
                             @HeaderParam("Range") String range) {
        return transfers.download(Service.EVIDENCE, filePath(requestId, fileId), range);
    }

    /**
     * One submitted file shown in the browser for review: a PDF by pdf.js (served by the portal, {@link PdfJs}), an
     * image as itself, text and CSV from its first bytes (escaped; a table for CSV), each with the item of the request
     * it answers, staff's review notes on it, and for staff the note form and the request's accept and ask-for-more
     * forms (with the version the page was rendered from, as on the request's page).
     */
    @GET
    @Path("{requestId}/files/{fileId}/preview")
    public TemplateInstance preview(@PathParam("requestId") String requestId, @PathParam("fileId") String fileId,
                                    @RestQuery String done) {
        RestResponse<RequestDetail> answer = evidence.get(requestId);
        RequestDocument request = answer.getEntity().request();
        RequestDocument.Submission submission = request.submissions.stream()
                .filter(s -> s.files().stream().anyMatch(f -> f.fileId().equals(fileId))).findFirst()
                .orElseThrow(() -> new NotFoundException("Request " + requestId + " has no file " + fileId));
        EvidenceFile file = submission.files().stream().filter(f -> f.fileId().equals(fileId)).findFirst().orElseThrow();
        FilePreviews.Kind kind = FilePreviews.kind(file.mediaType(), file.fileName());
        boolean cut = file.sizeBytes() > FilePreviews.TEXT_BYTES;
        String text = "";
        List<List<String>> rows = List.of();
        if ((kind == FilePreviews.Kind.TEXT || kind == FilePreviews.Kind.CSV) && file.sizeBytes() > 0) {
            text = FilePreviews.text(transfers.head(Service.EVIDENCE, filePath(requestId, fileId),
                    FilePreviews.TEXT_BYTES), cut);
        }
        if (kind == FilePreviews.Kind.CSV) {
            rows = FilePreviews.rows(text, FilePreviews.CSV_ROWS + 1);
            cut = cut || rows.size() > FilePreviews.CSV_ROWS;
            rows = rows.subList(0, Math.min(rows.size(), FilePreviews.CSV_ROWS));
        }
        Integer item = file.item();
        boolean open = "OPEN".equals(request.status);
        return preview.data("r", asAnswered.of(request))
                .data("subject", answer.getEntity().subject())
                .data("organisationName", organisationName(answer.getEntity()))
                .data("file", asAnswered.of(file))
                .data("submission", asAnswered.of(submission))
                .data("item", item == null || item < 1 || item > request.items.size() ? null
                        : item + ". " + request.items.get(item - 1))
                .data("notes", asAnswered.of(request.reviewNotes.stream().filter(n -> n.fileId().equals(fileId))
                        .toList()))
                .data("version", ETags.version(answer))
                .data("done", Done.message(done))
                .data("kind", kind.name())
                .data("text", text)
                .data("header", rows.isEmpty() ? List.of() : rows.getFirst())
                .data("rows", rows.isEmpty() ? List.of() : rows.subList(1, rows.size()))
                .data("truncated", cut)
                .data("textLimit", (long) FilePreviews.TEXT_BYTES)
                .data("rowLimit", FilePreviews.CSV_ROWS)
                .data("pdfjs", PdfJs.LIBRARY)
                .data("pdfjsWorker", PdfJs.WORKER)
                .data("canNote", user.isStaff())
                .data("canReview", user.isStaff() && open && !request.submissions.isEmpty());
    }

    /**
     * A submitted file's bytes for the preview page (pdf.js, an image): only a PDF or a raster image keeps its type;
     * anything else is bytes to download. Always in a sandbox ({@link Transfers#inline}).
     */
    @GET
    @Path("{requestId}/files/{fileId}/raw")
    @Produces(MediaType.WILDCARD)
    @RunOnVirtualThread
    public Response raw(@PathParam("requestId") String requestId, @PathParam("fileId") String fileId) {
        EvidenceFile file = evidence.get(requestId).getEntity().request().submissions.stream()
                .flatMap(s -> s.files().stream()).filter(f -> f.fileId().equals(fileId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Request " + requestId + " has no file " + fileId));
        return transfers.inline(Service.EVIDENCE, filePath(requestId, fileId), FilePreviews.safeType(file.mediaType()));
    }

    @POST
    @Path("{requestId}/files/{fileId}/review-notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addReviewNote(@PathParam("requestId") String requestId, @PathParam("fileId") String fileId,
                                  @RestForm Long version, @RestForm String note) {
        readAfter.changed(evidence.addReviewNote(requestId, fileId, ifMatch(version),
                new ReviewNoteRequest(orEmpty(note))));
        return Response.seeOther(URI.create("/requests/" + segment(requestId) + "/files/" + segment(fileId)
                + "/preview?done=review-noted")).build();
    }

    /** The request's formal information notice (PDF), streamed from evidence-service with its digest and signature. */
    @GET
    @Path("{requestId}/formal-notice")
    @Produces(MediaType.WILDCARD)
    @RunOnVirtualThread
    public Response formalNotice(@PathParam("requestId") String requestId) {
        return transfers.download(Service.EVIDENCE, "/requests/" + segment(requestId) + "/formal-notice", null);
    }

    private static String filePath(String requestId, String fileId) {
        return "/requests/" + segment(requestId) + "/files/" + segment(fileId);
    }

    /** An upload id as evidence-service gave it (a canonical UUID); anything else was not one of its uploads. */
    private static UUID uploadId(String text) {
        if (!UPLOAD_ID.matcher(text.strip()).matches()) {
            throw new BadRequestException("One of the files is not an upload evidence-service knows; upload it again.");
        }
        return UUID.fromString(text.strip());
    }

    private static String ifMatch(Long version) {
        if (version == null) {
            throw new BadRequestException("The form lacks the request's version; reload the request and try again.");
        }
        return ETags.ifMatch(version);
    }

    private TemplateInstance showReceipt(String requestId, SignedReceipt signed, boolean justSubmitted) {
        Verification verification = evidence.verify(signed);
        return receipt.data("requestId", requestId).data("signed", asAnswered.of(signed))
                .data("valid", verification.valid())
                .data("reason", verification.reason() == null ? "" : verification.reason())
                .data("justSubmitted", justSubmitted);
    }

    private static Response back(String requestId, String done) {
        return Response.seeOther(URI.create("/requests/" + segment(requestId) + "?done=" + done)).build();
    }

    /** The organisation's name as its case named it; its alias when evidence-service has no name for it. */
    private static String organisationName(RequestDetail detail) {
        return detail.organisationName() != null ? detail.organisationName() : detail.request().organisationAlias;
    }
}
