package org.compliance.api.cases.requests;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.compliance.api.cases.Confidentiality;
import org.compliance.api.cases.Priority;
import org.compliance.api.shared.SingleLine;

/**
 * A case to open. The caller leads it unless {@code leadInvestigatorId} names another member of staff; {@code team}
 * names the rest of the team from the start (user ids of staff, as the staff picker gives them).
 */
public record OpenCaseRequest(
        @NotBlank @SingleLine @Size(max = 300) String title,
        @NotBlank @Size(max = 10_000) String summary,
        @NotBlank @SingleLine @Size(max = 200) String authority,
        @NotEmpty @Size(max = 20) List<@NotBlank @SingleLine @Size(max = 200) String> legalBases,
        Priority priority,
        Confidentiality confidentiality,
        @NotEmpty @Size(max = 20) List<@Valid RespondentInput> respondents,
        @Size(max = 50) List<@Valid ComplainantInput> complainants,
        @NotEmpty @Size(max = 100) List<@Valid AllegationInput> allegations,
        @SingleLine @Size(max = 64) String leadInvestigatorId,
        @Size(max = 20) List<@NotBlank @SingleLine @Size(max = 64) String> team) {
}
