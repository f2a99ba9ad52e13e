package org.compliance.portal.web;

import static org.compliance.portal.web.Forms.given;
import static org.compliance.portal.web.Forms.segment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.Map;
import org.compliance.api.audit.views.AsOf;
import org.compliance.api.audit.views.HistoryEntry;
import org.compliance.api.cases.views.CaseListItem;
import org.compliance.api.cases.views.Page;
import org.compliance.portal.backend.AuditClient;
import org.compliance.portal.backend.CasesClient;
import org.compliance.portal.backend.Service;
import org.eclipse.microprofile.rest.client.inject.RestClient;
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

    private final CasesClient caseService;
    private final AuditClient audit;
    private final AsAnswered asAnswered;
    private final ObjectMapper json;
    private final Transfers transfers;
    private final Template cases;
    private final Template timeline;

    public AuditPages(@RestClient CasesClient caseService, @RestClient AuditClient audit, AsAnswered asAnswered,
                      ObjectMapper json, Transfers transfers, @Location("audit-cases.html") Template cases,
                      @Location("timeline.html") Template timeline) {
        this.caseService = caseService;
        this.audit = audit;
        this.asAnswered = asAnswered;
        this.json = json;
        this.transfers = transfers;
        this.cases = cases;
        this.timeline = timeline;
    }

    @GET
    public TemplateInstance cases(@RestQuery String q, @RestQuery Integer page) {
        int pageNumber = page == null ? 0 : Math.max(0, page);
        Page<CaseListItem> found = caseService.list(null, null, given(q), null, null, pageNumber, 25);
        return cases.data("cases", asAnswered.of(found.items())).data("q", q).data("page", pageNumber)
                .data("count", found.items().size());
    }

    /**
     * The timeline with one event selected (the latest unless {@code position} says), or the case as at a
     * moment ({@code at}, UK time): the state shown is replayed up to and including that point.
     */
    @GET
    @Path("cases/{caseId}")
    public TemplateInstance timeline(@PathParam("caseId") String caseId, @RestQuery Long position,
                                     @RestQuery String at, @RestQuery Integer page) {
        int pageNumber = page == null ? 0 : Math.max(0, page);
        List<HistoryEntry> events = audit.history(caseId, pageNumber, EVENTS_PER_PAGE).items();

        AsOf state;
        Long selected = null;
        String atMoment = null;
        if (at != null && !at.isBlank()) {
            atMoment = Forms.moment(at, "the moment").toString();
            state = audit.state(caseId, atMoment, null);
            selected = state.position();
        } else {
            selected = position != null ? position
                    : events.isEmpty() ? null : events.getLast().position();
            state = selected == null ? null
                    : audit.state(caseId, null, selected);
        }
        int index = indexOf(events, selected);
        HistoryEntry event = index >= 0 ? events.get(index) : null;
        return timeline.data("caseId", caseId)
                .data("events", asAnswered.of(events))
                .data("page", pageNumber).data("fullPage", events.size() == EVENTS_PER_PAGE)
                .data("selected", selected)
                .data("event", event == null ? null : asAnswered.of(event))
                .data("payload", event == null ? "" : pretty(event.payload()))
                .data("previous", index > 0 ? events.get(index - 1).position() : null)
                .data("next", index >= 0 && index < events.size() - 1 ? events.get(index + 1).position() : null)
                .data("state", state == null ? null : asAnswered.of(state))
                .data("at", at)
                .data("atMoment", atMoment)
                .data("verification", asAnswered.of(audit.verification(caseId)));
    }

    @GET
    @Path("cases/{caseId}/bundle")
    @Produces(MediaType.WILDCARD)
    @RunOnVirtualThread
    public Response bundle(@PathParam("caseId") String caseId) {
        return transfers.download(Service.AUDIT, "/audit/cases/" + segment(caseId) + "/bundle", null);
    }

    private static int indexOf(List<HistoryEntry> events, Long position) {
        for (int i = 0; position != null && i < events.size(); i++) {
            if (events.get(i).position() == position) {
                return i;
            }
        }
        return -1;
    }

    private String pretty(Map<String, Object> payload) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            return payload.toString();
        }
    }

}
