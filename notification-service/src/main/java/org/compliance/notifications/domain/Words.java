package org.compliance.notifications.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.compliance.api.cases.DecisionIssued;
import org.compliance.api.cases.MonetaryPenalty;

/**
 * How notices put moments, amounts and decisions into words: UK time with the zone's name (GMT or BST),
 * amounts as money with the currency's code, a decision as a phrase ("a reprimand").
 */
public final class Words {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter
            .ofPattern("HH:mm zzz 'on' d MMMM uuuu", Locale.UK).withZone(LONDON);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);

    private Words() {
    }

    /** {@code 23:59 GMT on 15 December 2026}, or BST in summer. */
    public static String moment(Instant moment) {
        return MOMENT.format(moment);
    }

    /** {@code 15 December 2026}. */
    public static String day(LocalDate day) {
        return DAY.format(day);
    }

    /** {@code GBP 1,250,000.00}. */
    public static String money(String currency, BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK));
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return currency + " " + format.format(amount);
    }

    /** The decision as a phrase: "no further action", "a reprimand", "a monetary penalty of GBP 1,250,000.00". */
    public static String decision(DecisionIssued decision) {
        return switch (decision.kind()) {
            case NO_FURTHER_ACTION -> "no further action";
            case REPRIMAND -> "a reprimand";
            case ENFORCEMENT_NOTICE -> "an enforcement notice";
            case MONETARY_PENALTY -> penalty(decision.monetaryPenalty());
        };
    }

    /** "1 file", "2 files". */
    public static String count(int number, String thing) {
        return number + " " + thing + (number == 1 ? "" : "s");
    }

    /**
     * A length of time as people say it, to the minute: "3 days 4 hours", "1 day 30 minutes", "2 hours"; under a
     * minute, "less than a minute".
     */
    public static String duration(Duration length) {
        List<String> parts = new ArrayList<>();
        if (length.toDays() > 0) {
            parts.add(count((int) length.toDays(), "day"));
        }
        if (length.toHoursPart() > 0) {
            parts.add(count(length.toHoursPart(), "hour"));
        }
        if (length.toMinutesPart() > 0) {
            parts.add(count(length.toMinutesPart(), "minute"));
        }
        return parts.isEmpty() ? "less than a minute" : String.join(" ", parts);
    }

    /** "Northwind Cloud Ltd", "Northwind Cloud Ltd and Contoso Models plc", "A, B and C". */
    public static String and(List<String> names) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }

    private static String penalty(MonetaryPenalty penalty) {
        return penalty == null || penalty.amount() == null ? "a monetary penalty"
                : "a monetary penalty of " + money(penalty.currency(), penalty.amount());
    }
}
