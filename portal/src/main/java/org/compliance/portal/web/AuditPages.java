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
import io.quarkus.qute.TemplateData;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.compliance.api.audit.EventKinds;
import org.compliance.api.audit.ReadKinds;
import org.compliance.api.audit.Who;
import org.compliance.api.audit.views.Access;
import org.compliance.api.audit.views.AsOf;
import org.compliance.api.audit.views.HistoryEntry;
import org.compliance.api.cases.views.CaseListItem;
import org.compliance.api.cases.views.Page;
import org.compliance.api.evidence.RequestDocument;
import org.compliance.api.evidence.RequestSubjects;
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

    /** An event as the history lists it: its kind, when, who (by name and role) and what it happened to, by name. */
    @TemplateData
    public record EventRow(long position, String type, String time, String who, String about) {
    }

    /**
     * A recorded read of the case as "who looked" lists it: when (ISO instant), who by name, what they looked at in
     * words and its detail; {@code sound} when it is on the record and the reads' chain verifies up to it.
     */
    @TemplateData
    public record ReadRow(String at, String who, String what, String detail, boolean onRecord, boolean intact) {

        static ReadRow of(Access access) {
            return new ReadRow(access.accessedAt().toString(), access.userName() != null ? access.userName()
                    : access.userId() != null ? access.userId() : "Someone unnamed", ReadKinds.inWords(access.what()),
                    access.detail(), access.onRecord(), access.intact());
        }

        public boolean sound() {
            return onRecord && intact;
        }
    }

    /** A choice in a filter's list. */
    @TemplateData
    public record Option(String value, String label, boolean selected) {
    }

    /**
     * The history's filters as chosen: kinds of event (simple names), a person (user id), and a time range in UK time
     * as typed ({@code from}, {@code to}, local date and time); {@code query} carries them on to every link.
     */
    @TemplateData
    public record Filters(List<String> types, String actor, String from, String to, String query) {

        public boolean any() {
            return !types.isEmpty() || actor != null || from != null || to != null;
        }
    }

    /**
     * The timeline with one event selected (the latest unless {@code position} says), or the case as at a
     * moment ({@code at}, UK time): the state shown is replayed up to and including that point, and what the
     * selected event changed is the state just before it beside the state just after it. The history can be
     * narrowed to kinds of event ({@code type}), a person ({@code actor}) and a time range ({@code from},
     * {@code to}, UK time); stepping follows the narrowed history.
     */
    @GET
    @Path("cases/{caseId}")
    public TemplateInstance timeline(@PathParam("caseId") String caseId, @RestQuery Long position,
                                     @RestQuery String at, @RestQuery Integer page, @RestQuery List<String> type,
                                     @RestQuery String actor, @RestQuery String from, @RestQuery String to) {
        int pageNumber = page == null ? 0 : Math.max(0, page);
        Filters filters = filters(type, actor, from, to);
        List<HistoryEntry> everything = audit.history(caseId, pageNumber, EVENTS_PER_PAGE, List.of(), null, null, null)
                .items();
        List<HistoryEntry> events = !filters.any() ? everything : audit.history(caseId, pageNumber, EVENTS_PER_PAGE,
                filters.types(), filters.actor(), instant(filters.from(), "the start of the period"),
                instant(filters.to(), "the end of the period")).items();
        AsOf now = audit.state(caseId, null, null);
        Map<String, String> names = names(now);

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
        List<StateChanges.Change> changes = selected == null || state == null ? List.of()
                : StateChanges.between(selected == 0 ? null : asAnswered.of(audit.state(caseId, null, selected - 1)),
                asAnswered.of(state));
        return timeline.data("caseId", caseId)
                .data("title", now.caseFile() == null ? null : now.caseFile().title)
                .data("events", events.stream().map(e -> row(e, names)).toList())
                .data("page", pageNumber).data("fullPage", events.size() == EVENTS_PER_PAGE)
                .data("filters", filters)
                .data("kinds", EventKinds.names().stream().map(k -> new Option(k, EventKinds.inWords(k),
                        filters.types().contains(k))).toList())
                .data("people", people(everything, filters.actor()))
                .data("selected", selected)
                .data("event", event == null ? null : row(event, names))
                .data("eventDetail", event == null ? null : asAnswered.of(event))
                .data("changes", changes)
                .data("payload", event == null ? "" : pretty(event.payload()))
                .data("previous", index > 0 ? events.get(index - 1).position() : null)
                .data("next", index >= 0 && index < events.size() - 1 ? events.get(index + 1).position() : null)
                .data("state", state == null ? null : asAnswered.of(state))
                .data("at", at)
                .data("atMoment", atMoment)
                .data("verification", asAnswered.of(audit.verification(caseId)))
                .data("chart", TimelineChart.of(audit.timeline(caseId)))
                // last, so that this page's own reads of the case are among those listed
                .data("reads", audit.access(caseId).stream().map(ReadRow::of).toList());
    }

    private static Filters filters(List<String> types, String actor, String from, String to) {
        List<String> kinds = types == null ? List.of() : types.stream().filter(t -> t != null && !t.isBlank())
                .map(String::strip).distinct().toList();
        StringBuilder query = new StringBuilder();
        kinds.forEach(k -> query.append("&type=").append(Formats.url(k)));
        for (var field : List.of(Map.entry("actor", nullToBlank(actor)), Map.entry("from", nullToBlank(from)),
                Map.entry("to", nullToBlank(to)))) {
            if (!field.getValue().isBlank()) {
                query.append('&').append(field.getKey()).append('=').append(Formats.url(field.getValue().strip()));
            }
        }
        return new Filters(kinds, given(actor), given(from), given(to), query.toString());
    }

    private static String nullToBlank(String value) {
        return value == null ? "" : value;
    }

    /** A moment typed in UK time as the ISO instant audit-service takes; null when none was typed. */
    private static String instant(String local, String what) {
        return local == null ? null : Forms.moment(local.strip(), what).toString();
    }

    /** What the case and each of its requests are called: the case's title, each request's subject. */
    private static Map<String, String> names(AsOf now) {
        Map<String, String> names = new HashMap<>();
        if (now.caseFile() != null) {
            names.put(now.caseId(), now.caseFile().title);
        }
        for (RequestDocument request : now.requests()) {
            names.put(request.requestId, "Request \u201c" + RequestSubjects.of(request.items.isEmpty() ? null
                    : request.items.getFirst(), request.items.size()) + "\u201d to " + request.organisationAlias);
        }
        return names;
    }

    private static EventRow row(HistoryEntry event, Map<String, String> names) {
        return new EventRow(event.position(), event.type(), event.time().toString(), Who.of(event),
                names.getOrDefault(event.aggregateId(), event.aggregateId()));
    }

    /** Everyone who caused an event in the history, by name and role, the one chosen marked. */
    private static List<Option> people(List<HistoryEntry> events, String chosen) {
        Map<String, String> people = new TreeMap<>();
        events.stream().filter(e -> e.actorId() != null).forEach(e -> people.putIfAbsent(e.actorId(), Who.of(e)));
        return people.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .map(p -> new Option(p.getKey(), p.getValue(), p.getKey().equals(chosen))).toList();
    }

    @GET
    @Path("cases/{caseId}/bundle")
    @Produces(MediaType.WILDCARD)
    @RunOnVirtualThread
    public Response bundle(@PathParam("caseId") String caseId, @RestQuery String files) {
        // files=true: the evidence files too; any other value is audit-service's to refuse (400), not ours to guess
        return transfers.download(Service.AUDIT, "/audit/cases/" + segment(caseId) + "/bundle"
                + (files == null ? "" : "?files=" + URLEncoder.encode(files, StandardCharsets.UTF_8)), null);
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
