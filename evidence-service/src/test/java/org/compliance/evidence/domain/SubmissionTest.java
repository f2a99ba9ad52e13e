package org.compliance.evidence.domain;

import static org.compliance.evidence.domain.EvidenceFixtures.CASE_ID;
import static org.compliance.evidence.domain.EvidenceFixtures.DESCRIPTION;
import static org.compliance.evidence.domain.EvidenceFixtures.DPIA;
import static org.compliance.evidence.domain.EvidenceFixtures.DUE;
import static org.compliance.evidence.domain.EvidenceFixtures.NORA;
import static org.compliance.evidence.domain.EvidenceFixtures.NOTICE;
import static org.compliance.evidence.domain.EvidenceFixtures.NOW;
import static org.compliance.evidence.domain.EvidenceFixtures.OTTO;
import static org.compliance.evidence.domain.EvidenceFixtures.PAST_DUE;
import static org.compliance.evidence.domain.EvidenceFixtures.REQUEST_ID;
import static org.compliance.evidence.domain.EvidenceFixtures.ROPA;
import static org.compliance.evidence.domain.EvidenceFixtures.STATEMENT;
import static org.compliance.evidence.domain.EvidenceFixtures.accepted;
import static org.compliance.evidence.domain.EvidenceFixtures.history;
import static org.compliance.evidence.domain.EvidenceFixtures.lateHistory;
import static org.compliance.evidence.domain.EvidenceFixtures.overdue;
import static org.compliance.evidence.domain.EvidenceFixtures.submission;
import static org.compliance.evidence.domain.EvidenceFixtures.submitted;
import static org.compliance.evidence.domain.EvidenceFixtures.withdrawn;
import static org.compliance.testing.RuleViolations.conflict;
import static org.compliance.testing.RuleViolations.unprocessable;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.compliance.api.evidence.EvidenceFile;
import org.compliance.api.evidence.EvidenceSubmitted;
import org.compliance.api.evidence.StatementOfTruth;
import org.compliance.api.evidence.SubmitEvidence;
import org.compliance.api.shared.CompanyUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The respondent submits files with a description and a statement of truth. A submission after the due moment
 * is accepted and marked late. The handler answers the event itself, from which the receipt is made.
 */
class SubmissionTest {

    private static final String FILES_RULE = "Each file needs its id, name, size and SHA-256 (64 lower-case hex)";
    private static final String STATEMENT_RULE = "A submission carries a statement of truth: the name and position "
            + "of the person making it";

    private AggregateTestFixture<EvidenceRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = EvidenceFixtures.fixture();
    }

    private SubmitEvidence withFiles(List<EvidenceFile> files) {
        return new SubmitEvidence(REQUEST_ID, "sub-1", files, DESCRIPTION, STATEMENT, NORA);
    }

    private void refused(SubmitEvidence command, String message) {
        EvidenceFixtures.fixture().given(history())
                .when(command)
                .expectException(unprocessable())
                .expectExceptionMessage(message)
                .expectNoEvents();
    }

    @Nested
    class OnTimeAndLate {

        @Test
        void evidence_submitted_before_the_due_moment_is_on_time() {
            EvidenceSubmitted expected = new EvidenceSubmitted(REQUEST_ID, CASE_ID, "sub-1", List.of(ROPA, DPIA),
                    DESCRIPTION, STATEMENT, NORA, NOW, false);
            fixture.given(history())
                    .when(submission("sub-1", ROPA, DPIA))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(expected);
        }

        @Test
        void the_handler_answers_the_event_it_recorded() {
            EvidenceSubmitted expected = new EvidenceSubmitted(REQUEST_ID, CASE_ID, "sub-1", List.of(ROPA, DPIA),
                    DESCRIPTION, STATEMENT, NORA, NOW, false);
            fixture.given(history())
                    .when(submission("sub-1", ROPA, DPIA))
                    .expectResultMessagePayload(expected);
        }

        @Test
        void evidence_submitted_after_the_due_moment_is_accepted_and_marked_late() {
            EvidenceSubmitted expected = new EvidenceSubmitted(REQUEST_ID, CASE_ID, "sub-1", List.of(ROPA),
                    DESCRIPTION, STATEMENT, NORA, NOW, true);
            fixture.given(lateHistory())
                    .when(submission("sub-1", ROPA))
                    .expectEvents(expected)
                    .expectResultMessagePayload(expected);
        }

        @Test
        void evidence_submitted_after_the_request_went_overdue_is_still_accepted() {
            fixture.given(lateHistory(overdue(PAST_DUE)))
                    .when(submission("sub-1", ROPA))
                    .expectEvents(new EvidenceSubmitted(REQUEST_ID, CASE_ID, "sub-1", List.of(ROPA), DESCRIPTION,
                            STATEMENT, NORA, NOW, true));
        }

        @Test
        void evidence_submitted_at_the_very_due_moment_is_on_time() {
            EvidenceFixtures.fixtureAt(DUE).given(history())
                    .when(submission("sub-1", ROPA))
                    .expectEvents(new EvidenceSubmitted(REQUEST_ID, CASE_ID, "sub-1", List.of(ROPA), DESCRIPTION,
                            STATEMENT, NORA, DUE, false));
        }

        @Test
        void evidence_submitted_one_second_after_the_due_moment_is_late() {
            Instant justAfter = DUE.plusSeconds(1);
            EvidenceFixtures.fixtureAt(justAfter).given(history())
                    .when(submission("sub-1", ROPA))
                    .expectEvents(new EvidenceSubmitted(REQUEST_ID, CASE_ID, "sub-1", List.of(ROPA), DESCRIPTION,
                            STATEMENT, NORA, justAfter, true));
        }

        @Test
        void a_second_submission_with_its_own_id_is_accepted() {
            fixture.given(history(submitted("sub-1", ROPA)))
                    .when(submission("sub-2", DPIA, NOTICE))
                    .expectEvents(new EvidenceSubmitted(REQUEST_ID, CASE_ID, "sub-2", List.of(DPIA, NOTICE),
                            DESCRIPTION, STATEMENT, NORA, NOW, false));
        }

        @Test
        void the_description_is_recorded_without_surrounding_blanks() {
            fixture.given(history())
                    .when(new SubmitEvidence(REQUEST_ID, "sub-1", List.of(ROPA), "  " + DESCRIPTION + "\n", STATEMENT,
                            NORA))
                    .expectEvents(new EvidenceSubmitted(REQUEST_ID, CASE_ID, "sub-1", List.of(ROPA), DESCRIPTION,
                            STATEMENT, NORA, NOW, false));
        }
    }

    @Nested
    class TheFiles {

        @Test
        void a_submission_has_at_least_one_file() {
            refused(withFiles(List.of()), "A submission has at least one file");
        }

        @Test
        void a_submission_without_a_list_of_files_is_refused() {
            refused(withFiles(null), "A submission has at least one file");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "45A1DE22B0CBE28368FC8514AA0CDED665B3105C998D55166A92A4185B9022F4", // upper-case
                "45a1de22b0cbe28368fc8514aa0cded665b3105c998d55166a92a4185b9022f", // 63 characters
                "45a1de22b0cbe28368fc8514aa0cded665b3105c998d55166a92a4185b9022f4a", // 65 characters
                "g5a1de22b0cbe28368fc8514aa0cded665b3105c998d55166a92a4185b9022f4", // not hex
                "", "   "})
        void a_file_needs_a_sha256_of_64_lower_case_hex_digits(String sha256) {
            refused(withFiles(List.of(ROPA, new EvidenceFile("file-x", "x.pdf", "application/pdf", 10, sha256))),
                    FILES_RULE);
        }

        @Test
        void a_file_without_a_sha256_is_refused() {
            refused(withFiles(List.of(new EvidenceFile("file-x", "x.pdf", "application/pdf", 10, null))), FILES_RULE);
        }

        @Test
        void a_file_needs_its_id_and_name_and_a_size_that_is_not_negative() {
            String sha = ROPA.sha256();
            refused(withFiles(List.of(new EvidenceFile(" ", "x.pdf", "application/pdf", 10, sha))), FILES_RULE);
            refused(withFiles(List.of(new EvidenceFile("file-x", null, "application/pdf", 10, sha))), FILES_RULE);
            refused(withFiles(List.of(new EvidenceFile("file-x", "x.pdf", "application/pdf", -1, sha))), FILES_RULE);
            refused(withFiles(Arrays.asList(ROPA, null)), FILES_RULE);
        }

        @Test
        void an_empty_file_is_still_a_file() {
            EvidenceFile empty = new EvidenceFile("file-empty", "nothing-to-declare.txt", "text/plain", 0,
                    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
            fixture.given(history())
                    .when(withFiles(List.of(empty)))
                    .expectEvents(new EvidenceSubmitted(REQUEST_ID, CASE_ID, "sub-1", List.of(empty), DESCRIPTION,
                            STATEMENT, NORA, NOW, false));
        }

        @Test
        void a_file_is_listed_only_once_in_a_submission() {
            EvidenceFile sameIdOtherName = new EvidenceFile(ROPA.fileId(), "ropa-2025-v2.pdf", "application/pdf",
                    1_000, DPIA.sha256());
            refused(withFiles(List.of(ROPA, DPIA, sameIdOtherName)), "A file is listed twice in the submission");
        }
    }

    @Nested
    class TheDescriptionAndTheStatementOfTruth {

        @Test
        void a_submission_describes_what_it_contains() {
            refused(new SubmitEvidence(REQUEST_ID, "sub-1", List.of(ROPA), "  ", STATEMENT, NORA),
                    "A submission describes what it contains");
            refused(new SubmitEvidence(REQUEST_ID, "sub-1", List.of(ROPA), null, STATEMENT, NORA),
                    "A submission describes what it contains");
        }

        @Test
        void a_submission_carries_a_statement_of_truth() {
            refused(new SubmitEvidence(REQUEST_ID, "sub-1", List.of(ROPA), DESCRIPTION, null, NORA), STATEMENT_RULE);
        }

        @Test
        void the_statement_of_truth_names_the_person_making_it() {
            refused(new SubmitEvidence(REQUEST_ID, "sub-1", List.of(ROPA), DESCRIPTION,
                    new StatementOfTruth(" ", "Data Protection Officer"), NORA), STATEMENT_RULE);
            refused(new SubmitEvidence(REQUEST_ID, "sub-1", List.of(ROPA), DESCRIPTION,
                    new StatementOfTruth(null, "Data Protection Officer"), NORA), STATEMENT_RULE);
        }

        @Test
        void the_statement_of_truth_gives_the_position_of_the_person_making_it() {
            refused(new SubmitEvidence(REQUEST_ID, "sub-1", List.of(ROPA), DESCRIPTION,
                    new StatementOfTruth("Nora Lindqvist", ""), NORA), STATEMENT_RULE);
            refused(new SubmitEvidence(REQUEST_ID, "sub-1", List.of(ROPA), DESCRIPTION,
                    new StatementOfTruth("Nora Lindqvist", null), NORA), STATEMENT_RULE);
        }

        @Test
        void a_submission_needs_an_id() {
            refused(new SubmitEvidence(REQUEST_ID, " ", List.of(ROPA), DESCRIPTION, STATEMENT, NORA),
                    "A submission needs an id");
        }
    }

    @Nested
    class WhoAndWhen {

        @Test
        void the_same_submission_is_made_only_once() {
            fixture.given(history(submitted("sub-1", ROPA)))
                    .when(submission("sub-1", DPIA))
                    .expectException(conflict())
                    .expectExceptionMessage("Submission sub-1 was already made")
                    .expectNoEvents();
        }

        @Test
        void a_user_of_another_organisation_cannot_submit() {
            fixture.given(history())
                    .when(new SubmitEvidence(REQUEST_ID, "sub-1", List.of(ROPA), DESCRIPTION, STATEMENT, OTTO))
                    .expectException(conflict())
                    .expectExceptionMessage("Only northwind-cloud answers this request")
                    .expectNoEvents();
        }

        @Test
        void a_submission_names_the_company_user() {
            refused(new SubmitEvidence(REQUEST_ID, "sub-1", List.of(ROPA), DESCRIPTION, STATEMENT, null),
                    "The company user is missing");
            refused(new SubmitEvidence(REQUEST_ID, "sub-1", List.of(ROPA), DESCRIPTION, STATEMENT,
                    new CompanyUser(null, "Nora Lindqvist", "northwind-cloud")), "The company user is missing");
        }

        @Test
        void nothing_more_is_submitted_once_the_evidence_is_accepted() {
            fixture.given(history(submitted("sub-1", ROPA), accepted()))
                    .when(submission("sub-2", DPIA))
                    .expectException(conflict())
                    .expectExceptionMessage("The evidence was accepted; the request takes no more submissions")
                    .expectNoEvents();
        }

        @Test
        void nothing_is_submitted_to_a_withdrawn_request() {
            fixture.given(history(withdrawn()))
                    .when(submission("sub-1", ROPA))
                    .expectException(conflict())
                    .expectExceptionMessage("Cannot submit evidence to a request that is WITHDRAWN")
                    .expectNoEvents();
        }
    }
}
