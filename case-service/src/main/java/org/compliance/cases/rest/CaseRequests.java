package org.compliance.cases.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.compliance.api.cases.Allegation;
import org.compliance.api.cases.Complainant;
import org.compliance.api.cases.Confidentiality;
import org.compliance.api.cases.DecisionKind;
import org.compliance.api.cases.Priority;
import org.compliance.api.cases.Respondent;
import org.compliance.platform.input.SingleLine;

/** The bodies case-service accepts. Shapes are checked here (422 with the fields); rules in the domain. */
public final class CaseRequests {

    private CaseRequests() {
    }

    static final String ALIAS = "[a-z0-9][a-z0-9-]{1,62}";

    public record OpenCaseRequest(
            @NotBlank @SingleLine @Size(max = 300) String title,
            @NotBlank @Size(max = 10_000) String summary,
            @NotBlank @SingleLine @Size(max = 200) String authority,
            @NotEmpty @Size(max = 20) List<@NotBlank @SingleLine @Size(max = 200) String> legalBases,
            Priority priority,
            Confidentiality confidentiality,
            @NotEmpty @Size(max = 20) List<@Valid RespondentInput> respondents,
            @Size(max = 50) List<@Valid ComplainantInput> complainants,
            @NotEmpty @Size(max = 100) List<@Valid AllegationInput> allegations) {
    }

    public record RespondentInput(
            @NotBlank @Pattern(regexp = ALIAS) String organisationAlias,
            @NotBlank @SingleLine @Size(max = 200) String name) {

        Respondent toRespondent() {
            return new Respondent(organisationAlias, name.strip());
        }
    }

    public record ComplainantInput(
            @NotNull Complainant.Kind kind,
            @NotBlank @SingleLine @Size(max = 200) String name,
            @Pattern(regexp = ALIAS) String organisationAlias) {

        Complainant toComplainant(String complainantId) {
            return new Complainant(complainantId, kind, name.strip(), organisationAlias);
        }
    }

    public record AllegationInput(
            @NotBlank @SingleLine @Size(max = 200) String legalBasis,
            @NotBlank @Size(max = 5000) String description,
            LocalDate conductFrom,
            LocalDate conductTo) {

        Allegation toAllegation(String allegationId) {
            return new Allegation(allegationId, legalBasis.strip(), description.strip(), conductFrom, conductTo);
        }
    }

    public record ReasonRequest(@NotBlank @Size(max = 5000) String reason) {
    }

    public record FindingsRequest(@NotBlank @Size(max = 20_000) String findings) {
    }

    public record StaffRequest(@NotBlank @SingleLine @Size(max = 64) String userId) {
    }

    public record NoteRequest(@NotBlank @Size(max = 20_000) String text) {
    }

    public record ReferralRequest(
            @NotBlank @SingleLine @Size(max = 200) String authority,
            @NotBlank @SingleLine @Size(max = 200) String theirReference,
            @NotBlank @Size(max = 5000) String reason) {
    }

    public record DecisionRequest(
            @NotNull DecisionKind kind,
            @NotBlank @Size(max = 20_000) String reasons,
            @Valid EnforcementNoticeInput enforcementNotice,
            @Valid MonetaryPenaltyInput monetaryPenalty) {
    }

    public record EnforcementNoticeInput(
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 2000) String> stepsRequired,
            @NotNull LocalDate complianceDate) {
    }

    public record MonetaryPenaltyInput(
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 2) BigDecimal amount,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as GBP") String currency,
            @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal worldwideAnnualTurnover) {
    }
}
