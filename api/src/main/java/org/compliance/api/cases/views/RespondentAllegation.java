package org.compliance.api.cases.views;

import java.time.LocalDate;

/** An allegation as its respondent reads it. */
public record RespondentAllegation(String allegationId, String legalBasis, String description,
                                   LocalDate conductFrom, LocalDate conductTo) {
}
