package org.compliance.evidence.application;

import java.time.Instant;
import java.util.List;
import org.compliance.api.evidence.requests.FormalNoticeInput;

/**
 * What a formal information notice states: the request it is issued as, the case it belongs to (title and authority
 * when evidence-service knows them, else null), and the notice's own texts. {@code issuedAt} dates the notice.
 */
public record NoticeContent(String requestId, String caseId, String caseTitle, String authority, String respondent,
                            List<String> items, String legalBasis, String instructions, Instant dueAt,
                            String issuedBy, Instant issuedAt, FormalNoticeInput notice) {
}
