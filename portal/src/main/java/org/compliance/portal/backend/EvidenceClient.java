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
import java.util.Map;
import org.compliance.api.evidence.views.Changed;
import org.compliance.api.evidence.views.Issued;
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
    Issued dueMoment(@QueryParam("days") Integer days);

    @POST
    @Path("/requests")
    Changed issue(Map<String, Object> body);

    /**
     * A change to the request at {@code change} (one path segment under it: {@code acknowledgement},
     * {@code acceptance}, ...); {@code body} is null for those that take none.
     */
    @POST
    @Path("/requests/{requestId}/{change}")
    Changed change(@PathParam("requestId") String requestId, @PathParam("change") String change,
                   @HeaderParam("If-Match") String ifMatch, Map<String, Object> body);

    @POST
    @Path("/requests/{requestId}/extension/{decision}")
    Changed decideExtension(@PathParam("requestId") String requestId, @PathParam("decision") String decision,
                            @HeaderParam("If-Match") String ifMatch, Map<String, Object> body);

    @POST
    @Path("/requests/{requestId}/submissions")
    SignedReceipt submit(@PathParam("requestId") String requestId, @HeaderParam("If-Match") String ifMatch,
                    Map<String, Object> body);

    @GET
    @Path("/requests/{requestId}/submissions/{submissionId}/receipt")
    SignedReceipt receipt(@PathParam("requestId") String requestId, @PathParam("submissionId") String submissionId);

    @POST
    @Path("/receipts/verification")
    Verification verify(SignedReceipt signed);
}
