package org.compliance.cases.domain;

import static org.compliance.api.cases.CaseStatus.CLOSED;
import static org.compliance.api.cases.CaseStatus.DECISION_ISSUED;
import static org.compliance.api.cases.CaseStatus.REFERRED;
import static org.compliance.cases.domain.CaseFixtures.CASE_ID;
import static org.compliance.cases.domain.CaseFixtures.IRIS;
import static org.compliance.cases.domain.CaseFixtures.NOW;
import static org.compliance.cases.domain.CaseFixtures.TOMAS;
import static org.compliance.cases.domain.CaseFixtures.caseOpened;
import static org.compliance.testing.RuleViolations.conflict;
import static org.compliance.cases.domain.CaseFixtures.historyAt;
import static org.compliance.testing.RuleViolations.unprocessable;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.compliance.api.cases.AddCaseNote;
import org.compliance.api.cases.CaseClosed;
import org.compliance.api.cases.CaseNoteAdded;
import org.compliance.api.cases.CaseStatus;
import org.compliance.api.cases.CloseCase;
import org.compliance.api.cases.LegalHoldLifted;
import org.compliance.api.cases.LegalHoldPlaced;
import org.compliance.api.cases.LiftLegalHold;
import org.compliance.api.cases.PlaceLegalHold;
import org.compliance.api.shared.StaffMember;
import org.compliance.platform.domain.RuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class LegalHoldAndNotesTest {

    private static final String LITIGATION = "Judicial review proceedings issued by Northwind Cloud Ltd";

    private AggregateTestFixture<InvestigationCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = CaseFixtures.fixture();
    }

    // ---- legal hold ----------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(CaseStatus.class)
    void a_legal_hold_can_be_placed_whatever_the_status(CaseStatus status) {
        fixture.given(historyAt(status))
                .when(new PlaceLegalHold(CASE_ID, "  " + LITIGATION + "  "))
                .expectEvents(new LegalHoldPlaced(CASE_ID, LITIGATION));
    }

    @Test
    void a_case_already_under_legal_hold_cannot_be_put_under_it_again() {
        fixture.given(caseOpened(), new LegalHoldPlaced(CASE_ID, LITIGATION))
                .when(new PlaceLegalHold(CASE_ID, "Another claim"))
                .expectException(RuleViolation.class)
                .expectException(conflict())
                .expectExceptionMessage("The case is already under legal hold")
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void a_legal_hold_needs_a_reason(String reason) {
        fixture.given(caseOpened())
                .when(new PlaceLegalHold(CASE_ID, reason))
                .expectException(unprocessable())
                .expectExceptionMessage("A legal hold needs a reason")
                .expectNoEvents();
    }

    @Test
    void a_legal_hold_can_be_lifted() {
        fixture.given(caseOpened(), new LegalHoldPlaced(CASE_ID, LITIGATION))
                .when(new LiftLegalHold(CASE_ID, " Proceedings withdrawn "))
                .expectEvents(new LegalHoldLifted(CASE_ID, "Proceedings withdrawn"));
    }

    @Test
    void a_legal_hold_cannot_be_lifted_from_a_case_that_never_had_one() {
        fixture.given(caseOpened())
                .when(new LiftLegalHold(CASE_ID, "Proceedings withdrawn"))
                .expectException(RuleViolation.class)
                .expectException(conflict())
                .expectExceptionMessage("The case is not under legal hold")
                .expectNoEvents();
    }

    @Test
    void a_legal_hold_cannot_be_lifted_twice() {
        fixture.given(caseOpened(), new LegalHoldPlaced(CASE_ID, LITIGATION),
                        new LegalHoldLifted(CASE_ID, "Proceedings withdrawn"))
                .when(new LiftLegalHold(CASE_ID, "Proceedings withdrawn"))
                .expectException(conflict())
                .expectExceptionMessage("The case is not under legal hold")
                .expectNoEvents();
    }

    @Test
    void lifting_a_legal_hold_needs_a_reason() {
        fixture.given(caseOpened(), new LegalHoldPlaced(CASE_ID, LITIGATION))
                .when(new LiftLegalHold(CASE_ID, null))
                .expectException(unprocessable())
                .expectExceptionMessage("Lifting a legal hold needs a reason")
                .expectNoEvents();
    }

    @Test
    void a_lifted_hold_can_be_placed_again() {
        fixture.given(caseOpened(), new LegalHoldPlaced(CASE_ID, LITIGATION),
                        new LegalHoldLifted(CASE_ID, "Proceedings withdrawn"))
                .when(new PlaceLegalHold(CASE_ID, "Fresh proceedings"))
                .expectEvents(new LegalHoldPlaced(CASE_ID, "Fresh proceedings"));
    }

    @ParameterizedTest
    @EnumSource(value = CaseStatus.class, names = {"DECISION_ISSUED", "REFERRED"})
    void a_case_under_legal_hold_cannot_be_closed(CaseStatus status) {
        fixture.given(historyAt(status, new LegalHoldPlaced(CASE_ID, LITIGATION)))
                .when(new CloseCase(CASE_ID, "Done"))
                .expectException(RuleViolation.class)
                .expectException(conflict())
                .expectExceptionMessage("The case is under legal hold and cannot be closed until the hold is lifted")
                .expectNoEvents();
    }

    @Test
    void once_the_hold_is_lifted_the_case_can_be_closed() {
        fixture.given(historyAt(DECISION_ISSUED, new LegalHoldPlaced(CASE_ID, LITIGATION),
                        new LegalHoldLifted(CASE_ID, "Proceedings withdrawn")))
                .when(new CloseCase(CASE_ID, "Done"))
                .expectEvents(new CaseClosed(CASE_ID, "Done"));
    }

    @Test
    void a_hold_placed_on_a_referred_case_before_closing_blocks_closing_it() {
        fixture.given(historyAt(REFERRED, new LegalHoldPlaced(CASE_ID, LITIGATION)))
                .when(new CloseCase(CASE_ID, "Referred"))
                .expectException(conflict())
                .expectExceptionMessage("The case is under legal hold and cannot be closed until the hold is lifted")
                .expectNoEvents();
    }

    // ---- notes ---------------------------------------------------------------------------------------

    @Test
    void staff_can_add_a_note_recorded_with_its_author_and_time() {
        fixture.given(caseOpened())
                .when(new AddCaseNote(CASE_ID, "note-1", "  Counsel for Northwind called; wants a meeting  ", IRIS))
                .expectEvents(new CaseNoteAdded(CASE_ID, "note-1", "Counsel for Northwind called; wants a meeting",
                        IRIS, NOW));
    }

    @Test
    void a_note_id_already_used_is_refused() {
        fixture.given(caseOpened(), new CaseNoteAdded(CASE_ID, "note-1", "First", IRIS, NOW.minusSeconds(60)))
                .when(new AddCaseNote(CASE_ID, "note-1", "Second", TOMAS))
                .expectException(RuleViolation.class)
                .expectException(conflict())
                .expectExceptionMessage("Note note-1 already exists")
                .expectNoEvents();
    }

    @Test
    void another_note_can_follow() {
        fixture.given(caseOpened(), new CaseNoteAdded(CASE_ID, "note-1", "First", IRIS, NOW.minusSeconds(60)))
                .when(new AddCaseNote(CASE_ID, "note-2", "Second", TOMAS))
                .expectEvents(new CaseNoteAdded(CASE_ID, "note-2", "Second", TOMAS, NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void a_note_cannot_be_empty(String text) {
        fixture.given(caseOpened())
                .when(new AddCaseNote(CASE_ID, "note-1", text, IRIS))
                .expectException(unprocessable())
                .expectExceptionMessage("A note cannot be empty")
                .expectNoEvents();
    }

    @Test
    void a_note_names_its_author() {
        fixture.given(caseOpened())
                .when(new AddCaseNote(CASE_ID, "note-1", "Text", new StaffMember("u-iris", null)))
                .expectException(unprocessable())
                .expectExceptionMessage("A member of staff is named by user id and name")
                .expectNoEvents();
    }

    @Test
    void notes_can_be_added_to_a_closed_case() {
        fixture.given(historyAt(CLOSED))
                .when(new AddCaseNote(CASE_ID, "note-9", "Respondent asked for the file", IRIS))
                .expectEvents(new CaseNoteAdded(CASE_ID, "note-9", "Respondent asked for the file", IRIS, NOW));
    }
}
