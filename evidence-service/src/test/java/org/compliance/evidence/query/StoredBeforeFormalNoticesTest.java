package org.compliance.evidence.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.compliance.api.evidence.EvidenceRequestIssued;
import org.compliance.api.evidence.RequestDocument;
import org.compliance.platform.axon.EventSerialization;
import org.junit.jupiter.api.Test;

/** Events and request views stored before formal notices existed read as plain requests. */
class StoredBeforeFormalNoticesTest {

    @Test
    void an_issue_event_and_a_view_without_a_formal_notice_read_with_none() throws Exception {
        var json = EventSerialization.storageObjectMapper();
        EvidenceRequestIssued old = json.readValue("""
                {"requestId":"r-1","caseId":"c-1","respondentOrganisationAlias":"northwind-cloud",
                 "items":["Policy"],"legalBasis":"UK GDPR Art. 58","instructions":"",
                 "dueAt":"2026-12-15T23:59:59Z","zone":"Europe/London",
                 "issuedBy":{"userId":"u-iris","name":"Iris Investigator"},"issuedAt":"2026-12-01T10:00:00Z"}
                """, EvidenceRequestIssued.class);
        assertThat(old.formalNotice()).isNull();
        assertThat(old.dueAt()).isEqualTo(Instant.parse("2026-12-15T23:59:59Z"));

        RequestDocument view = json.readValue(json.writeValueAsString(RequestDocument.issued(old))
                .replace(",\"formalNotice\":null", ""), RequestDocument.class);
        assertThat(view.formalNotice).isNull();
        assertThat(view.requestId).isEqualTo("r-1");
    }
}
