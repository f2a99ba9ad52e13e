package org.compliance.api.cases;

import java.time.LocalDate;

/** What a respondent is alleged to have done, the provision it would breach (e.g. "UK GDPR Art. 6(1)") and
 * when the conduct took place (either end may be unknown). */
public record Allegation(String allegationId, String legalBasis, String description, LocalDate conductFrom,
                         LocalDate conductTo) {
}
