package org.compliance.portal.web;

import io.quarkus.qute.TemplateData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.compliance.api.audit.views.CaseTimeline;
import org.compliance.api.audit.views.CaseTimeline.DecisionMoment;
import org.compliance.api.audit.views.CaseTimeline.LegalHoldPeriod;
import org.compliance.api.audit.views.CaseTimeline.RequestPeriod;
import org.compliance.api.audit.views.CaseTimeline.StatusPeriod;

/**
 * A case's life drawn on one time axis, as the template writes it in SVG: a lane for its statuses, one for its
 * legal holds, one for its decisions and one per evidence request (from issue to its end, each due moment it had
 * marked, and when it fell overdue). The geometry is worked out here (templates cannot do arithmetic), and the same
 * facts, in the same order, are the table beside the chart: the two cannot disagree.
 *
 * @param title the SVG's {@code <title>} and the table's caption
 * @param description the facts in words, the SVG's {@code <desc>}
 * @param lanes top to bottom
 * @param ticks the axis's dates
 * @param facts every period and moment drawn, for the table
 */
@TemplateData
public record TimelineChart(String title, String description, int width, int height, int plotLeft, int plotRight,
                            int axisY, List<Lane> lanes, List<Tick> ticks, List<Fact> facts) {

    /** A row of the chart: its label at the left, its periods as bars and its moments as marks. */
    @TemplateData
    public record Lane(String id, String label, int y, int labelY, List<Span> spans, List<Mark> marks) {
    }

    /** A period: {@code kind} is its CSS class (status-investigating, hold, request, request-closed). */
    @TemplateData
    public record Span(String kind, String label, int x, int y, int width, int height, int textX, int textY,
                       boolean labelled) {
    }

    /** A moment, a vertical mark from {@code y1} to {@code y2} (due, overdue, decision). */
    @TemplateData
    public record Mark(String kind, String label, int x, int y1, int y2) {
    }

    @TemplateData
    public record Tick(String label, int x) {
    }

    /**
     * One row of the table: the lane it is drawn in, what it is, and when (ISO instants, {@code until} null for a
     * moment or a period still running).
     */
    @TemplateData
    public record Fact(String lane, String what, String from, String until) {
    }

    private static final int WIDTH = 760;
    private static final int LEFT = 190;
    private static final int RIGHT = WIDTH - 20;
    private static final int TOP = 8;
    private static final int LANE = 30;
    private static final int BAR = 20;
    /** A label is written on a bar only where it fits, about 6.5 px a character at 12 px. */
    private static final double CHARACTER = 6.5;
    /** At most this many dates on the axis: a day each, or every few days for a long case. */
    private static final int MAX_TICKS = 8;
    /** A lane's label at the left, cut to what fits beside the plot; the table has it whole. */
    private static final int LABEL_CHARACTERS = 27;
    private static final DateTimeFormatter TICK = DateTimeFormatter.ofPattern("d MMM", Locale.UK);

    static TimelineChart of(CaseTimeline timeline) {
        Instant start = timeline.openedAt() != null ? timeline.openedAt()
                : timeline.statuses().isEmpty() ? timeline.asOf() : timeline.statuses().getFirst().from();
        Instant end = timeline.asOf();
        for (RequestPeriod request : timeline.requests()) {
            for (Instant due : request.dueMoments()) {
                end = due != null && due.isAfter(end) ? due : end;
            }
        }
        if (!end.isAfter(start)) {
            end = start.plus(Duration.ofDays(1));
        }
        Axis axis = new Axis(start, end);
        List<Lane> lanes = new ArrayList<>();
        List<Fact> facts = new ArrayList<>();

        List<Span> statuses = new ArrayList<>();
        int y = TOP;
        for (StatusPeriod period : timeline.statuses()) {
            String label = Formats.label(period.status().name());
            statuses.add(span("status status-" + period.status().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    label, axis, period.from(), period.until() == null ? timeline.asOf() : period.until(), y));
            facts.add(new Fact("Status", label, iso(period.from()), iso(period.until())));
        }
        lanes.add(new Lane("lane-status", "Status", y, y + BAR / 2 + 4, statuses, List.of()));

        y += LANE;
        List<Span> holds = new ArrayList<>();
        for (LegalHoldPeriod hold : timeline.legalHolds()) {
            holds.add(span("hold", "Legal hold: " + hold.reason(), axis, hold.placedAt(),
                    hold.liftedAt() == null ? timeline.asOf() : hold.liftedAt(), y));
            facts.add(new Fact("Legal hold", hold.reason(), iso(hold.placedAt()), iso(hold.liftedAt())));
        }
        lanes.add(new Lane("lane-holds", "Legal holds", y, y + BAR / 2 + 4, holds, List.of()));

        y += LANE;
        List<Mark> decisions = new ArrayList<>();
        for (DecisionMoment decision : timeline.decisions()) {
            String what = Formats.label(decision.kind().name()) + (decision.addresseeOrganisationAlias() == null
                    ? " (the whole case)" : " (to " + decision.addresseeOrganisationAlias() + ")");
            decisions.add(new Mark("decision", "Decision: " + what, axis.x(decision.at()), y, y + BAR));
            facts.add(new Fact("Decisions", what, iso(decision.at()), null));
        }
        lanes.add(new Lane("lane-decisions", "Decisions", y, y + BAR / 2 + 4, List.of(), decisions));

        for (int i = 0; i < timeline.requests().size(); i++) {
            RequestPeriod request = timeline.requests().get(i);
            y += LANE;
            String name = "\u201c" + request.subject() + "\u201d to " + request.organisationAlias();
            Instant until = request.closedAt() == null ? timeline.asOf() : request.closedAt();
            Span span = span(request.closedAt() == null ? "request" : "request request-closed", "Request " + name
                    + ", " + Formats.label(request.status()), axis, request.issuedAt(), until, y);
            List<Mark> marks = new ArrayList<>();
            facts.add(new Fact("Request " + (i + 1), "Request " + name + " (" + Formats.label(request.status())
                    + ")", iso(request.issuedAt()), iso(request.closedAt())));
            for (int d = 0; d < request.dueMoments().size(); d++) {
                Instant due = request.dueMoments().get(d);
                String what = d == 0 ? "Due" : "Due moved to";
                marks.add(new Mark("due", what + " " + Formats.london(due.toString()), axis.x(due), y - 3,
                        y + BAR + 3));
                facts.add(new Fact("Request " + (i + 1), what, iso(due), null));
            }
            if (request.overdueAt() != null) {
                marks.add(new Mark("overdue", "Overdue from " + Formats.london(request.overdueAt().toString()),
                        axis.x(request.overdueAt()), y - 3, y + BAR + 3));
                facts.add(new Fact("Request " + (i + 1), "Overdue", iso(request.overdueAt()), null));
            }
            lanes.add(new Lane("lane-request-" + (i + 1), cut("Request " + (i + 1) + ": " + request.subject()), y,
                    y + BAR / 2 + 4, List.of(span), marks));
        }
        int axisY = y + LANE;
        List<Tick> ticks = new ArrayList<>();
        LocalDate last = end.atZone(Formats.LONDON).toLocalDate();
        LocalDate first = start.atZone(Formats.LONDON).toLocalDate();
        long step = Math.max(1, (ChronoUnit.DAYS.between(first, last) + MAX_TICKS - 1) / MAX_TICKS);
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(step)) {
            Instant midnight = day.atStartOfDay(Formats.LONDON).toInstant();
            Instant at = midnight.isBefore(start) ? start : midnight;
            ticks.add(new Tick(TICK.format(day), axis.x(at)));
        }
        return new TimelineChart("The case on a time line", description(timeline), WIDTH, axisY + 22, LEFT, RIGHT,
                axisY, lanes, ticks, facts);
    }

    private static Span span(String kind, String label, Axis axis, Instant from, Instant until, int y) {
        int x = axis.x(from);
        int width = Math.max(2, axis.x(until) - x);
        boolean fits = label.length() * CHARACTER + 8 < width;
        return new Span(kind, label, x, y, width, BAR, x + 4, y + BAR / 2 + 4, fits);
    }

    private static String description(CaseTimeline timeline) {
        List<String> parts = new ArrayList<>();
        if (timeline.openedAt() != null) {
            parts.add("Opened " + Formats.london(timeline.openedAt().toString()));
        }
        if (!timeline.statuses().isEmpty()) {
            parts.add("status now " + Formats.label(timeline.statuses().getLast().status().name()).toLowerCase(Locale.UK)
                    + " after " + timeline.statuses().size() + (timeline.statuses().size() == 1 ? " status" : " statuses"));
        }
        parts.add(count(timeline.legalHolds().size(), "legal hold"));
        parts.add(count(timeline.decisions().size(), "decision"));
        long overdue = timeline.requests().stream().filter(r -> r.overdueAt() != null).count();
        parts.add(count(timeline.requests().size(), "evidence request") + " (" + overdue + " fell overdue)");
        return String.join("; ", parts) + ". The table below gives every period and moment.";
    }

    private static String cut(String label) {
        return label.length() <= LABEL_CHARACTERS ? label : label.substring(0, LABEL_CHARACTERS - 1) + "\u2026";
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** Moments to x positions between the plot's edges. */
    private record Axis(Instant start, Instant end) {
        int x(Instant at) {
            if (at == null) {
                return LEFT;
            }
            double share = (double) Duration.between(start, at).toMillis() / Duration.between(start, end).toMillis();
            return LEFT + (int) Math.round(Math.max(0, Math.min(1, share)) * (RIGHT - LEFT));
        }
    }
}
