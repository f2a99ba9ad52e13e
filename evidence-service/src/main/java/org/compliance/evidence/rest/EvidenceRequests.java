package org.compliance.evidence.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.compliance.api.evidence.RequestDocument;
import org.compliance.api.evidence.views.RequestDetail;
import org.compliance.api.evidence.views.RequestSummary;
import org.compliance.evidence.query.RequestViewRow;
import org.compliance.platform.input.SingleLine;

/** Bodies evidence-service accepts, and its views made from its rows (the records are in the api module's evidence.views). */
public final class EvidenceRequests {

    static final String UUID_TEXT = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private EvidenceRequests() {
    }

    public record IssueRequest(
            @NotBlank @Pattern(regexp = UUID_TEXT, message = "must be a case id (a UUID)") String caseId,
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}") String respondentOrganisationAlias,
            @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 2000) String> items,
            @NotBlank @SingleLine @Size(max = 200) String legalBasis,
            @Size(max = 10_000) String instructions,
            @Min(1) @Max(366) Integer dueInDays,
            Instant dueAt) {
    }

    public record ReasonRequest(@NotBlank @Size(max = 5000) String reason) {
    }

    public record GrantRequest(@NotNull Instant newDueAt) {
    }

    public record MoreEvidenceRequest(@NotBlank @Size(max = 5000) String stillMissing, @NotNull Instant newDueAt) {
    }

    public record SubmissionRequest(
            @NotEmpty @Size(max = 100) List<@NotNull UUID> uploadIds,
            @NotBlank @Size(max = 10_000) String description,
            @NotNull @Valid StatementOfTruthInput statementOfTruth) {
    }

    public record StatementOfTruthInput(@NotBlank @SingleLine @Size(max = 200) String name,
                                        @NotBlank @SingleLine @Size(max = 200) String position) {
    }

    static RequestSummary summary(RequestViewRow row, Instant now) {
        Duration left = Duration.between(now, row.dueAt);
        return new RequestSummary(row.requestId, row.caseId, row.organisationAlias, row.status, row.dueAt,
                row.overdue, left.toSeconds(), left.toString(), row.issuedAt);
    }

    static RequestDetail detail(RequestDocument document, Instant now) {
        Duration left = Duration.between(now, document.dueAt);
        return new RequestDetail(document, left.toSeconds(), left.toString());
    }
}
