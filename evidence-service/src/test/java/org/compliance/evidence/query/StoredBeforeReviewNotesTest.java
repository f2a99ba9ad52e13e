package org.compliance.evidence.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.compliance.api.evidence.EvidenceSubmitted;
import org.compliance.api.evidence.RequestDocument;
import org.compliance.platform.axon.EventSerialization;
import org.junit.jupiter.api.Test;

/**
 * Events and request views stored before files named their item and before review notes read with no item and no
 * notes: no upcaster is needed.
 */
class StoredBeforeReviewNotesTest {

    @Test
    void a_submission_and_a_view_stored_before_items_and_notes_read_with_none() throws Exception {
        var json = EventSerialization.storageObjectMapper();
        EvidenceSubmitted old = json.readValue("""
                {"requestId":"r-1","caseId":"c-1","submissionId":"s-1",
                 "files":[{"fileId":"f-1","fileName":"policy.pdf","mediaType":"application/pdf","sizeBytes":12,
                           "sha256":"%s"}],
                 "description":"Policy","statementOfTruth":{"name":"Nora","position":"DPO"},
                 "submittedBy":{"userId":"u-nora","name":"Nora","organisationAlias":"northwind-cloud"},
                 "submittedAt":"2026-12-02T10:00:00Z","late":false}
                """.formatted("ab".repeat(32)), EvidenceSubmitted.class);
        assertThat(old.files().getFirst().item()).isNull();
        assertThat(old.files().getFirst().fileName()).isEqualTo("policy.pdf");

        RequestDocument view = json.readValue("""
                {"requestId":"r-1","version":1,"caseId":"c-1","organisationAlias":"northwind-cloud",
                 "items":["Policy"],"status":"OPEN","dueAt":"2026-12-15T23:59:59Z"}
                """, RequestDocument.class);
        assertThat(view.reviewNotes).isEmpty();
        view.apply(old);
        assertThat(view.submissions.getFirst().files().getFirst().item()).isNull();
    }
}
