package org.compliance.api.evidence;

import java.time.LocalDate;

/**
 * A day a period in working days did not count: a weekend day ({@code bankHoliday} false, {@code name} "Saturday"
 * or "Sunday") or a bank holiday of the period's calendar, with its name.
 */
public record SkippedDay(LocalDate date, String name, boolean bankHoliday) {
}
