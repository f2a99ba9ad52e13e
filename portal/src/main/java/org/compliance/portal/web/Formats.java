package org.compliance.portal.web;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.compliance.api.audit.EventKinds;
import org.compliance.api.shared.PersonalData;

/** How the pages write moments, durations and the services' codes. Moments are shown in UK time. */
@TemplateExtension
public final class Formats {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm:ss zzz",
            Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private Formats() {
    }

    /** An ISO-8601 instant as "Mon 7 Dec 2026, 23:59:59 GMT" (UK time). */
    static String london(String iso) {
        try {
            return MOMENT.format(Instant.parse(iso).atZone(LONDON));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** An ISO-8601 instant or date as "7 Dec 2026". */
    static String day(String iso) {
        try {
            return DAY.format(iso.length() == 10 ? LocalDate.parse(iso) : Instant.parse(iso).atZone(LONDON));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** "12 days 4 hours left" or "overdue by 3 hours", from the seconds left (negative once overdue). */
    static String timeLeft(Number secondsLeft) {
        long seconds = secondsLeft.longValue();
        String span = span(Duration.ofSeconds(Math.abs(seconds)));
        return seconds >= 0 ? span + " left" : "overdue by " + span;
    }

    /** A code such as DECISION_ISSUED as "Decision issued". */
    static String label(String code) {
        String words = code.replace('_', ' ').toLowerCase(Locale.UK);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** An event's kind (its simple name, EvidenceRequestAcknowledged) in words: "Evidence request acknowledged". */
    static String eventName(String eventType) {
        return EventKinds.inWords(eventType);
    }

    /** The first eight characters of an id, for tables; the full id is in the link and its title. */
    static String brief(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    /**
     * Whether a name or text reads erased (its data subject's key destroyed): an action or confirmation must then say
     * what it is about in words ("the erased complainant"), never with the placeholder itself.
     */
    static boolean erased(String text) {
        return PersonalData.ERASED.equals(text);
    }

    /** A value for a link's query string. */
    static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A byte count as "1.4 GB". */
    static String bytes(Number count) {
        double value = count.doubleValue();
        String[] units = {"bytes", "KB", "MB", "GB", "TB"};
        int unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return unit == 0 ? count.longValue() + " bytes" : String.format(Locale.UK, "%.1f %s", value, units[unit]);
    }

    static String span(Duration d) {
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) {
            return plural(days, "day") + (hours > 0 ? " " + plural(hours, "hour") : "");
        }
        if (hours > 0) {
            return plural(hours, "hour") + (minutes > 0 ? " " + plural(minutes, "minute") : "");
        }
        return minutes > 0 ? plural(minutes, "minute") : plural(d.toSecondsPart(), "second");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    /** A day chosen in a form (yyyy-MM-dd) as its last second in UK time: the moment due dates fall on. */
    public static Instant endOfDayInLondon(String day) {
        return LocalDate.parse(day).atTime(23, 59, 59).atZone(LONDON).toInstant();
    }

    /** A local date and time chosen in a form (yyyy-MM-ddTHH:mm[:ss]) read as UK time. */
    public static Instant londonMoment(String local) {
        return LocalDateTime.parse(local).atZone(LONDON).toInstant();
    }
}
