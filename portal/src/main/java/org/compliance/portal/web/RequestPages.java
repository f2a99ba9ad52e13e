package org.compliance.portal.web;

import static org.compliance.portal.backend.Backend.parameters;
import static org.compliance.portal.backend.Backend.query;
import static org.compliance.portal.backend.Backend.segment;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.compliance.portal.backend.Backend;
import org.compliance.portal.backend.Service;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Evidence requests: the company's list with the time left, acknowledging, uploading, submitting, asking for
 * more time and its receipts; the regulator's review, extension decisions and downloads. One page per request
 * serves both sides; each sees the actions its role has.
 */
@Path("/requests")
@Produces(MediaType.TEXT_HTML)
public class RequestPages {

    private final Backend backend;
    private final Viewer viewer;
    private final Transfers transfers;
    private final Template list;
    private final Template page;
    private final Template receipt;

    public RequestPages(Backend backend, Viewer viewer, Transfers transfers, @Location("requests.html") Template list,
                        @Location("request.html") Template page, @Location("receipt.html") Template receipt) {
        this.backend = backend;
        this.viewer = viewer;
        this.transfers = transfers;
        this.list = list;
        this.page = page;
        this.receipt = receipt;
    }

    @GET
    public TemplateInstance list(@RestQuery String caseId, @RestQuery String status, @RestQuery Boolean overdue) {
        JsonNode requests = backend.get(Service.EVIDENCE, "/requests" + query(parameters("caseId", caseId,
                "status", status, "overdue", overdue, "size", 200)));
        return list.data("requests", Backend.data(requests)).data("status", status).data("overdue", overdue)
                .data("caseId", caseId);
    }

    @GET
    @Path("{requestId}")
    public TemplateInstance page(@PathParam("requestId") String requestId, @RestQuery String done) {
        JsonNode detail = backend.get(Service.EVIDENCE, "/requests/" + segment(requestId));
        JsonNode request = detail.path("request");
        boolean open = request.path("status").asText().equals("OPEN");
        boolean pendingExtension = StreamSupport.stream(request.path("extensions").spliterator(), false)
                .anyMatch(e -> e.path("outcome").asText().equals("PENDING"));
        boolean hasSubmissions = !request.path("submissions").isEmpty();
        return page.data("r", Backend.data(request))
                .data("secondsLeft", detail.path("secondsLeft").asLong())
                .data("done", Done.message(done))
                .data("canAcknowledge", viewer.isCompany() && open && request.path("acknowledgedBy").isNull())
                .data("canSubmit", viewer.isCompany() && open)
                .data("canAskForTime", viewer.isCompany() && open && !pendingExtension && !request.path("overdue").asBoolean())
                .data("pendingExtension", pendingExtension)
                .data("canDecideExtension", viewer.isSupervisor() && open && pendingExtension)
                .data("canReview", viewer.isStaff() && open && hasSubmissions)
                .data("canWithdraw", viewer.isStaff() && open);
    }

    @GET
    @Path("due-moment")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode dueMoment(@RestQuery Integer days) {
        return backend.get(Service.EVIDENCE, "/requests/due-moment" + query(parameters("days", days)));
    }

    @POST
    @Path("{requestId}/acknowledgement")
    public Response acknowledge(@PathParam("requestId") String requestId) {
        change(requestId, "acknowledgement", null);
        return back(requestId, "acknowledged");
    }

    /** One file's bytes, streamed through to evidence-service as they arrive; answers its JSON (the upload id). */
    @POST
    @Path("{requestId}/uploads")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RunOnVirtualThread
    public Response upload(@PathParam("requestId") String requestId, @RestQuery String fileName,
                           @HeaderParam("Content-Length") Long length, InputStream body) {
        return transfers.upload("/requests/" + segment(requestId) + "/uploads" + query(parameters("fileName", fileName)),
                length, body);
    }

    @POST
    @Path("{requestId}/submissions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance submit(@PathParam("requestId") String requestId, @RestForm List<String> uploadIds,
                                   @RestForm String description, @RestForm String name, @RestForm String position,
                                   @RestForm String truth) {
        if (uploadIds == null || uploadIds.isEmpty()) {
            throw new BadRequestException("Upload at least one file before submitting.");
        }
        if (!"yes".equals(truth)) {
            throw new BadRequestException("The statement of truth has to be confirmed before submitting.");
        }
        JsonNode signed = backend.send(Service.EVIDENCE, "POST", "/requests/" + segment(requestId) + "/submissions",
                Map.of("uploadIds", uploadIds, "description", orEmpty(description),
                        "statementOfTruth", Map.of("name", orEmpty(name), "position", orEmpty(position))), null).body();
        String submissionId = signed.path("receipt").path("submissionId").asText();
        backend.awaitView(Service.EVIDENCE, "/requests/" + segment(requestId), answer -> answer.body()
                .path("request").path("submissions").findValuesAsText("submissionId").contains(submissionId));
        return showReceipt(requestId, signed, true);
    }

    @GET
    @Path("{requestId}/submissions/{submissionId}")
    public TemplateInstance receipt(@PathParam("requestId") String requestId,
                                    @PathParam("submissionId") String submissionId) {
        return showReceipt(requestId, backend.get(Service.EVIDENCE, receiptPath(requestId, submissionId)), false);
    }

    @GET
    @Path("{requestId}/submissions/{submissionId}/receipt.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response receiptFile(@PathParam("requestId") String requestId,
                                @PathParam("submissionId") String submissionId) {
        JsonNode signed = backend.get(Service.EVIDENCE, receiptPath(requestId, submissionId));
        return Response.ok(signed).header("Content-Disposition",
                "attachment; filename=\"receipt-" + submissionId.replaceAll("[^A-Za-z0-9-]", "") + ".json\"").build();
    }

    @POST
    @Path("{requestId}/extension-request")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response askForTime(@PathParam("requestId") String requestId, @RestForm String reason) {
        change(requestId, "extension-request", Map.of("reason", orEmpty(reason)));
        return back(requestId, "extension-asked");
    }

    @POST
    @Path("{requestId}/extension/grant")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response grant(@PathParam("requestId") String requestId, @RestForm String newDueDate) {
        change(requestId, "extension/grant", Map.of("newDueAt", Forms.endOfDay(newDueDate, "the new due date")));
        return back(requestId, "extension-granted");
    }

    @POST
    @Path("{requestId}/extension/refusal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response refuse(@PathParam("requestId") String requestId, @RestForm String reason) {
        change(requestId, "extension/refusal", Map.of("reason", orEmpty(reason)));
        return back(requestId, "extension-refused");
    }

    @POST
    @Path("{requestId}/acceptance")
    public Response accept(@PathParam("requestId") String requestId) {
        change(requestId, "acceptance", null);
        return back(requestId, "accepted");
    }

    @POST
    @Path("{requestId}/more-evidence")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response askForMore(@PathParam("requestId") String requestId, @RestForm String stillMissing,
                               @RestForm String newDueDate) {
        change(requestId, "more-evidence", Map.of("stillMissing", orEmpty(stillMissing),
                "newDueAt", Forms.endOfDay(newDueDate, "the new due date")));
        return back(requestId, "more-asked");
    }

    @POST
    @Path("{requestId}/withdrawal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("requestId") String requestId, @RestForm String reason) {
        change(requestId, "withdrawal", Map.of("reason", orEmpty(reason)));
        return back(requestId, "withdrawn");
    }

    /** A submitted file, streamed from evidence-service (which records the download in the chain of custody). */
    @GET
    @Path("{requestId}/files/{fileId}")
    @Produces(MediaType.WILDCARD)
    @RunOnVirtualThread
    public Response download(@PathParam("requestId") String requestId, @PathParam("fileId") String fileId,
                             @HeaderParam("Range") String range) {
        return transfers.download(Service.EVIDENCE, "/requests/" + segment(requestId) + "/files/" + segment(fileId),
                range);
    }

    /** Sends a change and waits until the request's view shows it, so that the page after it does too. */
    private void change(String requestId, String action, Object body) {
        String path = "/requests/" + segment(requestId);
        long version = backend.send(Service.EVIDENCE, "POST", path + "/" + action, body, null).body()
                .path("version").asLong();
        backend.awaitVersion(Service.EVIDENCE, path, version);
    }

    private TemplateInstance showReceipt(String requestId, JsonNode signed, boolean justSubmitted) {
        JsonNode verification = backend.send(Service.EVIDENCE, "POST", "/receipts/verification", signed, null).body();
        return receipt.data("requestId", requestId).data("signed", Backend.data(signed))
                .data("valid", verification.path("valid").asBoolean())
                .data("reason", verification.path("reason").asText(""))
                .data("justSubmitted", justSubmitted);
    }

    private static String receiptPath(String requestId, String submissionId) {
        return "/requests/" + segment(requestId) + "/submissions/" + segment(submissionId) + "/receipt";
    }

    private static Response back(String requestId, String done) {
        return Response.seeOther(URI.create("/requests/" + segment(requestId) + "?done=" + done)).build();
    }

    static String orEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
