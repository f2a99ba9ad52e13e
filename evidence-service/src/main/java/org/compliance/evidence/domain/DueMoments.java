package org.compliance.evidence.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * When evidence is due. The standard rule: the day of issue is day 0 in Europe/London; the request is due at
 * 23:59:59 London time on the N-th calendar day after it (N = 14 unless the request says otherwise), whatever
 * the day of the week, and across a change between GMT and BST the wall-clock time stays 23:59:59.
 */
public final class DueMoments {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");
    public static final int STANDARD_DAYS = 14;
    static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private DueMoments() {
    }

    public static Instant afterCalendarDays(Instant issuedAt, int days) {
        LocalDate dayOfIssue = LocalDate.ofInstant(issuedAt, ZONE);
        return dayOfIssue.plusDays(days).atTime(END_OF_DAY).atZone(ZONE).toInstant();
    }
}
