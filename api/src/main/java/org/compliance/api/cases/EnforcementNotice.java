package org.compliance.api.cases;

import java.time.LocalDate;
import java.util.List;
import org.compliance.api.shared.PersonalData;

/**
 * What a respondent must do, and by when, under an enforcement notice. Steps naming data subjects of the case
 * ({@code namedSubjects}, found by case-service) are sealed under their keys, step by step (decision 29).
 */
public record EnforcementNotice(@PersonalData(subjectsIn = "namedSubjects") List<String> stepsRequired,
                                LocalDate complianceDate, List<String> namedSubjects) {

    public EnforcementNotice {
        namedSubjects = namedSubjects == null ? List.of() : List.copyOf(namedSubjects);
    }

    public EnforcementNotice(List<String> stepsRequired, LocalDate complianceDate) {
        this(stepsRequired, complianceDate, List.of());
    }

    /** This notice with its steps erased when they name {@code subject}. */
    public EnforcementNotice erasing(String subject) {
        return namedSubjects.contains(subject)
                ? new EnforcementNotice(stepsRequired == null ? null
                        : stepsRequired.stream().map(s -> PersonalData.ERASED).toList(), complianceDate, namedSubjects)
                : this;
    }
}
