package org.compliance.api.cases;

import java.time.LocalDate;
import java.util.List;
import org.compliance.api.shared.PersonalData;

/**
 * What a respondent is alleged to have done, the provision it would breach (e.g. "UK GDPR Art. 6(1)") and
 * when the conduct took place (either end may be unknown). A description that names data subjects of the case
 * ({@code namedSubjects}, found by case-service) is sealed under their keys.
 */
public record Allegation(String allegationId, String legalBasis,
                         @PersonalData(subjectsIn = "namedSubjects") String description, LocalDate conductFrom,
                         LocalDate conductTo, List<String> namedSubjects) {

    public Allegation {
        namedSubjects = namedSubjects == null ? List.of() : List.copyOf(namedSubjects);
    }

    public Allegation(String allegationId, String legalBasis, String description, LocalDate conductFrom,
                      LocalDate conductTo) {
        this(allegationId, legalBasis, description, conductFrom, conductTo, List.of());
    }

    public Allegation naming(List<String> subjects) {
        return new Allegation(allegationId, legalBasis, description, conductFrom, conductTo, subjects);
    }

    /** This allegation with its description erased when it names {@code subject}. */
    public Allegation erasing(String subject) {
        return namedSubjects.contains(subject)
                ? new Allegation(allegationId, legalBasis, PersonalData.ERASED, conductFrom, conductTo, namedSubjects)
                : this;
    }
}
