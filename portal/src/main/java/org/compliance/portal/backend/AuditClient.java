package org.compliance.portal.backend;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.compliance.api.audit.views.Access;
import org.compliance.api.audit.views.AsOf;
import org.compliance.api.audit.views.CaseTimeline;
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

    /**
     * One page of the case's history, oldest first, filtered by kinds of event ({@code type}, simple names; empty:
     * any), actor (user id) and time range [{@code from}, {@code to}) (ISO instants); null: no filter.
     */
    @GET
    @Path("history")
    HistoryPage history(@PathParam("caseId") String caseId, @QueryParam("page") int page, @QueryParam("size") int size,
                        @QueryParam("type") List<String> types, @QueryParam("actor") String actor,
                        @QueryParam("from") String from, @QueryParam("to") String to);

    /** The case as it stood at a moment ({@code at}) or at an event ({@code position}): give one. */
    @GET
    @Path("state")
    AsOf state(@PathParam("caseId") String caseId, @QueryParam("at") String at,
                   @QueryParam("position") Long position);

    /** The case's life as periods and moments: statuses, legal holds, decisions, requests and their due moments. */
    @GET
    @Path("timeline")
    CaseTimeline timeline(@PathParam("caseId") String caseId);

    @GET
    @Path("verification")
    Verification verification(@PathParam("caseId") String caseId);

    /** Who looked at the case, newest first, each read marked whether it is on the record and its chain intact. */
    @GET
    @Path("access")
    List<Access> access(@PathParam("caseId") String caseId);
}
