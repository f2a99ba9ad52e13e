package org.compliance.portal.web;

import static org.compliance.portal.backend.Backend.parameters;
import static org.compliance.portal.backend.Backend.query;
import static org.compliance.portal.backend.Backend.segment;
import static org.compliance.portal.web.RequestPages.orEmpty;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.compliance.portal.backend.Backend;
import org.compliance.portal.backend.Service;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The regulator's cases: the list with filters, the case page (parties, allegations, team, status with only
 * the next steps case-service allows this user, decision, notes, legal hold, its evidence requests) and issuing
 * an evidence request with the due moment shown before sending. Every change carries the version the user saw.
 */
@Path("/cases")
@Produces(MediaType.TEXT_HTML)
public class CasePages {

    private final Backend backend;
    private final Viewer viewer;
    private final Template list;
    private final Template page;
    private final Template newRequest;

    public CasePages(Backend backend, Viewer viewer, @Location("cases.html") Template list,
                     @Location("case.html") Template page, @Location("new-request.html") Template newRequest) {
        this.backend = backend;
        this.viewer = viewer;
        this.list = list;
        this.page = page;
        this.newRequest = newRequest;
    }

    @GET
    public TemplateInstance list(@RestQuery String status, @RestQuery String priority, @RestQuery String q,
                                 @RestQuery String respondent, @RestQuery String mine, @RestQuery Integer page) {
        int pageNumber = page == null ? 0 : Math.max(0, page);
        String assignee = "yes".equals(mine) ? viewer.subject() : null;
        JsonNode cases = backend.get(Service.CASES, "/cases" + query(parameters("status", status, "priority", priority,
                "q", q, "respondent", respondent, "assignee", assignee, "page", pageNumber, "size", 25)));
        return list.data("cases", Backend.data(cases.path("items"))).data("count", cases.path("items").size())
                .data("page", pageNumber).data("status", status).data("priority", priority).data("q", q)
                .data("respondent", respondent).data("mine", "yes".equals(mine))
                .data("staffView", viewer.isStaff() || viewer.isAuditor())
                .data("statuses", List.of("OPENED", "INVESTIGATING", "FINDINGS", "DECISION_ISSUED", "CLOSED",
                        "SUSPENDED", "REFERRED"))
                .data("priorities", List.of("LOW", "NORMAL", "HIGH", "URGENT"));
    }

    @GET
    @Path("{caseId}")
    public TemplateInstance page(@PathParam("caseId") String caseId, @RestQuery String done) {
        String path = "/cases/" + segment(caseId);
        Backend.Answer file = backend.read(Service.CASES, path);
        boolean staffView = viewer.isStaff() || viewer.isAuditor();
        return page.data("c", Backend.data(file.body())).data("version", file.version())
                .data("done", Done.message(done))
                .data("notes", staffView ? Backend.data(backend.get(Service.CASES, path + "/notes")) : List.of())
                .data("nextSteps", Backend.data(backend.get(Service.CASES, path + "/next-steps")))
                .data("requests", Backend.data(backend.get(Service.EVIDENCE, "/requests"
                        + query(parameters("caseId", caseId, "size", 200)))))
                .data("staffView", staffView)
                .data("canChange", viewer.isStaff())
                .data("canHold", viewer.isSupervisor());
    }

    /** One of the next steps the case page offered; case-service refuses it with a 409 if the case moved on. */
    @POST
    @Path("{caseId}/steps/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response step(@PathParam("caseId") String caseId, @PathParam("action") String action,
                         @RestForm Long version, @RestForm String reason, @RestForm String findings,
                         @RestForm String authority, @RestForm String theirReference, @RestForm String kind,
                         @RestForm String reasons, @RestForm String steps, @RestForm String complianceDate,
                         @RestForm String amount, @RestForm String turnover) {
        String path = switch (action) {
            case "START_INVESTIGATION" -> "investigation";
            case "RECORD_FINDINGS" -> "findings";
            case "ISSUE_DECISION" -> "decision";
            case "CLOSE" -> "closure";
            case "SUSPEND" -> "suspension";
            case "RESUME" -> "resumption";
            case "REFER" -> "referral";
            case "REOPEN" -> "reopening";
            default -> throw new BadRequestException("There is no step " + action);
        };
        Object body = switch (action) {
            case "START_INVESTIGATION", "RESUME" -> null;
            case "RECORD_FINDINGS" -> Map.of("findings", orEmpty(findings));
            case "REFER" -> Map.of("authority", orEmpty(authority), "theirReference", orEmpty(theirReference),
                    "reason", orEmpty(reason));
            case "ISSUE_DECISION" -> decision(kind, reasons, steps, complianceDate, amount, turnover);
            default -> Map.of("reason", orEmpty(reason));
        };
        change(caseId, "POST", path, version, body);
        return back(caseId, "changed");
    }

    @POST
    @Path("{caseId}/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addNote(@PathParam("caseId") String caseId, @RestForm Long version, @RestForm String text) {
        change(caseId, "POST", "notes", version, Map.of("text", orEmpty(text)));
        return back(caseId, "noted");
    }

    @POST
    @Path("{caseId}/legal-hold")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response placeHold(@PathParam("caseId") String caseId, @RestForm Long version, @RestForm String reason) {
        change(caseId, "POST", "legal-hold", version, Map.of("reason", orEmpty(reason)));
        return back(caseId, "changed");
    }

    @POST
    @Path("{caseId}/legal-hold/lifting")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response liftHold(@PathParam("caseId") String caseId, @RestForm Long version, @RestForm String reason) {
        change(caseId, "POST", "legal-hold/lifting", version, Map.of("reason", orEmpty(reason)));
        return back(caseId, "changed");
    }

    @GET
    @Path("{caseId}/requests/new")
    public TemplateInstance newRequest(@PathParam("caseId") String caseId) {
        JsonNode file = backend.get(Service.CASES, "/cases/" + segment(caseId));
        JsonNode due = backend.get(Service.EVIDENCE, "/requests/due-moment?days=14");
        return newRequest.data("c", Backend.data(file)).data("dueAt", due.path("dueAt").asText());
    }

    @POST
    @Path("{caseId}/requests")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response issueRequest(@PathParam("caseId") String caseId, @RestForm String respondent,
                                 @RestForm String items, @RestForm String legalBasis, @RestForm String instructions,
                                 @RestForm Integer days) {
        List<String> lines = Arrays.stream(orEmpty(items).split("\\R")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        Map<String, Object> body = new HashMap<>();
        body.put("caseId", caseId);
        body.put("respondentOrganisationAlias", orEmpty(respondent));
        body.put("items", lines);
        body.put("legalBasis", orEmpty(legalBasis));
        body.put("instructions", orEmpty(instructions));
        body.put("dueInDays", days == null ? 14 : days);
        String requestId = backend.send(Service.EVIDENCE, "POST", "/requests", body, null).body()
                .path("requestId").asText();
        backend.awaitView(Service.EVIDENCE, "/requests/" + segment(requestId), issued -> true);
        return Response.seeOther(URI.create("/requests/" + segment(requestId) + "?done=issued")).build();
    }

    private void change(String caseId, String method, String path, Long version, Object body) {
        if (version == null) {
            throw new BadRequestException("The form lacks the case version; reload the case and try again.");
        }
        long changed = backend.send(Service.CASES, method, "/cases/" + segment(caseId) + "/" + path, body, version)
                .body().path("version").asLong();
        backend.awaitVersion(Service.CASES, "/cases/" + segment(caseId), changed);
    }

    private static Map<String, Object> decision(String kind, String reasons, String steps, String complianceDate,
                                                String amount, String turnover) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", orEmpty(kind));
        body.put("reasons", orEmpty(reasons));
        if ("ENFORCEMENT_NOTICE".equals(kind)) {
            body.put("enforcementNotice", Map.of("stepsRequired", Arrays.stream(orEmpty(steps).split("\\R"))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList(), "complianceDate", orEmpty(complianceDate)));
        }
        if ("MONETARY_PENALTY".equals(kind)) {
            body.put("monetaryPenalty", Map.of("amount", number(amount, "the penalty"), "currency", "GBP",
                    "worldwideAnnualTurnover", number(turnover, "the worldwide annual turnover")));
        }
        return body;
    }

    private static BigDecimal number(String value, String what) {
        try {
            return new BigDecimal(orEmpty(value).replace(",", ""));
        } catch (NumberFormatException e) {
            throw new BadRequestException("Give " + what + " as a number of pounds.");
        }
    }

    private static Response back(String caseId, String done) {
        return Response.seeOther(URI.create("/cases/" + segment(caseId) + "?done=" + done)).build();
    }
}
