package org.compliance.notifications.domain;

import java.time.Duration;

/**
 * When a failed delivery is tried again: exponential back-off from {@code first}, capped at {@code longest},
 * with "equal jitter" (half the delay fixed, half random) so that receivers coming back are not hit by every
 * retry at once; after {@code maxAttempts} attempts the delivery is dead-lettered.
 */
public record RetrySchedule(Duration first, Duration longest, int maxAttempts) {

    /** The delay before the next attempt, after {@code attempts} failed ones; {@code random} in [0, 1). */
    public Duration delayAfter(int attempts, double random) {
        long exponential = first.toMillis() << Math.min(Math.max(attempts - 1, 0), 30);
        long capped = Math.min(Math.max(exponential, 0), longest.toMillis());
        return Duration.ofMillis(capped / 2 + (long) (random * (capped / 2.0)));
    }

    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }
}
