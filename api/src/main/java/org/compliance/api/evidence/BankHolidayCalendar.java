package org.compliance.api.evidence;

/** The UK bank-holiday calendars a period in working days can be counted by; the three nations' differ. */
public enum BankHolidayCalendar {
    ENGLAND_AND_WALES,
    SCOTLAND,
    NORTHERN_IRELAND
}
