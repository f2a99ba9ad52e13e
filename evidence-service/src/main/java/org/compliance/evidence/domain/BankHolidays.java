package org.compliance.evidence.domain;

import java.time.LocalDate;
import java.util.Optional;
import org.compliance.api.evidence.BankHolidayCalendar;

/** The bank holidays of the UK nations (a port; the adapter is a maintained holiday library, decision 13). */
public interface BankHolidays {

    /** The name of the bank holiday {@code date} is in {@code calendar}, or empty when it is none. */
    Optional<String> on(BankHolidayCalendar calendar, LocalDate date);

    /** No bank holidays at all: for counting where only calendar days are allowed. */
    BankHolidays NONE = (calendar, date) -> Optional.empty();
}
