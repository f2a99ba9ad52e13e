package org.compliance.api.evidence.views;

import org.compliance.api.evidence.RequestDocument;

/** A request in full, with the time left, the title of its case and the name of the organisation it was sent to. */
public record RequestDetail(RequestDocument request, long secondsLeft, String timeLeft, String caseTitle,
                            String organisationName) {
}
