package org.compliance.evidence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.compliance.evidence.domain.EvidenceFixtures.CASE_ID;
import static org.compliance.evidence.domain.EvidenceFixtures.DPIA;
import static org.compliance.evidence.domain.EvidenceFixtures.IRIS;
import static org.compliance.evidence.domain.EvidenceFixtures.KNOWN_CASES;
import static org.compliance.evidence.domain.EvidenceFixtures.NORA;
import static org.compliance.evidence.domain.EvidenceFixtures.NOW;
import static org.compliance.evidence.domain.EvidenceFixtures.REQUEST_ID;
import static org.compliance.evidence.domain.EvidenceFixtures.STATEMENT;
import static org.compliance.evidence.domain.EvidenceFixtures.anIssue;
import static org.compliance.evidence.domain.EvidenceFixtures.history;
import static org.compliance.evidence.domain.EvidenceFixtures.stateOf;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.compliance.api.evidence.AddReviewNote;
import org.compliance.api.evidence.EvidenceRequestIssued;
import org.compliance.api.evidence.EvidenceRequestWithdrawn;
import org.compliance.api.evidence.EvidenceSubmitted;
import org.compliance.api.evidence.ReviewNoteAdded;
import org.compliance.api.evidence.SubmitEvidence;
import org.compliance.api.evidence.WithdrawEvidenceRequest;
import org.junit.jupiter.api.Test;

/**
 * The texts of a request record the case's data subjects they name (decision 29): the events are stored with those
 * texts sealed under their keys. A text naming nobody records none.
 */
class NamedSubjectsTest {

    private static final String ROWENA = CASE_ID + "/C1";
    private static final String BERT = CASE_ID + "/P1";

    private static final KnownCases WITH_SUBJECTS = new KnownCases() {
        @Override
        public Optional<KnownCase> find(String caseId) {
            return KNOWN_CASES.find(caseId);
        }

        @Override
        public Map<String, String> namesBySubject(String caseId) {
            return CASE_ID.equals(caseId) ? Map.of(ROWENA, "Rowena Quillfeather", BERT, "Bartholomew Quince")
                    : Map.of();
        }
    };

    @Test
    void an_issue_records_the_subjects_its_items_and_instructions_name() {
        var issued = (EvidenceRequestIssued) EvidenceRules.decide(null, anIssue()
                .items(List.of("Letters to Ms Quillfeather", "Logs")).instructions("Ask Bartholomew").build(), NOW,
                WITH_SUBJECTS).getFirst();
        assertThat(issued.namedSubjects()).containsExactlyInAnyOrder(ROWENA, BERT);

        var plain = (EvidenceRequestIssued) EvidenceRules.decide(null, anIssue().build(), NOW, WITH_SUBJECTS)
                .getFirst();
        assertThat(plain.namedSubjects()).isEmpty();
    }

    @Test
    void a_submission_a_review_note_and_a_withdrawal_record_the_subjects_they_name() {
        var submitted = (EvidenceSubmitted) EvidenceRules.decide(stateOf(history()), new SubmitEvidence(REQUEST_ID,
                "s-1", List.of(DPIA), "Our letters to rowena", STATEMENT, NORA), NOW, WITH_SUBJECTS).getFirst();
        assertThat(submitted.namedSubjects()).containsExactly(ROWENA);

        var noted = (ReviewNoteAdded) EvidenceRules.decide(stateOf(history(submitted)), new AddReviewNote(REQUEST_ID,
                DPIA.fileId(), "Quince signed page 3", IRIS), NOW, WITH_SUBJECTS).getFirst();
        assertThat(noted.namedSubjects()).containsExactly(BERT);

        var withdrawn = (EvidenceRequestWithdrawn) EvidenceRules.decide(stateOf(history()),
                new WithdrawEvidenceRequest(REQUEST_ID, "Settled", IRIS), NOW, WITH_SUBJECTS).getFirst();
        assertThat(withdrawn.namedSubjects()).isEmpty();
    }
}
