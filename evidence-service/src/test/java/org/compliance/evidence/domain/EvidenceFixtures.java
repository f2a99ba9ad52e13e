package org.compliance.evidence.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.compliance.api.evidence.AcceptEvidence;
import org.compliance.api.evidence.BankHolidayCalendar;
import org.compliance.api.evidence.DayCount;
import org.compliance.api.evidence.Period;
import org.compliance.api.evidence.EvidenceAccepted;
import org.compliance.api.evidence.EvidenceClockRestarted;
import org.compliance.api.evidence.EvidenceClockStopped;
import org.compliance.api.evidence.EvidenceDeadlineApproaching;
import org.compliance.api.evidence.EvidenceEvent;
import org.compliance.api.evidence.EvidenceFile;
import org.compliance.api.evidence.EvidenceRequestAcknowledged;
import org.compliance.api.evidence.EvidenceRequestIssued;
import org.compliance.api.evidence.EvidenceRequestOverdue;
import org.compliance.api.evidence.EvidenceRequestWithdrawn;
import org.compliance.api.evidence.EvidenceSubmitted;
import org.compliance.api.evidence.ExtensionGranted;
import org.compliance.api.evidence.ExtensionRefused;
import org.compliance.api.evidence.ExtensionRequested;
import org.compliance.api.evidence.GrantExtension;
import org.compliance.api.evidence.FormalNotice;
import org.compliance.api.evidence.IssueEvidenceRequest;
import org.compliance.api.evidence.MoreEvidenceRequested;
import org.compliance.api.evidence.RequestExtension;
import org.compliance.api.evidence.RestartClock;
import org.compliance.api.evidence.StopClock;
import org.compliance.api.evidence.StatementOfTruth;
import org.compliance.api.evidence.SubmitEvidence;
import org.compliance.api.shared.Addressed;
import org.compliance.api.shared.CompanyUser;
import org.compliance.api.shared.StaffMember;
import org.compliance.evidence.adapters.JollydayBankHolidays;
import org.compliance.evidence.application.PeriodRulesTable;
import org.compliance.evidence.domain.Deadlines.DueMomentPassed;
import org.compliance.evidence.domain.Deadlines.ReminderDue;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/**
 * The cast and the standard history shared by the evidence request fixture tests. Every organisation and
 * person here is fictional.
 */
final class EvidenceFixtures {

    /** Monday 2 November 2026, 09:30 GMT: the fixed "now" of every fixture unless a test says otherwise. */
    static final Instant NOW = Instant.parse("2026-11-02T09:30:00Z");
    /** A request issued {@link #NOW} with the standard 14 days: 23:59:59 GMT on Monday 16 November 2026. */
    static final Instant DUE = Instant.parse("2026-11-16T23:59:59Z");
    /** The due moment a granted extension moves the standard request to: Monday 30 November 2026. */
    static final Instant EXTENDED_DUE = Instant.parse("2026-11-30T23:59:59Z");
    /** The due moment a request for more evidence sets: Monday 23 November 2026. */
    static final Instant MORE_DUE = Instant.parse("2026-11-23T23:59:59Z");
    /** A request issued earlier (Tuesday 13 October 2026, BST) ... */
    static final Instant EARLIER_ISSUE = Instant.parse("2026-10-13T09:30:00Z");
    /** ... was due at 23:59:59 GMT on Tuesday 27 October 2026, before {@link #NOW}. */
    static final Instant PAST_DUE = Instant.parse("2026-10-27T23:59:59Z");

    static final String REQUEST_ID = "req-2026-0117";

    static final String CASE_ID = "case-2026-0042";
    static final String CLOSED_CASE_ID = "case-2025-0007";
    static final String UNKNOWN_CASE_ID = "case-2026-9999";

    /** The respondent the standard request goes to. */
    static final String NORTHWIND = "northwind-cloud";
    /** The other respondent of the standard case. */
    static final String CONTOSO = "contoso-models";
    /** A respondent of the closed case only. */
    static final String FABRIKAM = "fabrikam-analytics";

    /** What evidence-service knows of cases: the standard case, open, and an older one, closed. */
    static final KnownCases KNOWN_CASES = caseId -> switch (caseId) {
        case CASE_ID -> Optional.of(new KnownCases.KnownCase(CASE_ID, true, Set.of(NORTHWIND, CONTOSO)));
        case CLOSED_CASE_ID -> Optional.of(new KnownCases.KnownCase(CLOSED_CASE_ID, false, Set.of(FABRIKAM)));
        default -> Optional.empty();
    };

    /** The shipped period rules and the UK bank holidays, as the service has them. */
    static final Periods PERIODS = new Periods(PeriodRulesTable.load(Optional.empty()), new JollydayBankHolidays());

    /** The standard request's period: the standard 14 calendar days (no calendar: bank holidays do not move it). */
    static final Period STANDARD_PERIOD = new Period(14, DayCount.CALENDAR, null);

    static final ReminderSchedule REMINDERS = new ReminderSchedule(List.of(7, 3, 1));

    /** The investigator who issues the standard request and reviews the evidence. */
    static final StaffMember IRIS = new StaffMember("u-iris", "Iris Okonkwo-Hale");
    /** The supervisor who decides on extensions. */
    static final StaffMember SAMUEL = new StaffMember("u-samuel", "Samuel Ferreira-Lund");

    /** Northwind's data protection officer, who answers the request. */
    static final CompanyUser NORA = new CompanyUser("u-nora", "Nora Lindqvist", NORTHWIND);
    /** Northwind's in-house counsel. */
    static final CompanyUser BENEDICT = new CompanyUser("u-benedict", "Benedict Achterberg", NORTHWIND);
    /** A user of Contoso, the other respondent of the same case. */
    static final CompanyUser OTTO = new CompanyUser("u-otto", "Otto Rasmussen-Vale", CONTOSO);

    static final List<String> ITEMS = List.of(
            "Records of processing activities for the assistant-training pipeline",
            "Data protection impact assessments covering model training",
            "Privacy notices in force from March 2025");
    static final String LEGAL_BASIS = "Data Protection Act 2018, s.142 (information notice)";
    static final String INSTRUCTIONS = "Documents as PDF; spreadsheets as CSV.";

    static final EvidenceFile ROPA = new EvidenceFile("file-ropa", "ropa-2025.pdf", "application/pdf", 482_113,
            "45a1de22b0cbe28368fc8514aa0cded665b3105c998d55166a92a4185b9022f4");
    static final EvidenceFile DPIA = new EvidenceFile("file-dpia", "dpia-model-training.pdf", "application/pdf",
            1_204_877, "7e0962932b2f65a1d823acf01f64a4a8c6ccccd3fe44ed5fbd0cad0e6b2a19ef");
    static final EvidenceFile NOTICE = new EvidenceFile("file-notice", "privacy-notice-2025.html", "text/html",
            38_204, "9cd7f1a7b0e264c944be7d779c693d07cce7d1143d3002ac5ac07b09c2d845a5");

    static final String DESCRIPTION = "Records of processing and the impact assessment for model training";
    static final StatementOfTruth STATEMENT = new StatementOfTruth("Nora Lindqvist", "Data Protection Officer");
    static final String EXTENSION_REASON = "The impact assessments are held by our parent company in Dublin";

    private EvidenceFixtures() {
    }

    /** A fixture at {@link #NOW}. */
    static AggregateTestFixture<EvidenceRequest> fixture() {
        return fixtureAt(NOW);
    }

    /**
     * A fixture that finds the request the way the platform does, with the clock fixed at {@code now}, the known
     * cases and the 7-3-1 reminder schedule; the deadline manager is the fixture's own stub.
     */
    static AggregateTestFixture<EvidenceRequest> fixtureAt(Instant now) {
        AggregateTestFixture<EvidenceRequest> fixture = new AggregateTestFixture<>(EvidenceRequest.class);
        fixture.registerCommandTargetResolver(command -> new VersionedAggregateIdentifier(
                ((Addressed) command.getPayload()).aggregateId(), null));
        fixture.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
        fixture.registerInjectableResource(KNOWN_CASES);
        fixture.registerInjectableResource(PERIODS);
        fixture.registerInjectableResource(REMINDERS);
        return fixture;
    }

    // ---- commands ------------------------------------------------------------------------------------

    /** Builds an {@link IssueEvidenceRequest}, valid unless a test changes one part of it. */
    static IssueBuilder anIssue() {
        return new IssueBuilder();
    }

    static SubmitEvidence submission(String submissionId, EvidenceFile... files) {
        return new SubmitEvidence(REQUEST_ID, submissionId, List.of(files), DESCRIPTION, STATEMENT, NORA);
    }

    static RequestExtension extensionRequest() {
        return new RequestExtension(REQUEST_ID, EXTENSION_REASON, NORA);
    }

    static GrantExtension grant(Instant newDueAt) {
        return new GrantExtension(REQUEST_ID, newDueAt, SAMUEL);
    }

    static AcceptEvidence acceptance() {
        return new AcceptEvidence(REQUEST_ID, IRIS);
    }

    // ---- events --------------------------------------------------------------------------------------

    /** The standard request: to Northwind, issued {@link #NOW} by Iris, due in the standard 14 days. */
    static EvidenceRequestIssued requestIssued() {
        return requestIssued(NOW, DUE);
    }

    static EvidenceRequestIssued requestIssued(Instant issuedAt, Instant dueAt) {
        return requestIssued(issuedAt, dueAt, STANDARD_PERIOD);
    }

    /** The standard request issued at {@code issuedAt}, due at {@code dueAt} counted from {@code period} (or given). */
    static EvidenceRequestIssued requestIssued(Instant issuedAt, Instant dueAt, Period period) {
        return new EvidenceRequestIssued(REQUEST_ID, CASE_ID, NORTHWIND, ITEMS, LEGAL_BASIS, INSTRUCTIONS, dueAt,
                "Europe/London", IRIS, issuedAt, period, List.of());
    }

    /** The standard request followed by {@code then}. */
    static List<Object> history(Object... then) {
        List<Object> events = new ArrayList<>();
        events.add(requestIssued());
        events.addAll(List.of(then));
        return events;
    }

    /** A request issued {@link #EARLIER_ISSUE} and due at {@link #PAST_DUE}, followed by {@code then}. */
    static List<Object> lateHistory(Object... then) {
        List<Object> events = new ArrayList<>();
        events.add(requestIssued(EARLIER_ISSUE, PAST_DUE));
        events.addAll(List.of(then));
        return events;
    }

    static EvidenceRequestAcknowledged acknowledged() {
        return new EvidenceRequestAcknowledged(REQUEST_ID, CASE_ID, NORA, NOW);
    }

    static EvidenceSubmitted submitted(String submissionId, EvidenceFile... files) {
        return new EvidenceSubmitted(REQUEST_ID, CASE_ID, submissionId, List.of(files), DESCRIPTION, STATEMENT, NORA,
                NOW, false);
    }

    static ExtensionRequested extensionRequested() {
        return new ExtensionRequested(REQUEST_ID, CASE_ID, EXTENSION_REASON, NORA, NOW);
    }

    static ExtensionGranted extensionGranted(Instant previousDueAt, Instant newDueAt) {
        return new ExtensionGranted(REQUEST_ID, CASE_ID, previousDueAt, newDueAt, SAMUEL);
    }

    static ExtensionRefused extensionRefused() {
        return new ExtensionRefused(REQUEST_ID, CASE_ID, "The parent company's records are not needed", SAMUEL);
    }

    static MoreEvidenceRequested moreRequested(Instant previousDueAt, Instant newDueAt) {
        return new MoreEvidenceRequested(REQUEST_ID, CASE_ID, "The impact assessment for the 2026 model",
                previousDueAt, newDueAt, IRIS);
    }

    static EvidenceAccepted accepted() {
        return new EvidenceAccepted(REQUEST_ID, CASE_ID, IRIS, NOW);
    }

    static EvidenceRequestWithdrawn withdrawn() {
        return new EvidenceRequestWithdrawn(REQUEST_ID, CASE_ID, "The case was referred to the CMA", IRIS);
    }

    static EvidenceDeadlineApproaching approaching(Instant dueAt, int daysBefore) {
        return new EvidenceDeadlineApproaching(REQUEST_ID, CASE_ID, NORTHWIND, dueAt, daysBefore);
    }

    static EvidenceRequestOverdue overdue(Instant dueAt) {
        return new EvidenceRequestOverdue(REQUEST_ID, CASE_ID, NORTHWIND, dueAt);
    }

    /** What the rules know of a request after {@code events} (the first being its issue). */
    static RequestState stateOf(List<Object> events) {
        RequestState state = null;
        for (Object event : events) {
            state = EvidenceRules.evolve(state, (EvidenceEvent) event);
        }
        return state;
    }

    // ---- the clock stopped and restarted --------------------------------------------------------------

    /** Thursday 5 November 2026, 12:00 GMT: the standard request's clock stops ... */
    static final Instant CLOCK_STOPPED_AT = Instant.parse("2026-11-05T12:00:00Z");
    /** ... and restarts on Sunday 8 November, 15:30 GMT: it stood still for 3 days, 3 hours and 30 minutes ... */
    static final Instant CLOCK_RESTARTED_AT = Instant.parse("2026-11-08T15:30:00Z");
    static final Duration STOPPED_FOR = Duration.parse("PT75H30M");
    /** ... so the request is due that much later: 03:29:59 GMT on Friday 20 November. */
    static final Instant MOVED_DUE = Instant.parse("2026-11-20T03:29:59Z");
    static final String CLOCK_STOP_REASON = "We owe Northwind an answer on whether the 2024 pipeline is in scope";

    static StopClock clockStop() {
        return new StopClock(REQUEST_ID, CLOCK_STOP_REASON, IRIS);
    }

    static RestartClock clockRestart() {
        return new RestartClock(REQUEST_ID, IRIS);
    }

    static EvidenceClockStopped clockStopped(Instant at) {
        return new EvidenceClockStopped(REQUEST_ID, CASE_ID, CLOCK_STOP_REASON, IRIS, at);
    }

    static EvidenceClockRestarted clockRestarted(Instant stoppedAt, Instant restartedAt, Instant previousDueAt) {
        Duration stoppedFor = Duration.between(stoppedAt, restartedAt);
        return new EvidenceClockRestarted(REQUEST_ID, CASE_ID, stoppedAt, restartedAt, stoppedFor, previousDueAt,
                previousDueAt.plus(stoppedFor), IRIS);
    }

    // ---- deadlines -----------------------------------------------------------------------------------

    /** The moment a reminder {@code daysBefore} day(s) ahead of {@code dueAt} fires. */
    static Instant reminderAt(Instant dueAt, int daysBefore) {
        return dueAt.minus(Duration.ofDays(daysBefore));
    }

    /** A deadline (reminder or overdue) scheduled for the due moment {@code dueAt}. */
    static Matcher<DeadlineMessage<?>> deadlineFor(Instant dueAt) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DeadlineMessage<?> deadline) {
                return dueAt.equals(dueAtOf(deadline.getPayload()));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a deadline for the due moment ").appendValue(dueAt);
            }
        };
    }

    /** A reminder {@code daysBefore} day(s) ahead of whatever due moment. */
    static Matcher<DeadlineMessage<?>> reminderDaysBefore(int daysBefore) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DeadlineMessage<?> deadline) {
                return deadline.getPayload() instanceof ReminderDue reminder && reminder.daysBefore() == daysBefore;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a reminder ").appendValue(daysBefore).appendText(" day(s) before");
            }
        };
    }

    private static Instant dueAtOf(Object payload) {
        return payload instanceof Deadlines.Deadline deadline ? deadline.dueAt() : null;
    }

    /** Builds an {@link IssueEvidenceRequest}, valid unless a test changes one part of it. */
    static final class IssueBuilder {
        private String caseId = CASE_ID;
        private String respondent = NORTHWIND;
        private List<String> items = ITEMS;
        private String legalBasis = LEGAL_BASIS;
        private String instructions = INSTRUCTIONS;
        private Integer dueInDays;
        private Instant dueAt;
        private StaffMember issuedBy = IRIS;
        private DayCount dayCount;
        private BankHolidayCalendar calendar;
        private FormalNotice formalNotice;

        IssueBuilder caseId(String value) {
            caseId = value;
            return this;
        }

        IssueBuilder respondent(String value) {
            respondent = value;
            return this;
        }

        IssueBuilder items(List<String> value) {
            items = value;
            return this;
        }

        IssueBuilder legalBasis(String value) {
            legalBasis = value;
            return this;
        }

        IssueBuilder instructions(String value) {
            instructions = value;
            return this;
        }

        IssueBuilder dueInDays(Integer value) {
            dueInDays = value;
            return this;
        }

        IssueBuilder dueAt(Instant value) {
            dueAt = value;
            return this;
        }

        IssueBuilder issuedBy(StaffMember value) {
            issuedBy = value;
            return this;
        }

        IssueBuilder counted(DayCount count, BankHolidayCalendar holidays) {
            dayCount = count;
            calendar = holidays;
            return this;
        }

        IssueBuilder formalNotice(FormalNotice value) {
            formalNotice = value;
            return this;
        }

        IssueEvidenceRequest build() {
            return new IssueEvidenceRequest(REQUEST_ID, caseId, respondent, items, legalBasis, instructions, dueInDays,
                    dueAt, issuedBy, dayCount, calendar, formalNotice);
        }
    }
}
