package org.compliance.evidence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.compliance.evidence.domain.EvidenceFixtures.INSTRUCTIONS;
import static org.compliance.evidence.domain.EvidenceFixtures.IRIS;
import static org.compliance.evidence.domain.EvidenceFixtures.ITEMS;
import static org.compliance.evidence.domain.EvidenceFixtures.LEGAL_BASIS;
import static org.compliance.evidence.domain.EvidenceFixtures.NORTHWIND;
import static org.compliance.evidence.domain.EvidenceFixtures.PERIODS;
import static org.compliance.evidence.domain.EvidenceFixtures.REMINDERS;
import static org.compliance.evidence.domain.EvidenceFixtures.REQUEST_ID;
import static org.compliance.evidence.domain.EvidenceFixtures.anIssue;
import static org.compliance.evidence.domain.EvidenceFixtures.deadlineFor;
import static org.compliance.testing.RuleViolations.unprocessable;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.compliance.api.evidence.BankHolidayCalendar;
import org.compliance.api.evidence.DayCount;
import org.compliance.api.evidence.EvidenceRequestIssued;
import org.compliance.api.evidence.Period;
import org.compliance.api.evidence.RequestDocument;
import org.compliance.api.evidence.SkippedDay;
import org.compliance.api.shared.Addressed;
import org.compliance.platform.axon.EventSerialization;
import org.compliance.platform.domain.RuleViolation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Periods in working days (issue 18): Saturdays, Sundays and the bank holidays of the period's nation are not
 * counted; the day of issue is day 0 and the request is due at 23:59:59 London time on the last counted day. The
 * expected days are worked out by hand from gov.uk's published bank holidays (gov.uk/bank-holidays).
 */
class WorkingDaysTest {

    /** A case in England run by the ICO (14 calendar days by default; working days and any nation allowed). */
    static final String ENGLISH_CASE = "case-2025-0101";
    /** A case run by the Scottish Information Commissioner: 20 working days, Scotland's holidays, nothing else. */
    static final String SCOTTISH_CASE = "case-2025-0102";

    static final KnownCases CASES = caseId -> switch (caseId) {
        case ENGLISH_CASE -> Optional.of(new KnownCases.KnownCase(ENGLISH_CASE, true, Set.of(NORTHWIND),
                "Information Commissioner's Office"));
        case SCOTTISH_CASE -> Optional.of(new KnownCases.KnownCase(SCOTTISH_CASE, true, Set.of(NORTHWIND),
                "Scottish Information Commissioner"));
        default -> Optional.empty();
    };

    /** 09:30 London time on {@code day}. */
    static Instant morningOf(LocalDate day) {
        return day.atTime(9, 30).atZone(DueMoments.ZONE).toInstant();
    }

    static Instant endOf(LocalDate day) {
        return day.atTime(23, 59, 59).atZone(DueMoments.ZONE).toInstant();
    }

    static Periods.Counted counted(String issued, int days, BankHolidayCalendar calendar) {
        return PERIODS.count(morningOf(LocalDate.parse(issued)), new Period(days, DayCount.WORKING, calendar));
    }

    @Nested
    class Christmas {

        @ParameterizedTest(name = "10 working days from {0}: {1} in England and Wales, {2} in Scotland")
        @CsvSource({
                // Fri; Christmas Fri 25, Boxing Day substitute Mon 28, New Year Fri 1; Scotland: 2 January sub. Mon 4
                "2020-12-18, 2021-01-06, 2021-01-07",
                // Sat; Christmas and Boxing Day substitutes Mon 27 and Tue 28, New Year sub. Mon 3; Scotland Tue 4
                "2021-12-18, 2022-01-05, 2022-01-06",
                // Sun; Boxing Day Mon 26, Christmas sub. Tue 27, New Year sub. Mon 2; Scotland Tue 3
                "2022-12-18, 2023-01-04, 2023-01-05",
                // Mon; Christmas Mon 25, Boxing Day Tue 26, New Year Mon 1; Scotland 2 January Tue 2
                "2023-12-18, 2024-01-04, 2024-01-05",
                // Wed; Christmas Wed 25, Boxing Day Thu 26, New Year Wed 1; Scotland 2 January Thu 2
                "2024-12-18, 2025-01-06, 2025-01-07",
                // Thu; Christmas Thu 25, Boxing Day Fri 26, New Year Thu 1; Scotland 2 January Fri 2
                "2025-12-18, 2026-01-06, 2026-01-07",
                // Fri; Christmas Fri 25, Boxing Day sub. Mon 28, New Year Fri 1; Scotland 2 January sub. Mon 4
                "2026-12-18, 2027-01-06, 2027-01-07",
                // Sat; Christmas and Boxing Day subs. Mon 27, Tue 28; New Year sub. Mon 3; Scotland Tue 4
                "2027-12-18, 2028-01-05, 2028-01-06"})
        void a_request_issued_before_christmas_lands_later_in_scotland(LocalDate issued, LocalDate englandAndWales,
                                                                        LocalDate scotland) {
            Instant issuedAt = morningOf(issued);
            assertThat(PERIODS.count(issuedAt, new Period(10, DayCount.WORKING, BankHolidayCalendar.ENGLAND_AND_WALES))
                    .dueAt()).isEqualTo(endOf(englandAndWales));
            assertThat(PERIODS.count(issuedAt, new Period(10, DayCount.WORKING, BankHolidayCalendar.SCOTLAND))
                    .dueAt()).isEqualTo(endOf(scotland));
        }

        @Test
        void the_days_skipped_are_named() {
            // issued Thursday 18 December 2025: due Tuesday 6 January 2026 in England and Wales
            assertThat(counted("2025-12-18", 10, BankHolidayCalendar.ENGLAND_AND_WALES).skipped()).containsExactly(
                    new SkippedDay(LocalDate.parse("2025-12-20"), "Saturday", false),
                    new SkippedDay(LocalDate.parse("2025-12-21"), "Sunday", false),
                    new SkippedDay(LocalDate.parse("2025-12-25"), "Christmas Day", true),
                    new SkippedDay(LocalDate.parse("2025-12-26"), "Boxing Day", true),
                    new SkippedDay(LocalDate.parse("2025-12-27"), "Saturday", false),
                    new SkippedDay(LocalDate.parse("2025-12-28"), "Sunday", false),
                    new SkippedDay(LocalDate.parse("2026-01-01"), "New Year's Day", true),
                    new SkippedDay(LocalDate.parse("2026-01-03"), "Saturday", false),
                    new SkippedDay(LocalDate.parse("2026-01-04"), "Sunday", false));
            assertThat(counted("2025-12-18", 10, BankHolidayCalendar.SCOTLAND).skipped())
                    .filteredOn(SkippedDay::bankHoliday).extracting(SkippedDay::date, SkippedDay::name)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2025-12-25"), "Christmas Day"),
                            org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2025-12-26"), "Boxing Day"),
                            org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-01-01"), "New Year's Day"),
                            org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-01-02"), "2nd January"));
        }

        @Test
        void a_holiday_moved_off_a_weekend_is_skipped_on_its_substitute_day() {
            // Boxing Day 2026 is a Saturday: Monday 28 December is its substitute
            assertThat(counted("2026-12-24", 2, BankHolidayCalendar.ENGLAND_AND_WALES).skipped())
                    .contains(new SkippedDay(LocalDate.parse("2026-12-28"), "Boxing Day (substitute day)", true));
        }
    }

    @Nested
    class TheNationsDiffer {

        @ParameterizedTest(name = "{3} working day(s) from {0}: {1} by {2}")
        @CsvSource({
                // Easter Monday (6 April 2026) is no bank holiday in Scotland; Good Friday (3 April) is everywhere
                "2026-04-02, 2026-04-07, ENGLAND_AND_WALES, 1",
                "2026-04-02, 2026-04-06, SCOTLAND, 1",
                "2026-04-02, 2026-04-07, NORTHERN_IRELAND, 1",
                // the summer bank holiday: first Monday of August in Scotland, last Monday elsewhere
                "2026-07-31, 2026-08-04, SCOTLAND, 1",
                "2026-07-31, 2026-08-03, ENGLAND_AND_WALES, 1",
                "2026-08-28, 2026-08-31, SCOTLAND, 1",
                "2026-08-28, 2026-09-01, ENGLAND_AND_WALES, 1",
                "2025-08-22, 2025-08-26, NORTHERN_IRELAND, 1",
                // St Andrew's Day: Sunday 30 November 2025, its substitute Monday 1 December, in Scotland only
                "2025-11-28, 2025-12-02, SCOTLAND, 1",
                "2025-11-28, 2025-12-01, ENGLAND_AND_WALES, 1",
                // St Patrick's Day (Tuesday 17 March 2026) and the Battle of the Boyne (Sunday 12 July 2026, kept
                // Monday 13) in Northern Ireland only
                "2026-03-16, 2026-03-18, NORTHERN_IRELAND, 1",
                "2026-03-16, 2026-03-17, ENGLAND_AND_WALES, 1",
                "2026-07-09, 2026-07-17, NORTHERN_IRELAND, 5",
                "2026-07-09, 2026-07-16, ENGLAND_AND_WALES, 5",
                "2026-07-09, 2026-07-16, SCOTLAND, 5",
                // 2 January: Saturday 2 January 2027 is kept Monday 4 January in Scotland
                "2026-12-31, 2027-01-05, SCOTLAND, 1",
                "2026-12-31, 2027-01-04, ENGLAND_AND_WALES, 1",
                // one-off days: VE Day 8 May 2020 (the early May bank holiday moved off Monday 4), the state funeral
                // 19 September 2022, the coronation 8 May 2023, the platinum jubilee 2 and 3 June 2022 (the spring
                // bank holiday moved off Monday 30 May)
                "2020-05-07, 2020-05-11, ENGLAND_AND_WALES, 1",
                "2020-05-01, 2020-05-04, SCOTLAND, 1",
                "2022-09-16, 2022-09-20, ENGLAND_AND_WALES, 1",
                "2022-09-16, 2022-09-20, SCOTLAND, 1",
                "2022-09-16, 2022-09-20, NORTHERN_IRELAND, 1",
                "2023-05-05, 2023-05-09, ENGLAND_AND_WALES, 1",
                "2022-06-01, 2022-06-06, SCOTLAND, 1",
                "2022-05-27, 2022-05-30, ENGLAND_AND_WALES, 1",
                // 2024: 30 November a Saturday, kept Monday 2 December in Scotland
                "2024-11-29, 2024-12-03, SCOTLAND, 1",
                // an ordinary fortnight with no bank holiday: two weekends skipped
                "2026-10-05, 2026-10-19, ENGLAND_AND_WALES, 10"})
        void each_nation_skips_its_own_bank_holidays(LocalDate issued, LocalDate due, BankHolidayCalendar calendar,
                                                     int days) {
            Periods.Counted counted = PERIODS.count(morningOf(issued), new Period(days, DayCount.WORKING, calendar));
            assertThat(counted.dueAt()).isEqualTo(endOf(due));
            assertThat(counted.dueAt().atZone(DueMoments.ZONE).toLocalTime()).isEqualTo(LocalTime.of(23, 59, 59));
        }
    }

    @Nested
    class AtIssue {

        AggregateTestFixture<EvidenceRequest> fixtureAt(Instant now) {
            AggregateTestFixture<EvidenceRequest> fixture = new AggregateTestFixture<>(EvidenceRequest.class);
            fixture.registerCommandTargetResolver(command -> new VersionedAggregateIdentifier(
                    ((Addressed) command.getPayload()).aggregateId(), null));
            fixture.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
            fixture.registerInjectableResource(CASES);
            fixture.registerInjectableResource(PERIODS);
            fixture.registerInjectableResource(REMINDERS);
            return fixture;
        }

        @Test
        void a_request_in_working_days_records_its_period_and_the_days_it_skipped_and_is_scheduled_for_them() {
            Instant now = morningOf(LocalDate.parse("2025-12-18"));
            Instant due = endOf(LocalDate.parse("2026-01-06"));
            Periods.Counted expected = counted("2025-12-18", 10, BankHolidayCalendar.ENGLAND_AND_WALES);
            fixtureAt(now).givenNoPriorActivity()
                    .when(anIssue().caseId(ENGLISH_CASE).dueInDays(10)
                            .counted(DayCount.WORKING, BankHolidayCalendar.ENGLAND_AND_WALES).build())
                    .expectEvents(new EvidenceRequestIssued(REQUEST_ID, ENGLISH_CASE, NORTHWIND, ITEMS, LEGAL_BASIS,
                            INSTRUCTIONS, due, "Europe/London", IRIS, now,
                            new Period(10, DayCount.WORKING, BankHolidayCalendar.ENGLAND_AND_WALES),
                            expected.skipped()))
                    .expectScheduledDeadlineMatching(due, deadlineFor(due));
        }

        @Test
        void the_same_request_to_a_scottish_authority_lands_a_day_later() {
            Instant now = morningOf(LocalDate.parse("2025-12-18"));
            EvidenceRequestIssued issued = (EvidenceRequestIssued) EvidenceRules.decide(null,
                    anIssue().caseId(SCOTTISH_CASE).dueInDays(10).build(), now, CASES, PERIODS).getFirst();
            // the Scottish Information Commissioner counts working days by Scotland's bank holidays by default
            assertThat(issued.period()).isEqualTo(new Period(10, DayCount.WORKING, BankHolidayCalendar.SCOTLAND));
            assertThat(issued.dueAt()).isEqualTo(endOf(LocalDate.parse("2026-01-07")));
        }

        @Test
        void without_days_the_authority_s_default_period_applies() {
            Instant now = morningOf(LocalDate.parse("2026-11-02"));
            EvidenceRequestIssued scottish = (EvidenceRequestIssued) EvidenceRules.decide(null,
                    anIssue().caseId(SCOTTISH_CASE).build(), now, CASES, PERIODS).getFirst();
            // 20 working days from Monday 2 November 2026: St Andrew's Day (Monday 30 November) is skipped
            assertThat(scottish.period()).isEqualTo(new Period(20, DayCount.WORKING, BankHolidayCalendar.SCOTLAND));
            assertThat(scottish.dueAt()).isEqualTo(endOf(LocalDate.parse("2026-12-01")));
            assertThat(scottish.skippedDays()).contains(
                    new SkippedDay(LocalDate.parse("2026-11-30"), "St Andrew's Day", true));
            EvidenceRequestIssued english = (EvidenceRequestIssued) EvidenceRules.decide(null,
                    anIssue().caseId(ENGLISH_CASE).build(), now, CASES, PERIODS).getFirst();
            assertThat(english.period()).isEqualTo(new Period(14, DayCount.CALENDAR, null));
            assertThat(english.skippedDays()).isEmpty();
        }

        @Test
        void a_count_or_calendar_the_authority_does_not_allow_is_refused() {
            Instant now = morningOf(LocalDate.parse("2026-11-02"));
            fixtureAt(now).givenNoPriorActivity()
                    .when(anIssue().caseId(SCOTTISH_CASE).counted(DayCount.CALENDAR, null).build())
                    .expectException(unprocessable())
                    .expectExceptionMessage("Scottish Information Commissioner does not count periods in CALENDAR "
                            + "days; it counts [WORKING]")
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
            assertThatThrownBy(() -> EvidenceRules.decide(null, anIssue().caseId(SCOTTISH_CASE)
                            .counted(DayCount.WORKING, BankHolidayCalendar.ENGLAND_AND_WALES).build(), now, CASES,
                    PERIODS)).isInstanceOf(RuleViolation.class).hasMessage("Scottish Information Commissioner does "
                    + "not count by the bank holidays of ENGLAND_AND_WALES; it counts by [SCOTLAND]");
        }

        @Test
        void without_bank_holidays_configured_only_calendar_days_are_counted() {
            Instant now = morningOf(LocalDate.parse("2026-11-02"));
            assertThatThrownBy(() -> EvidenceRules.decide(null, anIssue().caseId(ENGLISH_CASE)
                    .counted(DayCount.WORKING, null).build(), now, CASES)).isInstanceOf(RuleViolation.class)
                    .hasMessageContaining("does not count periods in WORKING days");
        }
    }

    @Nested
    class EventsStoredBefore {

        @Test
        void an_issue_stored_before_periods_reads_without_a_period_and_folds_into_the_views() throws Exception {
            ObjectMapper storage = EventSerialization.storageObjectMapper();
            String stored = """
                    {"requestId":"req-2024-0001","caseId":"case-2024-0001","respondentOrganisationAlias":"northwind-cloud",
                     "items":["Records of processing"],"legalBasis":"DPA 2018 s.142","instructions":"",
                     "dueAt":"2024-03-15T23:59:59Z","zone":"Europe/London",
                     "issuedBy":{"userId":"u-iris","name":"Iris Okonkwo-Hale"},"issuedAt":"2024-03-01T09:30:00Z"}
                    """;
            EvidenceRequestIssued old = storage.readValue(stored, EvidenceRequestIssued.class);
            assertThat(old.dueAt()).isEqualTo(Instant.parse("2024-03-15T23:59:59Z"));
            assertThat(old.period()).isNull();
            assertThat(old.skippedDays()).isEmpty();
            assertThat(EvidenceRules.evolve(null, old).dueAt()).isEqualTo(old.dueAt());
            RequestDocument view = RequestDocument.issued(old);
            assertThat(view.period).isNull();
            assertThat(view.skippedDays).isEmpty();
        }

        @Test
        void an_issue_with_its_period_reads_back_as_written() throws Exception {
            ObjectMapper storage = EventSerialization.storageObjectMapper();
            Instant now = morningOf(LocalDate.parse("2025-12-18"));
            EvidenceRequestIssued issued = (EvidenceRequestIssued) EvidenceRules.decide(null,
                    anIssue().caseId(SCOTTISH_CASE).dueInDays(10).build(), now, CASES, PERIODS).getFirst();
            assertThat(storage.readValue(storage.writeValueAsString(issued), EvidenceRequestIssued.class))
                    .isEqualTo(issued);
            assertThat(RequestDocument.issued(issued).skippedDays).isEqualTo(issued.skippedDays());
        }
    }

    @Test
    void the_shipped_rules_default_to_fourteen_calendar_days_for_an_authority_not_listed() {
        assertThat(PERIODS.rules().period("Some Other Regulator", null, null, null))
                .isEqualTo(new Period(14, DayCount.CALENDAR, null));
        assertThat(PERIODS.rules().period("Some Other Regulator", 10, DayCount.WORKING, BankHolidayCalendar.SCOTLAND))
                .isEqualTo(new Period(10, DayCount.WORKING, BankHolidayCalendar.SCOTLAND));
        assertThat(List.of(PERIODS.rules().of("Competition and Markets Authority").count()))
                .containsExactly(DayCount.WORKING);
    }
}
