package org.compliance.audit.adapters;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** evidence-service, asked with the caller's own token ({@link CallersToken}): only what the auditor may read. */
@RegisterRestClient(configKey = "evidence")
@RegisterClientHeaders(CallersToken.class)
public interface EvidenceClient {

    @GET
    @Path("/requests/{requestId}/formal-notice")
    @Produces("application/pdf")
    byte[] formalNotice(@PathParam("requestId") String requestId);
}
