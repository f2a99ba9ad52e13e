package org.compliance.evidence.adapters;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.Year;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.compliance.api.evidence.BankHolidayCalendar;
import org.compliance.evidence.domain.BankHolidays;

/**
 * {@link BankHolidays} from the Jollyday library's United Kingdom calendar and its subdivisions (decision 13):
 * {@code eng} for England and Wales (the two are the same), {@code sct}, {@code nir}. A holiday that falls on a
 * weekend is on its substitute day, named as such. Each nation's year is worked out once.
 */
@ApplicationScoped
public class JollydayBankHolidays implements BankHolidays {

    /** gov.uk's names where Jollyday's differ. */
    private static final Map<String, String> NAMES = Map.of(
            "CHRISTMAS", "Christmas Day",
            "ST_ANDREW", "St Andrew's Day",
            "ST_PATRICK", "St Patrick's Day",
            "BATTLE_BOYNE", "Battle of the Boyne (Orangemen's Day)");

    private final HolidayManager unitedKingdom =
            HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));
    private final Map<String, Map<LocalDate, String>> years = new ConcurrentHashMap<>();

    @Override
    public Optional<String> on(BankHolidayCalendar calendar, LocalDate date) {
        return Optional.ofNullable(year(calendar, date.getYear()).get(date));
    }

    private Map<LocalDate, String> year(BankHolidayCalendar calendar, int year) {
        return years.computeIfAbsent(calendar + "/" + year, key -> {
            Map<LocalDate, String> days = new HashMap<>();
            for (Holiday holiday : unitedKingdom.getHolidays(Year.of(year), subdivision(calendar))) {
                // getDate() is the day it is kept (a substitute day when moved); getActualDate() the day it fell on
                String name = NAMES.getOrDefault(holiday.getPropertiesKey(), holiday.getDescription(Locale.ENGLISH));
                boolean substitute = !holiday.getDate().equals(holiday.getActualDate());
                days.merge(holiday.getDate(), substitute ? name + " (substitute day)" : name,
                        (one, other) -> one + "; " + other);
            }
            return Map.copyOf(days);
        });
    }

    private static String subdivision(BankHolidayCalendar calendar) {
        return switch (calendar) {
            case ENGLAND_AND_WALES -> "eng";
            case SCOTLAND -> "sct";
            case NORTHERN_IRELAND -> "nir";
        };
    }
}
