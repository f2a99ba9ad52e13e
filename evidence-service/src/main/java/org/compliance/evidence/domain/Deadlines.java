package org.compliance.evidence.domain;

import java.time.Instant;

/** The deadlines an evidence request schedules; each payload carries the due moment it was scheduled for. */
public final class Deadlines {

    /** A deadline's payload, as the request's decider takes it. */
    public sealed interface Deadline permits ReminderDue, DueMomentPassed {

        Instant dueAt();
    }

    public static final String REMINDER = "evidence-reminder";
    public static final String OVERDUE = "evidence-overdue";

    /** A reminder {@code daysBefore} day(s) ahead of {@code dueAt}. */
    public record ReminderDue(Instant dueAt, int daysBefore) implements Deadline {
    }

    /** The moment {@code dueAt} has passed. */
    public record DueMomentPassed(Instant dueAt) implements Deadline {
    }

    private Deadlines() {
    }
}
