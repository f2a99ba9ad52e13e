package org.compliance.evidence.domain;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.compliance.api.evidence.BankHolidayCalendar;
import org.compliance.api.evidence.DayCount;
import org.compliance.api.evidence.Period;
import org.compliance.platform.domain.RuleViolation;

/**
 * How each authority counts a request's period (shipped as {@code period-rules.json}, replaceable by configuration):
 * its default number of days, day count and bank-holiday calendar, and which counts and calendars a request may
 * choose instead. An authority not listed counts as {@code standard} does.
 */
public record PeriodRules(AuthorityPeriods standard, Map<String, AuthorityPeriods> authorities) {

    /** One authority's periods: the defaults, and the counts and calendars a request may name. */
    public record AuthorityPeriods(int days, DayCount count, BankHolidayCalendar calendar, Set<DayCount> counts,
                                   Set<BankHolidayCalendar> calendars) {

        public AuthorityPeriods {
            Objects.requireNonNull(count, "a period's default day count is missing");
            Objects.requireNonNull(calendar, "a period's default bank-holiday calendar is missing");
            counts = Set.copyOf(counts == null ? Set.of(count) : counts);
            calendars = Set.copyOf(calendars == null ? Set.of(calendar) : calendars);
            if (days < MIN_DAYS || days > MAX_DAYS) {
                throw new IllegalArgumentException("a default period is " + MIN_DAYS + " to " + MAX_DAYS
                        + " days, not " + days);
            }
            if (!counts.contains(count) || !calendars.contains(calendar)) {
                throw new IllegalArgumentException("a default day count and calendar are among those allowed");
            }
        }
    }

    public static final int MIN_DAYS = 1;
    public static final int MAX_DAYS = 366;

    /** 14 calendar days, as before periods were the authority's: the rule where none is configured. */
    public static final PeriodRules CALENDAR_DAYS_ONLY = new PeriodRules(new AuthorityPeriods(DueMoments.STANDARD_DAYS,
            DayCount.CALENDAR, BankHolidayCalendar.ENGLAND_AND_WALES, Set.of(DayCount.CALENDAR),
            Set.of(BankHolidayCalendar.ENGLAND_AND_WALES)), Map.of());

    public PeriodRules {
        Objects.requireNonNull(standard, "the standard periods are missing");
        authorities = Map.copyOf(authorities == null ? Map.of() : authorities);
    }

    public AuthorityPeriods of(String authority) {
        return authority == null ? standard : authorities.getOrDefault(authority, standard);
    }

    /**
     * The period a request of a case run by {@code authority} is given: each part the request names, else the
     * authority's default; a part the authority does not allow is refused (422). A period in calendar days names
     * no calendar: bank holidays do not move it.
     */
    public Period period(String authority, Integer days, DayCount count, BankHolidayCalendar calendar) {
        AuthorityPeriods rules = of(authority);
        String who = authority == null || authority.isBlank() || !authorities.containsKey(authority)
                ? "This installation" : authority;
        int n = days == null ? rules.days() : days;
        if (n < MIN_DAYS || n > MAX_DAYS) {
            throw RuleViolation.unprocessable("A request is due in " + MIN_DAYS + " to " + MAX_DAYS + " days, not " + n);
        }
        DayCount counted = count == null ? rules.count() : count;
        if (!rules.counts().contains(counted)) {
            throw RuleViolation.unprocessable(who + " does not count periods in " + counted + " days; it counts "
                    + rules.counts().stream().sorted().toList());
        }
        if (counted == DayCount.CALENDAR) {
            return new Period(n, counted, null);
        }
        BankHolidayCalendar holidays = calendar == null ? rules.calendar() : calendar;
        if (!rules.calendars().contains(holidays)) {
            throw RuleViolation.unprocessable(who + " does not count by the bank holidays of " + holidays
                    + "; it counts by " + rules.calendars().stream().sorted().toList());
        }
        return new Period(n, counted, holidays);
    }
}
