package org.compliance.evidence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.compliance.evidence.domain.EvidenceFixtures.CASE_ID;
import static org.compliance.evidence.domain.EvidenceFixtures.DPIA;
import static org.compliance.evidence.domain.EvidenceFixtures.IRIS;
import static org.compliance.evidence.domain.EvidenceFixtures.KNOWN_CASES;
import static org.compliance.evidence.domain.EvidenceFixtures.NOW;
import static org.compliance.evidence.domain.EvidenceFixtures.REQUEST_ID;
import static org.compliance.evidence.domain.EvidenceFixtures.ROPA;
import static org.compliance.evidence.domain.EvidenceFixtures.SAMUEL;
import static org.compliance.evidence.domain.EvidenceFixtures.accepted;
import static org.compliance.evidence.domain.EvidenceFixtures.history;
import static org.compliance.evidence.domain.EvidenceFixtures.submission;
import static org.compliance.evidence.domain.EvidenceFixtures.submitted;
import static org.compliance.evidence.domain.EvidenceFixtures.withdrawn;
import static org.compliance.testing.RuleViolations.unprocessable;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.compliance.api.evidence.AddReviewNote;
import org.compliance.api.evidence.EvidenceCommand;
import org.compliance.api.evidence.EvidenceEvent;
import org.compliance.api.evidence.EvidenceFile;
import org.compliance.api.evidence.EvidenceSubmitted;
import org.compliance.api.evidence.RequestDocument;
import org.compliance.api.evidence.ReviewNoteAdded;
import org.compliance.api.shared.StaffMember;
import org.compliance.platform.domain.RuleViolation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Reviewing files: each file names the item of the request it answers (or none), and staff note their review of a
 * submitted file, kept with the hash they reviewed. A note changes no rule and makes no other change a conflict.
 */
class ReviewNotesTest {

    private static final String NOTE = "Section 4 omits the 2024 retention schedule; ask for it";

    private static EvidenceFile answering(EvidenceFile file, Integer item) {
        return new EvidenceFile(file.fileId(), file.fileName(), file.mediaType(), file.sizeBytes(), file.sha256(), item);
    }

    /** The events {@code command} records at {@link EvidenceFixtures#NOW} on a request with {@code given} events. */
    private static List<EvidenceEvent> when(List<Object> given, EvidenceCommand command) {
        RequestState state = null;
        for (Object event : given) {
            state = EvidenceRules.evolve(state, (EvidenceEvent) event);
        }
        return EvidenceRules.decide(state, command, NOW, KNOWN_CASES);
    }

    @Nested
    class FilesNameTheirItem {

        @Test
        void a_submitted_file_keeps_the_item_it_answers() {
            List<EvidenceEvent> events = when(history(), submission("sub-1", answering(ROPA, 1), answering(DPIA, 3)));

            assertThat(((EvidenceSubmitted) events.getFirst()).files()).extracting(EvidenceFile::item)
                    .containsExactly(1, 3);
        }

        @Test
        void a_file_may_name_no_item() {
            List<EvidenceEvent> events = when(history(), submission("sub-1", ROPA));

            assertThat(((EvidenceSubmitted) events.getFirst()).files().getFirst().item()).isNull();
        }

        @Test
        void an_item_the_request_does_not_ask_for_is_refused() {
            // the standard request asks for three items
            for (int item : new int[] {0, 4, -1}) {
                assertThatThrownBy(() -> when(history(), submission("sub-1", ROPA, answering(DPIA, item))))
                        .isInstanceOfSatisfying(RuleViolation.class, v -> {
                            assertThat(v.kind()).isEqualTo(RuleViolation.Kind.UNPROCESSABLE);
                            assertThat(v.getMessage()).contains("asks for 3 item(s)");
                        });
            }
        }
    }

    @Nested
    class Notes {

        @Test
        void staff_note_their_review_of_a_submitted_file_with_the_hash_reviewed() {
            List<EvidenceEvent> events = when(history(submitted("sub-1", ROPA, DPIA)),
                    new AddReviewNote(REQUEST_ID, DPIA.fileId(), "  " + NOTE + "\n", IRIS));

            assertThat(events).containsExactly(new ReviewNoteAdded(REQUEST_ID, CASE_ID, DPIA.fileId(), DPIA.sha256(),
                    NOTE, IRIS, NOW));
        }

        @Test
        void a_note_is_taken_after_acceptance_and_withdrawal_too() {
            assertThat(when(history(submitted("sub-1", ROPA), accepted()),
                    new AddReviewNote(REQUEST_ID, ROPA.fileId(), NOTE, SAMUEL))).hasSize(1);
            assertThat(when(history(submitted("sub-1", ROPA), withdrawn()),
                    new AddReviewNote(REQUEST_ID, ROPA.fileId(), NOTE, SAMUEL))).hasSize(1);
        }

        @Test
        void only_a_submitted_file_is_noted() {
            assertThatThrownBy(() -> when(history(submitted("sub-1", ROPA)),
                    new AddReviewNote(REQUEST_ID, DPIA.fileId(), NOTE, IRIS)))
                    .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.kind())
                            .isEqualTo(RuleViolation.Kind.UNPROCESSABLE));
        }

        @Test
        void a_note_says_something_and_names_its_author() {
            for (AddReviewNote refused : List.of(new AddReviewNote(REQUEST_ID, ROPA.fileId(), " \n ", IRIS),
                    new AddReviewNote(REQUEST_ID, ROPA.fileId(), null, IRIS),
                    new AddReviewNote(REQUEST_ID, ROPA.fileId(), NOTE, new StaffMember("u-iris", " ")))) {
                assertThatThrownBy(() -> when(history(submitted("sub-1", ROPA)), refused))
                        .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.kind())
                                .isEqualTo(RuleViolation.Kind.UNPROCESSABLE));
            }
        }

        @Test
        void a_colleagues_unseen_note_is_no_conflict_for_another_change() {
            assertThat(EvidenceRules.conflictsWithAnUnseenChange(new ReviewNoteAdded(REQUEST_ID, CASE_ID,
                    ROPA.fileId(), ROPA.sha256(), NOTE, SAMUEL, NOW))).isFalse();
        }

        @Test
        void the_request_document_keeps_the_notes_file_by_file() {
            RequestDocument document = RequestDocument.issued(EvidenceFixtures.requestIssued());
            document.apply(submitted("sub-1", ROPA));
            document.apply(new ReviewNoteAdded(REQUEST_ID, CASE_ID, ROPA.fileId(), ROPA.sha256(), NOTE, IRIS, NOW));

            assertThat(document.reviewNotes).containsExactly(new RequestDocument.ReviewNote(ROPA.fileId(),
                    ROPA.sha256(), NOTE, IRIS, NOW));
        }
    }

    @Nested
    class OnTheAggregate {

        private final AggregateTestFixture<EvidenceRequest> fixture = EvidenceFixtures.fixture();

        @Test
        void the_note_is_recorded() {
            fixture.given(history(submitted("sub-1", ROPA)))
                    .when(new AddReviewNote(REQUEST_ID, ROPA.fileId(), NOTE, IRIS))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ReviewNoteAdded(REQUEST_ID, CASE_ID, ROPA.fileId(), ROPA.sha256(), NOTE, IRIS,
                            NOW));
        }

        @Test
        void a_refused_note_records_nothing() {
            fixture.given(history())
                    .when(new AddReviewNote(REQUEST_ID, ROPA.fileId(), NOTE, IRIS))
                    .expectException(unprocessable())
                    .expectNoEvents();
        }
    }
}
