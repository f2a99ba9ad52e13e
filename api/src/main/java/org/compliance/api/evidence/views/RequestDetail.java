package org.compliance.api.evidence.views;

import org.compliance.api.evidence.RequestDocument;
import org.compliance.api.evidence.RequestStanding;

/**
 * A request in full, with the time left, where it stands (whether evidence is due from the company, and if not, why
 * not), and what a person knows it by: its subject (the first thing it asks for), the title of its case and the name
 * of the organisation it was sent to.
 */
public record RequestDetail(RequestDocument request, long secondsLeft, String timeLeft, String subject,
                            String caseTitle, String organisationName, RequestStanding standing) {
}
