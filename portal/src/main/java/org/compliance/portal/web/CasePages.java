package org.compliance.portal.web;

import static org.compliance.portal.web.Forms.caseIfMatch;
import static org.compliance.portal.web.Forms.given;
import static org.compliance.portal.web.Forms.lines;
import static org.compliance.portal.web.Forms.orEmpty;
import static org.compliance.portal.web.Forms.segment;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.compliance.api.cases.CaseDocument;
import org.compliance.api.cases.Complainant;
import org.compliance.api.cases.DecisionKind;
import org.compliance.api.cases.Respondent;
import org.compliance.api.cases.requests.ClosingRequest;
import org.compliance.api.cases.requests.DecisionRequest;
import org.compliance.api.cases.requests.EnforcementNoticeInput;
import org.compliance.api.cases.requests.FindingsRequest;
import org.compliance.api.cases.requests.MonetaryPenaltyInput;
import org.compliance.api.cases.requests.NoteRequest;
import org.compliance.api.cases.requests.ReasonRequest;
import org.compliance.api.cases.requests.ReferralRequest;
import org.compliance.api.cases.views.Changed;
import org.compliance.api.cases.views.NextStep;
import org.compliance.api.cases.views.Page;
import org.compliance.api.cases.views.PenaltyRegimeView;
import org.compliance.api.evidence.BankHolidayCalendar;
import org.compliance.api.evidence.DayCount;
import org.compliance.api.evidence.requests.FormalNoticeInput;
import org.compliance.api.evidence.requests.IssueRequest;
import org.compliance.api.evidence.views.DueMomentPreview;
import org.compliance.api.shared.PersonalData;
import org.compliance.portal.backend.CasesClient;
import org.compliance.portal.backend.ETags;
import org.compliance.portal.backend.EvidenceClient;
import org.compliance.portal.backend.ReadAfter;
import org.compliance.portal.backend.ServiceProblem;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The regulator's cases: the list with filters, the case page (parties, allegations, team, status with only
 * the next steps case-service allows this user, decision, notes, legal hold, the people whose personal data a
 * supervisor may erase, its evidence requests) and issuing an evidence request with the due moment shown before
 * sending. Every change carries the version the user saw.
 */
@Path("/cases")
@Produces(MediaType.TEXT_HTML)
public class CasePages {

    /** A next step's path as case-service names it: one segment under the case. */
    private static final Pattern STEP = Pattern.compile("[a-z][a-z-]{0,62}");

    private final CasesClient cases;
    private final EvidenceClient evidence;
    private final SignedInUser user;
    private final AsAnswered asAnswered;
    private final Template list;
    private final Template page;
    private final Template newRequest;
    private final ReadAfter readAfter;
    private final Directories directories;

    public CasePages(@RestClient CasesClient cases, @RestClient EvidenceClient evidence, SignedInUser user,
                     AsAnswered asAnswered, @Location("cases.html") Template list,
                     @Location("case.html") Template page, @Location("new-request.html") Template newRequest,
                     ReadAfter readAfter, Directories directories) {
        this.readAfter = readAfter;
        this.directories = directories;
        this.cases = cases;
        this.evidence = evidence;
        this.user = user;
        this.asAnswered = asAnswered;
        this.list = list;
        this.page = page;
        this.newRequest = newRequest;
    }

    @GET
    public TemplateInstance list(@RestQuery String status, @RestQuery String priority, @RestQuery String q,
                                 @RestQuery String respondent, @RestQuery String mine, @RestQuery Integer page,
                                 @RestQuery String sort, @RestQuery String direction, @RestQuery String done) {
        int pageNumber = page == null ? 0 : Math.max(0, page);
        var search = new CaseListSearch(q, status, priority, respondent, "yes".equals(mine), sort, direction);
        String assignee = search.mine() ? user.subject() : null;
        boolean staffView = user.isStaff() || user.isAuditor();
        Page<?> found = staffView
                ? cases.search(search.q(), search.status(), search.priority(), search.respondent(), assignee,
                        search.sort(), search.direction(), pageNumber, 25)
                : cases.respondentSearch(search.q(), search.status(), search.priority(), search.respondent(), assignee,
                        search.sort(), search.direction(), pageNumber, 25);
        long total = cases.count(search.q(), search.status(), search.priority(), search.respondent(), assignee).count();
        return list.data("cases", asAnswered.of(found.items())).data("count", found.items().size())
                .data("total", total)
                .data("page", pageNumber).data("status", status).data("priority", priority).data("q", q)
                .data("respondent", respondent).data("mine", search.mine())
                .data("sort", search.sort()).data("direction", search.direction())
                .data("sorts", CaseListSearch.sorts(staffView))
                .data("headers", asAnswered.of(search.headers(staffView)))
                .data("previousPage", search.pageHref(pageNumber - 1)).data("nextPage", search.pageHref(pageNumber + 1))
                .data("exportHref", search.href("/case-searches/export.csv"))
                .data("saved", asAnswered.of(cases.savedSearches().stream()
                        .map(saved -> CaseListSearch.saved(saved, user.subject())).toList()))
                .data("staffView", staffView)
                .data("done", Done.message(done))
                .data("canReassign", user.isStaff())
                .data("staff", user.isStaff() ? directories.staffIfAnswering() : List.of())
                .data("statuses", List.of("OPENED", "INVESTIGATING", "FINDINGS", "DECISION_ISSUED", "CLOSED",
                        "SUSPENDED", "REFERRED"))
                .data("priorities", List.of("LOW", "NORMAL", "HIGH", "URGENT"));
    }

    @GET
    @Path("{caseId}")
    public TemplateInstance page(@PathParam("caseId") String caseId, @RestQuery String done) {
        boolean staffView = user.isStaff() || user.isAuditor();
        RestResponse<?> file = staffView ? cases.staffView(caseId) : cases.respondentView(caseId);
        List<NextStep> nextSteps = cases.nextSteps(caseId);
        boolean deciding = nextSteps.stream().anyMatch(step -> "ISSUE_DECISION".equals(step.action()));
        DecisionForm decisionForm = deciding && file.getEntity() instanceof CaseDocument staffFile
                ? DecisionForm.of(staffFile, cases.penaltyRegimes(staffFile.authority)) : null;
        return page.data("c", asAnswered.of(file.getEntity())).data("version", ETags.version(file))
                .data("done", Done.message(done))
                .data("notes", staffView ? asAnswered.of(cases.notes(caseId)) : List.of())
                .data("nextSteps", asAnswered.of(nextSteps))
                .data("decisionForm", asAnswered.of(decisionForm))
                .data("requests", asAnswered.of(evidence.list(caseId, null, null, 200)))
                .data("staffView", staffView)
                .data("canChange", user.isStaff())
                .data("organisations", user.isStaff() ? directories.organisations() : List.of())
                .data("staff", user.isStaff() ? directories.staff() : List.of())
                .data("canHold", user.isSupervisor())
                .data("canErase", user.isSupervisor() && file.getEntity() instanceof CaseDocument)
                .data("dataSubjects", file.getEntity() instanceof CaseDocument staffFile
                        ? asAnswered.of(DataSubject.of(staffFile)) : List.of());
    }

    /**
     * A complainant who is a person (withdrawn ones too: still data subjects), or a person the case names, as the
     * supervisor's erasure form lists them: {@code path} is where under the case they are erased; erased once
     * case-service answers their name as {@link PersonalData#ERASED}.
     */
    public record DataSubject(String path, String name, String role, boolean erased) {

        static List<DataSubject> of(CaseDocument c) {
            List<DataSubject> subjects = new java.util.ArrayList<>();
            if (c.complainants != null) {
                c.complainants.stream().filter(p -> p.kind() == Complainant.Kind.PERSON)
                        .forEach(p -> subjects.add(complainant(p, "complainant")));
            }
            if (c.withdrawnComplainants != null) {
                c.withdrawnComplainants.stream().filter(p -> p.kind() == Complainant.Kind.PERSON)
                        .forEach(p -> subjects.add(complainant(p, "complainant, withdrawn")));
            }
            if (c.namedPersons != null) {
                c.namedPersons.forEach(p -> subjects.add(new DataSubject("named-persons/" + p.personId(), p.name(),
                        p.role(), PersonalData.ERASED.equals(p.name()))));
            }
            return List.copyOf(subjects);
        }

        private static DataSubject complainant(Complainant p, String role) {
            return new DataSubject("complainants/" + p.complainantId(), p.name(), role,
                    PersonalData.ERASED.equals(p.name()));
        }
    }

    /**
     * What the decision form offers: the respondents still without their decision, whether a case-wide decision is
     * still open (none addressed yet), and the penalty regimes the case's authority may use, its default first.
     */
    public record DecisionForm(List<Respondent> addressees, boolean caseWide, List<PenaltyRegimeView> regimes) {

        static DecisionForm of(CaseDocument c, List<PenaltyRegimeView> regimes) {
            List<Respondent> undecided = c.respondents.stream().filter(r -> c.decisions.stream()
                    .noneMatch(d -> r.organisationAlias().equals(d.addresseeOrganisationAlias()))).toList();
            List<PenaltyRegimeView> defaultFirst = regimes.stream()
                    .sorted(Comparator.comparing(r -> !r.defaultFor().contains(c.authority))).toList();
            return new DecisionForm(undecided, c.decisions.isEmpty(), defaultFirst);
        }
    }

    /**
     * One of the next steps the case page offered, sent where case-service said it goes (the step's method and
     * path, carried by the form); the action only chooses the form's fields. case-service refuses it with a 409 if
     * the case moved on. Reasons come in two: {@code reason} (staff only) and {@code publicReason} (what the
     * respondents read); a decision's {@code reasons} are public and its {@code internalReasoning} staff only.
     */
    @POST
    @Path("{caseId}/steps/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response step(@PathParam("caseId") String caseId, @PathParam("action") String action,
                         @RestForm Long version, @RestForm String method, @RestForm String path,
                         @RestForm String reason, @RestForm String publicReason, @RestForm String findings,
                         @RestForm String authority, @RestForm String theirReference, @BeanParam DecisionFields d) {
        String step = stepUnderCase(caseId, method, path);
        String ifMatch = caseIfMatch(version);
        RestResponse<Changed> changed = switch (action) {
            case "START_INVESTIGATION", "RESUME" -> cases.change(caseId, step, ifMatch);
            case "RECORD_FINDINGS" -> cases.change(caseId, step, ifMatch, new FindingsRequest(orEmpty(findings)));
            case "REFER" -> cases.change(caseId, step, ifMatch, new ReferralRequest(orEmpty(authority),
                    orEmpty(theirReference), orEmpty(reason), given(publicReason)));
            case "CLOSE" -> cases.change(caseId, step, ifMatch,
                    new ClosingRequest(orEmpty(reason), given(publicReason)));
            case "ISSUE_DECISION" -> cases.change(caseId, step, ifMatch, decision(d));
            default -> cases.change(caseId, step, ifMatch, new ReasonRequest(orEmpty(reason)));
        };
        readAfter.changed(changed);
        return back(caseId, "changed");
    }

    /** The decision form's fields. */
    public static class DecisionFields {
        @RestForm
        String kind;
        /** The respondent's organisation alias; empty for the whole case. */
        @RestForm
        String addressee;
        @RestForm
        String reasons;
        @RestForm
        String internalReasoning;
        @RestForm
        String steps;
        @RestForm
        String complianceDate;
        @RestForm
        String regime;
        @RestForm
        String amount;
        @RestForm
        String turnover;
        @RestForm
        String turnoverCurrency;
        @RestForm
        String exchangeRate;
        @RestForm
        String exchangeRateDate;
    }

    @POST
    @Path("{caseId}/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addNote(@PathParam("caseId") String caseId, @RestForm Long version, @RestForm String text) {
        readAfter.changed(cases.addNote(caseId, caseIfMatch(version), new NoteRequest(orEmpty(text))));
        return back(caseId, "noted");
    }

    @POST
    @Path("{caseId}/legal-hold")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response placeHold(@PathParam("caseId") String caseId, @RestForm Long version, @RestForm String reason) {
        readAfter.changed(cases.placeLegalHold(caseId, caseIfMatch(version), new ReasonRequest(orEmpty(reason))));
        return back(caseId, "changed");
    }

    @POST
    @Path("{caseId}/legal-hold/lifting")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response liftHold(@PathParam("caseId") String caseId, @RestForm Long version, @RestForm String reason) {
        readAfter.changed(cases.liftLegalHold(caseId, caseIfMatch(version), new ReasonRequest(orEmpty(reason))));
        return back(caseId, "changed");
    }

    @GET
    @Path("{caseId}/requests/new")
    public TemplateInstance newRequest(@PathParam("caseId") String caseId) {
        RestResponse<CaseDocument> file = cases.staffView(caseId);
        // the period as the case's authority counts it by default; the form may change it within what it allows
        DueMomentPreview due = evidence.dueMoment(null, null, null, caseId);
        return newRequest.data("c", asAnswered.of(file.getEntity()))
                .data("due", asAnswered.of(due));
    }

    @POST
    @Path("{caseId}/requests")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response issueRequest(@PathParam("caseId") String caseId, @RestForm List<String> respondent,
                                 @RestForm String items, @RestForm String legalBasis, @RestForm String instructions,
                                 @RestForm Integer days, @RestForm DayCount dayCount,
                                 @RestForm BankHolidayCalendar calendar, @RestForm String formalNotice,
                                 @RestForm String consequences, @RestForm String rightOfAppeal,
                                 @RestForm Integer appealPeriodDays) {
        List<String> asked = lines(items);
        FormalNoticeInput notice = "yes".equals(formalNotice)
                ? new FormalNoticeInput(orEmpty(consequences), orEmpty(rightOfAppeal), appealPeriodDays) : null;
        List<String> to = respondent == null ? List.of() : respondent.stream().map(String::strip)
                .filter(alias -> !alias.isEmpty()).distinct().toList();
        if (to.isEmpty()) {
            throw new FormRefused("Choose at least one respondent to send the request to.",
                    List.of(new ServiceProblem.FieldError("respondent", "Choose at least one respondent.")));
        }
        // One request per respondent, each its own (its own deadline, submissions and custody); a period's parts left
        // out are the authority's defaults, as evidence-service counts them. Should one be refused, those before it
        // stand: the case page lists what was issued.
        List<String> issued = new ArrayList<>();
        for (String alias : to) {
            issued.add(readAfter.changed(evidence.issue(new IssueRequest(caseId, alias, asked, orEmpty(legalBasis),
                    orEmpty(instructions), days, null, dayCount, calendar, notice))).requestId());
        }
        return Response.seeOther(URI.create(issued.size() == 1 ? "/requests/" + segment(issued.get(0)) + "?done=issued"
                : "/cases/" + segment(caseId) + "?done=issued-to-several")).build();
    }

    /**
     * The one segment under the case that a next step's form names, as case-service gave it
     * ({@code POST /cases/<id>/closure}); anything else was not offered by case-service.
     */
    private static String stepUnderCase(String caseId, String method, String path) {
        String under = "/cases/" + segment(caseId) + "/";
        String step = path == null || !path.startsWith(under) ? "" : path.substring(under.length());
        if (!"POST".equals(method) || !STEP.matcher(step).matches()) {
            throw new BadRequestException("That step was not offered for this case; reload the case and try again.");
        }
        return step;
    }

    private DecisionRequest decision(DecisionFields f) {
        DecisionKind decided = choice(f.kind);
        EnforcementNoticeInput notice = decided != DecisionKind.ENFORCEMENT_NOTICE ? null
                : new EnforcementNoticeInput(lines(f.steps), day(f.complianceDate));
        MonetaryPenaltyInput penalty = decided != DecisionKind.MONETARY_PENALTY ? null : penalty(f);
        return new DecisionRequest(decided, orEmpty(f.reasons), notice, penalty, given(f.addressee),
                given(f.internalReasoning));
    }

    /**
     * The penalty in its regime's currency (case-service's list says which); turnover in another currency carries
     * the exchange rate and its date. No regime chosen leaves the authority's default to case-service, in GBP.
     */
    private MonetaryPenaltyInput penalty(DecisionFields f) {
        String regime = given(f.regime);
        String currency = regime == null ? "GBP" : cases.penaltyRegimes(null).stream()
                .filter(r -> r.id().equals(regime.strip())).map(PenaltyRegimeView::currency).findFirst()
                .orElseThrow(() -> new BadRequestException("Choose one of the penalty regimes offered."));
        String turnoverCurrency = given(f.turnoverCurrency) == null ? null
                : f.turnoverCurrency.strip().toUpperCase(Locale.ROOT);
        boolean converted = turnoverCurrency != null && !turnoverCurrency.equals(currency);
        return new MonetaryPenaltyInput(number(f.amount, "the penalty"), currency,
                number(f.turnover, "the worldwide annual turnover"), regime == null ? null : regime.strip(),
                turnoverCurrency, converted ? number(f.exchangeRate, "the exchange rate") : null,
                converted ? day(f.exchangeRateDate) : null);
    }

    /** The kind the form chose; none chosen is left to case-service to refuse. */
    private static DecisionKind choice(String kind) {
        try {
            return given(kind) == null ? null : DecisionKind.valueOf(kind.strip());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Choose one of the kinds of decision offered.");
        }
    }

    private static LocalDate day(String value) {
        try {
            return given(value) == null ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("Give the date as a date (the date to comply by, or of the exchange "
                    + "rate).");
        }
    }

    private static BigDecimal number(String value, String what) {
        try {
            return new BigDecimal(orEmpty(value).replace(",", ""));
        } catch (NumberFormatException e) {
            throw new BadRequestException("Give " + what + " as a number.");
        }
    }

    private static Response back(String caseId, String done) {
        return Response.seeOther(URI.create("/cases/" + segment(caseId) + "?done=" + done)).build();
    }
}
