package org.compliance.portal.backend;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.compliance.api.audit.views.AsOf;
import org.compliance.api.audit.views.Verification;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * audit-service, as the signed-in auditor. The bundle goes through {@link Streams}. The history stays a JSON tree:
 * its entries carry the stored event as JSON, which the api module cannot type without a JSON library (decision 10).
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
    JsonNode history(@PathParam("caseId") String caseId, @QueryParam("page") int page, @QueryParam("size") int size);

    /** The case as it stood at a moment ({@code at}) or at an event ({@code position}): give one. */
    @GET
    @Path("state")
    AsOf state(@PathParam("caseId") String caseId, @QueryParam("at") String at,
                   @QueryParam("position") Long position);

    @GET
    @Path("verification")
    Verification verification(@PathParam("caseId") String caseId);
}
