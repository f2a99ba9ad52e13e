package org.compliance.portal.backend;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.compliance.api.evidence.BankHolidayCalendar;
import org.compliance.api.evidence.DayCount;
import org.compliance.api.evidence.requests.GrantRequest;
import org.compliance.api.evidence.requests.IssueRequest;
import org.compliance.api.evidence.requests.MoreEvidenceRequest;
import org.compliance.api.evidence.requests.ReasonRequest;
import org.compliance.api.evidence.requests.ReviewNoteRequest;
import org.compliance.api.evidence.requests.SubmissionRequest;
import org.compliance.api.evidence.views.Changed;
import org.compliance.api.evidence.views.DueMomentPreview;
import org.compliance.api.evidence.views.RequestDetail;
import org.compliance.api.evidence.views.RequestSummary;
import org.compliance.api.evidence.views.SignedReceipt;
import org.compliance.api.evidence.views.Verification;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * evidence-service, as the signed-in user. A request's ETag is its version: every change sends the version the
 * page was rendered from as If-Match. Uploads and downloads go through {@link Streams} instead.
 */
@RegisterRestClient(configKey = "evidence")
@RegisterClientHeaders(SignedInHeaders.class)
@RegisterProvider(ServiceProblems.class)
@ServiceCall
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface EvidenceClient {

    @GET
    @Path("/requests")
    List<RequestSummary> list(@QueryParam("caseId") String caseId, @QueryParam("status") String status,
                              @QueryParam("overdue") Boolean overdue, @QueryParam("size") int size);

    @GET
    @Path("/requests/{requestId}")
    RestResponse<RequestDetail> get(@PathParam("requestId") String requestId);

    @GET
    @Path("/requests/due-moment")
    DueMomentPreview dueMoment(@QueryParam("days") Integer days, @QueryParam("count") DayCount count,
                               @QueryParam("calendar") BankHolidayCalendar calendar,
                               @QueryParam("caseId") String caseId);

    @POST
    @Path("/requests")
    RestResponse<Changed> issue(IssueRequest body);

    @POST
    @Path("/requests/{requestId}/acknowledgement")
    RestResponse<Changed> acknowledge(@PathParam("requestId") String requestId, @HeaderParam("If-Match") String ifMatch);

    @POST
    @Path("/requests/{requestId}/acceptance")
    RestResponse<Changed> accept(@PathParam("requestId") String requestId, @HeaderParam("If-Match") String ifMatch);

    @POST
    @Path("/requests/{requestId}/extension-request")
    RestResponse<Changed> askForTime(@PathParam("requestId") String requestId, @HeaderParam("If-Match") String ifMatch,
                       ReasonRequest body);

    @POST
    @Path("/requests/{requestId}/extension/grant")
    RestResponse<Changed> grantExtension(@PathParam("requestId") String requestId, @HeaderParam("If-Match") String ifMatch,
                           GrantRequest body);

    @POST
    @Path("/requests/{requestId}/extension/refusal")
    RestResponse<Changed> refuseExtension(@PathParam("requestId") String requestId, @HeaderParam("If-Match") String ifMatch,
                            ReasonRequest body);

    @POST
    @Path("/requests/{requestId}/more-evidence")
    RestResponse<Changed> askForMore(@PathParam("requestId") String requestId, @HeaderParam("If-Match") String ifMatch,
                       MoreEvidenceRequest body);

    @POST
    @Path("/requests/{requestId}/withdrawal")
    RestResponse<Changed> withdraw(@PathParam("requestId") String requestId, @HeaderParam("If-Match") String ifMatch,
                     ReasonRequest body);

    @POST
    @Path("/requests/{requestId}/clock-stop")
    RestResponse<Changed> stopClock(@PathParam("requestId") String requestId, @HeaderParam("If-Match") String ifMatch,
                                    ReasonRequest body);

    @POST
    @Path("/requests/{requestId}/clock-restart")
    RestResponse<Changed> restartClock(@PathParam("requestId") String requestId,
                                       @HeaderParam("If-Match") String ifMatch);

    @POST
    @Path("/requests/{requestId}/files/{fileId}/review-notes")
    RestResponse<Changed> addReviewNote(@PathParam("requestId") String requestId, @PathParam("fileId") String fileId,
                                        @HeaderParam("If-Match") String ifMatch, ReviewNoteRequest body);

    @POST
    @Path("/requests/{requestId}/submissions")
    RestResponse<SignedReceipt> submit(@PathParam("requestId") String requestId, @HeaderParam("If-Match") String ifMatch,
                         SubmissionRequest body);

    @GET
    @Path("/requests/{requestId}/submissions/{submissionId}/receipt")
    SignedReceipt receipt(@PathParam("requestId") String requestId, @PathParam("submissionId") String submissionId);

    @POST
    @Path("/receipts/verification")
    Verification verify(SignedReceipt signed);
}
