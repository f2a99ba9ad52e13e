package org.compliance.api.evidence;

/**
 * The period a request was given to answer: {@code days} counted by {@code count} from the day of issue (day 0),
 * with the bank holidays of {@code calendar} when the days are working days.
 */
public record Period(int days, DayCount count, BankHolidayCalendar calendar) {
}
