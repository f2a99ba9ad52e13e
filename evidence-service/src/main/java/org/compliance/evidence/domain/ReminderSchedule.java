package org.compliance.evidence.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** How many days before the due moment the respondent is reminded (configured; 7, 3 and 1 by default). */
public record ReminderSchedule(List<Integer> daysBefore) {

    public ReminderSchedule {
        daysBefore = List.copyOf(daysBefore);
    }

    /** The reminders still ahead of {@code now} for a request due at {@code dueAt}. */
    List<Integer> ahead(Instant now, Instant dueAt) {
        return daysBefore.stream().filter(days -> dueAt.minus(Duration.ofDays(days)).isAfter(now)).toList();
    }

    static Instant moment(Instant dueAt, int daysBefore) {
        return dueAt.minus(Duration.ofDays(daysBefore));
    }
}
