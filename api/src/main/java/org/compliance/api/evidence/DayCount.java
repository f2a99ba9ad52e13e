package org.compliance.api.evidence;

/**
 * How a request's period is counted: every calendar day, or working days only (not Saturdays, Sundays or the bank
 * holidays of the period's {@link BankHolidayCalendar}).
 */
public enum DayCount {
    CALENDAR,
    WORKING
}
