package org.compliance.api.cases;

import java.time.LocalDate;
import java.util.List;

/** What a respondent must do, and by when, under an enforcement notice. */
public record EnforcementNotice(List<String> stepsRequired, LocalDate complianceDate) {
}
