package org.compliance.portal.web;

import static org.compliance.portal.backend.Backend.parameters;
import static org.compliance.portal.backend.Backend.query;
import static org.compliance.portal.backend.Backend.segment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.compliance.portal.backend.Backend;
import org.compliance.portal.backend.Service;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The auditor's view of a case: its whole history across services, stepped through event by event; the case as
 * it stood at any event or moment (replayed by audit-service); whether its chain is intact; and the bundle.
 */
@Path("/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditPages {

    /** audit-service's largest page; a longer history is paged. */
    private static final int EVENTS_PER_PAGE = 1000;

    private final Backend backend;
    private final Transfers transfers;
    private final Template cases;
    private final Template timeline;

    public AuditPages(Backend backend, Transfers transfers, @Location("audit-cases.html") Template cases,
                      @Location("timeline.html") Template timeline) {
        this.backend = backend;
        this.transfers = transfers;
        this.cases = cases;
        this.timeline = timeline;
    }

    @GET
    public TemplateInstance cases(@RestQuery String q, @RestQuery Integer page) {
        int pageNumber = page == null ? 0 : Math.max(0, page);
        JsonNode found = backend.get(Service.CASES, "/cases" + query(parameters("q", q, "page", pageNumber, "size", 25)));
        return cases.data("cases", Backend.data(found.path("items"))).data("q", q).data("page", pageNumber)
                .data("count", found.path("items").size());
    }

    /**
     * The timeline with one event selected (the latest unless {@code position} says), or the case as at a
     * moment ({@code at}, UK time): the state shown is replayed up to and including that point.
     */
    @GET
    @Path("cases/{caseId}")
    public TemplateInstance timeline(@PathParam("caseId") String caseId, @RestQuery Long position,
                                     @RestQuery String at, @RestQuery Integer page) {
        String path = "/audit/cases/" + segment(caseId);
        int pageNumber = page == null ? 0 : Math.max(0, page);
        JsonNode history = backend.get(Service.AUDIT, path + "/history" + query(parameters("page", pageNumber,
                "size", EVENTS_PER_PAGE)));
        List<JsonNode> events = new ArrayList<>();
        history.path("items").forEach(events::add);

        JsonNode state;
        Long selected = null;
        String atMoment = null;
        if (at != null && !at.isBlank()) {
            atMoment = Forms.moment(at, "the moment").toString();
            state = backend.get(Service.AUDIT, path + "/state" + query(parameters("at", atMoment)));
            selected = state.path("position").isNumber() ? state.path("position").asLong() : null;
        } else {
            selected = position != null ? position
                    : events.isEmpty() ? null : events.get(events.size() - 1).path("position").asLong();
            state = selected == null ? null
                    : backend.get(Service.AUDIT, path + "/state" + query(parameters("position", selected)));
        }
        int index = indexOf(events, selected);
        JsonNode event = index >= 0 ? events.get(index) : null;
        return timeline.data("caseId", caseId)
                .data("events", Backend.data(history.path("items")))
                .data("page", pageNumber).data("fullPage", events.size() == EVENTS_PER_PAGE)
                .data("selected", selected)
                .data("event", event == null ? null : Backend.data(event))
                .data("payload", event == null ? "" : pretty(event.path("payload")))
                .data("previous", index > 0 ? events.get(index - 1).path("position").asLong() : null)
                .data("next", index >= 0 && index < events.size() - 1 ? events.get(index + 1).path("position").asLong() : null)
                .data("state", state == null ? null : Backend.data(state))
                .data("at", at)
                .data("atMoment", atMoment)
                .data("verification", Backend.data(backend.get(Service.AUDIT, path + "/verification")));
    }

    @GET
    @Path("cases/{caseId}/bundle")
    @Produces(MediaType.WILDCARD)
    @RunOnVirtualThread
    public Response bundle(@PathParam("caseId") String caseId) {
        return transfers.download(Service.AUDIT, "/audit/cases/" + segment(caseId) + "/bundle", null);
    }

    private static int indexOf(List<JsonNode> events, Long position) {
        for (int i = 0; position != null && i < events.size(); i++) {
            if (events.get(i).path("position").asLong() == position) {
                return i;
            }
        }
        return -1;
    }

    private static String pretty(JsonNode payload) {
        try {
            return Backend.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            return payload.toString();
        }
    }

}
