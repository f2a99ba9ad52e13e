package org.compliance.evidence.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.compliance.api.evidence.BankHolidayCalendar;
import org.compliance.api.evidence.DayCount;
import org.compliance.api.evidence.Period;
import org.compliance.api.evidence.SkippedDay;

/**
 * Counts a request's period to its due moment. The day of issue is day 0 in Europe/London; the request is due at
 * 23:59:59 London time on the last counted day. Calendar days count every day; working days skip Saturdays, Sundays
 * and the bank holidays of the period's calendar, and say which days they skipped.
 */
public final class Periods {

    /** A due moment and how it was reached. */
    public record Counted(Instant dueAt, Period period, List<SkippedDay> skipped) {

        public Counted {
            skipped = List.copyOf(skipped);
        }
    }

    private final PeriodRules rules;
    private final BankHolidays holidays;

    public Periods(PeriodRules rules, BankHolidays holidays) {
        this.rules = rules;
        this.holidays = holidays;
    }

    /** 14 calendar days and nothing else: where no authority's rules or bank holidays are configured. */
    public static Periods calendarDaysOnly() {
        return new Periods(PeriodRules.CALENDAR_DAYS_ONLY, BankHolidays.NONE);
    }

    public PeriodRules rules() {
        return rules;
    }

    /** The due moment of a request of {@code authority}'s case issued at {@code issuedAt} (see {@link PeriodRules}). */
    public Counted dueAt(String authority, Integer days, DayCount count, BankHolidayCalendar calendar,
                         Instant issuedAt) {
        return count(issuedAt, rules.period(authority, days, count, calendar));
    }

    /** The due moment of {@code period} counted from {@code issuedAt}. */
    public Counted count(Instant issuedAt, Period period) {
        if (period.count() == DayCount.CALENDAR) {
            return new Counted(DueMoments.afterCalendarDays(issuedAt, period.days()), period, List.of());
        }
        LocalDate day = LocalDate.ofInstant(issuedAt, DueMoments.ZONE);
        List<SkippedDay> skipped = new ArrayList<>();
        int counted = 0;
        while (counted < period.days()) {
            day = day.plusDays(1);
            Optional<SkippedDay> skip = skipped(period.calendar(), day);
            if (skip.isPresent()) {
                skipped.add(skip.get());
            } else {
                counted++;
            }
        }
        return new Counted(day.atTime(DueMoments.END_OF_DAY).atZone(DueMoments.ZONE).toInstant(), period, skipped);
    }

    private Optional<SkippedDay> skipped(BankHolidayCalendar calendar, LocalDate day) {
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            String name = day.getDayOfWeek() == DayOfWeek.SATURDAY ? "Saturday" : "Sunday";
            return Optional.of(new SkippedDay(day, name, false));
        }
        return holidays.on(calendar, day).map(name -> new SkippedDay(day, name, true));
    }
}
