package org.compliance.api.evidence.views;

import org.compliance.api.evidence.RequestDocument;

/** A request in full, with the time left. */
public record RequestDetail(RequestDocument request, long secondsLeft, String timeLeft) {
}
