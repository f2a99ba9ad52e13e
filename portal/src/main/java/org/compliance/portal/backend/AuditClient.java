package org.compliance.portal.backend;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.compliance.api.audit.views.AsOf;
import org.compliance.api.audit.views.HistoryPage;
import org.compliance.api.audit.views.Verification;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * audit-service, as the signed-in auditor. The bundle goes through {@link Streams}.
 */
@RegisterRestClient(configKey = "audit")
@RegisterClientHeaders(SignedInHeaders.class)
@RegisterProvider(ServiceProblems.class)
@ServiceCall
@Path("/audit/cases/{caseId}")
@Produces(MediaType.APPLICATION_JSON)
public interface AuditClient {

    @GET
    @Path("history")
    HistoryPage history(@PathParam("caseId") String caseId, @QueryParam("page") int page, @QueryParam("size") int size);

    /** The case as it stood at a moment ({@code at}) or at an event ({@code position}): give one. */
    @GET
    @Path("state")
    AsOf state(@PathParam("caseId") String caseId, @QueryParam("at") String at,
                   @QueryParam("position") Long position);

    @GET
    @Path("verification")
    Verification verification(@PathParam("caseId") String caseId);
}
