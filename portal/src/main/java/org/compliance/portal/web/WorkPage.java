package org.compliance.portal.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.compliance.api.cases.CaseStatus;
import org.compliance.api.cases.views.CaseWork;
import org.compliance.api.evidence.views.EvidenceWork;
import org.compliance.portal.backend.CasesClient;
import org.compliance.portal.backend.EvidenceClient;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * "My work", the staff's landing page: what waits on them (requests overdue and due soon, submissions to review,
 * extension requests to decide), their cases by status and, for supervisors, every investigator's workload; the
 * deadlines of the next 30 days and the cases by status as charts with the same figures as tables. The services
 * decide what the caller's work is; the page shows their answers.
 */
@Path("/work")
@Produces(MediaType.TEXT_HTML)
public class WorkPage {

    /** How far ahead "due soon" looks. */
    static final int DUE_WITHIN_DAYS = 7;
    /** How many of each list the page shows; the counts are of the whole list. */
    static final int SHOWN = 10;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);

    private final CasesClient cases;
    private final EvidenceClient evidence;
    private final AsAnswered asAnswered;
    private final SignedInUser user;
    private final Template page;

    public WorkPage(@RestClient CasesClient cases, @RestClient EvidenceClient evidence, AsAnswered asAnswered,
                    SignedInUser user, @Location("work.html") Template page) {
        this.cases = cases;
        this.evidence = evidence;
        this.asAnswered = asAnswered;
        this.user = user;
        this.page = page;
    }

    @GET
    public TemplateInstance work() {
        if (!user.isStaff()) {
            throw new ForbiddenException("My work is the regulator's investigators' and supervisors' page.");
        }
        CaseWork caseWork = cases.summary();
        EvidenceWork evidenceWork = evidence.work(DUE_WITHIN_DAYS, SHOWN);
        return page.data("cases", asAnswered.of(caseWork)).data("evidence", asAnswered.of(evidenceWork))
                .data("shown", SHOWN).data("deadlines", deadlines(evidenceWork.dueByDay()))
                .data("statuses", statuses(caseWork.myCasesByStatus()));
    }

    /** A column per day, today first. */
    static BarChart deadlines(List<EvidenceWork.DueDay> days) {
        List<BarChart.Entry> entries = days.stream().map(d -> new BarChart.Entry(DAY.format(d.day()),
                String.valueOf(d.day().getDayOfMonth()), d.count(), null)).toList();
        long total = entries.stream().mapToLong(BarChart.Entry::value).sum();
        String description = days.isEmpty() ? "No days to show."
                : "Open requests of your cases falling due on each day from " + DAY.format(days.getFirst().day())
                + " to " + DAY.format(days.getLast().day()) + " (UK time): " + total + " in all"
                + busiest(entries) + ". The table below has each day's figure.";
        return BarChart.columns("Deadlines over the next " + days.size() + " days", description, entries);
    }

    /** A row per status, in the order a case moves through them, those without cases included. */
    static BarChart statuses(List<CaseWork.StatusCount> counts) {
        Map<String, Long> byStatus = counts.stream()
                .collect(Collectors.toMap(CaseWork.StatusCount::status, CaseWork.StatusCount::count, Long::sum));
        List<BarChart.Entry> entries = Arrays.stream(CaseStatus.values())
                .map(status -> new BarChart.Entry(Formats.label(status.name()), Formats.label(status.name()),
                        byStatus.getOrDefault(status.name(), 0L),
                        "/cases?mine=yes&status=" + status.name()))
                .toList();
        long total = entries.stream().mapToLong(BarChart.Entry::value).sum();
        String description = "Your " + total + (total == 1 ? " case" : " cases") + " by status: "
                + entries.stream().map(e -> e.label().toLowerCase(Locale.UK) + " " + e.value())
                .collect(Collectors.joining(", ")) + ".";
        return BarChart.rows("My cases by status", description, entries);
    }

    private static String busiest(List<BarChart.Entry> entries) {
        return entries.stream().filter(e -> e.value() > 0).max(Comparator.comparingLong(BarChart.Entry::value))
                .map(e -> "; the most on " + e.label() + ", " + e.value()).orElse("");
    }
}
