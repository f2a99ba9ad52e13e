package org.compliance.api.evidence.views;

import java.time.Instant;
import java.util.List;
import org.compliance.api.evidence.Period;
import org.compliance.api.evidence.SkippedDay;

/**
 * The moment a request issued now with {@code period} would be due, in {@code zone}, and the days the period did not
 * count (weekend days and bank holidays, by name), for staff to see before they issue.
 */
public record DueMomentPreview(Instant dueAt, String zone, Period period, List<SkippedDay> skippedDays) {

    public DueMomentPreview {
        skippedDays = skippedDays == null ? List.of() : List.copyOf(skippedDays);
    }
}
