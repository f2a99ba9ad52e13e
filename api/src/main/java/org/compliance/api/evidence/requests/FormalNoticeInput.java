package org.compliance.api.evidence.requests;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A request issued as a formal information notice: what the notice says beyond the request itself (its legal basis
 * is the request's): what happens if it is not complied with, the right of appeal, and within how many calendar
 * days of the notice an appeal may be brought. The notice is rendered as a signed PDF when the request is issued.
 */
public record FormalNoticeInput(
        @NotBlank @Size(max = 4000) String consequences,
        @NotBlank @Size(max = 4000) String rightOfAppeal,
        @NotNull @Min(1) @Max(366) Integer appealPeriodDays) {
}
