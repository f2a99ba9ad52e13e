package org.compliance.api.notifications.requests;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.compliance.api.shared.SingleLine;

/** A webhook endpoint to register for an organisation. */
public record Registration(@NotBlank @SingleLine @Size(max = 2000) @PublicEndpoint String url) {
}
