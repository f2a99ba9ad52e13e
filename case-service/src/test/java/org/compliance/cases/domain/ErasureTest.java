package org.compliance.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.compliance.cases.domain.CaseFixtures.ALEX;
import static org.compliance.cases.domain.CaseFixtures.CASE_ID;
import static org.compliance.cases.domain.CaseFixtures.CONSUMER_GROUP;
import static org.compliance.cases.domain.CaseFixtures.IRIS;
import static org.compliance.cases.domain.CaseFixtures.NOW;
import static org.compliance.cases.domain.CaseFixtures.TOMAS;
import static org.compliance.cases.domain.CaseFixtures.anOpenCase;
import static org.compliance.cases.domain.CaseFixtures.caseOpened;
import static org.compliance.testing.RuleViolations.conflict;
import static org.compliance.testing.RuleViolations.unprocessable;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.compliance.api.cases.AddAllegation;
import org.compliance.api.cases.AddCaseNote;
import org.compliance.api.cases.AddComplainant;
import org.compliance.api.cases.Allegation;
import org.compliance.api.cases.AllegationAdded;
import org.compliance.api.cases.CaseNoteAdded;
import org.compliance.api.cases.Complainant;
import org.compliance.api.cases.ComplainantAdded;
import org.compliance.api.cases.ComplainantWithdrawn;
import org.compliance.api.cases.DataSubjectErased;
import org.compliance.api.cases.EraseDataSubject;
import org.compliance.api.cases.LegalHoldLifted;
import org.compliance.api.cases.LegalHoldPlaced;
import org.compliance.api.cases.NamePerson;
import org.compliance.api.cases.NamedPerson;
import org.compliance.api.cases.PersonNamed;
import org.compliance.api.cases.OpenCase;
import org.compliance.api.shared.PersonalData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 22 part 4: who is a data subject, which texts name them, and when they may be erased. */
class ErasureTest {

    private static final String ALEX_SUBJECT = CASE_ID + "/cmp-alex";
    private static final String GDPR = "UK GDPR Art. 17: no longer necessary for the investigation";

    private AggregateTestFixture<InvestigationCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = CaseFixtures.fixture();
    }

    @Test
    void a_person_complainant_becomes_a_data_subject_of_the_case_and_an_organisation_does_not() {
        assertThat(ALEX.onCase(CASE_ID).dataSubject()).isEqualTo(ALEX_SUBJECT);
        assertThat(CONSUMER_GROUP.onCase(CASE_ID).dataSubject()).isNull();
        fixture.given(caseOpened())
                .when(new AddComplainant(CASE_ID, ALEX))
                .expectEvents(new ComplainantAdded(CASE_ID, ALEX.onCase(CASE_ID)));
    }

    @Test
    void texts_that_name_a_data_subject_record_them_and_texts_that_do_not_record_no_one() {
        fixture.given(caseOpened(), new ComplainantAdded(CASE_ID, ALEX.onCase(CASE_ID)))
                .when(new AddCaseNote(CASE_ID, "note-1", "Called Ms MARLOWE back about the recordings", IRIS))
                .expectEvents(new CaseNoteAdded(CASE_ID, "note-1", "Called Ms MARLOWE back about the recordings", IRIS,
                        NOW, List.of(ALEX_SUBJECT)));
        fixture.given(caseOpened(), new ComplainantAdded(CASE_ID, ALEX.onCase(CASE_ID)))
                .when(new AddCaseNote(CASE_ID, "note-2", "Respondent's solicitors asked for more time", IRIS))
                .expectEvents(new CaseNoteAdded(CASE_ID, "note-2", "Respondent's solicitors asked for more time", IRIS,
                        NOW, List.of()));
        Allegation recordings = new Allegation("alg-9", "UK GDPR Art. 15", "Alex's access request went unanswered",
                LocalDate.of(2025, 5, 1), null);
        fixture.given(caseOpened(), new ComplainantAdded(CASE_ID, ALEX.onCase(CASE_ID)))
                .when(new AddAllegation(CASE_ID, recordings))
                .expectEvents(new AllegationAdded(CASE_ID, recordings.naming(List.of(ALEX_SUBJECT))));
    }

    @Test
    void the_opening_records_who_its_summary_and_allegations_name() {
        OpenCase open = anOpenCase().complainants(List.of(CONSUMER_GROUP, ALEX)).build();
        OpenCase naming = new OpenCase(open.caseId(), open.title(), "Alex Marlowe says the assistant quoted her messages",
                open.authority(), open.legalBases(), open.priority(), open.confidentiality(), open.respondents(),
                open.complainants(), open.allegations(), open.leadInvestigator(), open.team());
        fixture.givenNoPriorActivity().when(naming).expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.axonframework.test.matchers.Matchers.predicate(event ->
                                        event instanceof org.compliance.api.cases.CaseOpened opened
                                                && opened.summaryNamedSubjects().equals(List.of(ALEX_SUBJECT))
                                                && opened.allegations().stream()
                                                        .allMatch(a -> a.namedSubjects().isEmpty())),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void a_title_that_names_a_person_complainant_is_refused() {
        OpenCase open = anOpenCase().complainants(List.of(ALEX)).build();
        fixture.givenNoPriorActivity()
                .when(new OpenCase(open.caseId(), "Complaint of Alex Marlowe", open.summary(), open.authority(),
                        open.legalBases(), open.priority(), open.confidentiality(), open.respondents(),
                        open.complainants(), open.allegations(), open.leadInvestigator(), open.team()))
                .expectException(unprocessable())
                .expectNoEvents();
    }

    @Test
    void a_person_complainant_is_erased_with_the_reason_and_who_erased_them() {
        fixture.given(caseOpened(), new ComplainantAdded(CASE_ID, ALEX.onCase(CASE_ID)))
                .when(new EraseDataSubject(CASE_ID, "cmp-alex", "  " + GDPR + " ", TOMAS))
                .expectEvents(new DataSubjectErased(CASE_ID, "cmp-alex", ALEX_SUBJECT, GDPR, TOMAS, NOW));
    }

    @Test
    void a_withdrawn_complainant_can_still_be_erased() {
        fixture.given(caseOpened(), new ComplainantAdded(CASE_ID, ALEX.onCase(CASE_ID)),
                        new ComplainantWithdrawn(CASE_ID, "cmp-alex", "Complaint withdrawn"))
                .when(new EraseDataSubject(CASE_ID, "cmp-alex", GDPR, TOMAS))
                .expectEvents(new DataSubjectErased(CASE_ID, "cmp-alex", ALEX_SUBJECT, GDPR, TOMAS, NOW));
    }

    @Test
    void nothing_is_erased_while_the_case_is_under_legal_hold() {
        fixture.given(caseOpened(), new ComplainantAdded(CASE_ID, ALEX.onCase(CASE_ID)),
                        new LegalHoldPlaced(CASE_ID, "Judicial review"))
                .when(new EraseDataSubject(CASE_ID, "cmp-alex", GDPR, TOMAS))
                .expectException(conflict())
                .expectExceptionMessage("The case is under legal hold (Judicial review): nothing of it may be erased "
                        + "until the hold is lifted")
                .expectNoEvents();
        fixture.given(caseOpened(), new ComplainantAdded(CASE_ID, ALEX.onCase(CASE_ID)),
                        new LegalHoldPlaced(CASE_ID, "Judicial review"), new LegalHoldLifted(CASE_ID, "Dismissed"))
                .when(new EraseDataSubject(CASE_ID, "cmp-alex", GDPR, TOMAS))
                .expectEvents(new DataSubjectErased(CASE_ID, "cmp-alex", ALEX_SUBJECT, GDPR, TOMAS, NOW));
    }

    @Test
    void a_subject_is_erased_once_and_an_organisation_or_a_stranger_never() {
        fixture.given(caseOpened(), new ComplainantAdded(CASE_ID, ALEX.onCase(CASE_ID)),
                        new DataSubjectErased(CASE_ID, "cmp-alex", ALEX_SUBJECT, GDPR, TOMAS, NOW))
                .when(new EraseDataSubject(CASE_ID, "cmp-alex", GDPR, TOMAS))
                .expectException(conflict())
                .expectNoEvents();
        fixture.given(caseOpened())
                .when(new EraseDataSubject(CASE_ID, CONSUMER_GROUP.complainantId(), GDPR, TOMAS))
                .expectException(unprocessable())
                .expectNoEvents();
        fixture.given(caseOpened())
                .when(new EraseDataSubject(CASE_ID, "cmp-nobody", GDPR, TOMAS))
                .expectException(unprocessable())
                .expectNoEvents();
        fixture.given(caseOpened(), new ComplainantAdded(CASE_ID, ALEX.onCase(CASE_ID)))
                .when(new EraseDataSubject(CASE_ID, "cmp-alex", " ", TOMAS))
                .expectException(unprocessable())
                .expectNoEvents();
    }

    @Test
    void a_person_the_case_names_is_a_data_subject_whom_texts_name_and_who_can_be_erased() {
        NamedPerson witness = new NamedPerson("P-0000000a", "Jonah Pettigrew", "witness", null);
        NamedPerson named = witness.onCase(CASE_ID);
        assertThat(named.dataSubject()).isEqualTo(CASE_ID + "/P-0000000a");
        fixture.given(caseOpened())
                .when(new NamePerson(CASE_ID, witness))
                .expectEvents(new PersonNamed(CASE_ID, named));
        fixture.given(caseOpened(), new PersonNamed(CASE_ID, named))
                .when(new NamePerson(CASE_ID, witness))
                .expectException(conflict())
                .expectNoEvents();
        fixture.given(caseOpened(), new PersonNamed(CASE_ID, named))
                .when(new AddCaseNote(CASE_ID, "note-4", "Pettigrew saw the training logs", IRIS))
                .expectEvents(new CaseNoteAdded(CASE_ID, "note-4", "Pettigrew saw the training logs", IRIS, NOW,
                        List.of(named.dataSubject())));
        fixture.given(caseOpened(), new PersonNamed(CASE_ID, named))
                .when(new EraseDataSubject(CASE_ID, "P-0000000a", GDPR, TOMAS))
                .expectEvents(new DataSubjectErased(CASE_ID, "P-0000000a", named.dataSubject(), GDPR, TOMAS, NOW));
        fixture.given(caseOpened())
                .when(new NamePerson(CASE_ID, new NamedPerson("P-0000000b", " ", "witness", null)))
                .expectException(unprocessable())
                .expectNoEvents();
    }

    @Test
    void after_the_erasure_the_case_knows_the_name_no_more_and_texts_name_no_one() {
        fixture.given(caseOpened(), new ComplainantAdded(CASE_ID, ALEX.onCase(CASE_ID)),
                        new DataSubjectErased(CASE_ID, "cmp-alex", ALEX_SUBJECT, GDPR, TOMAS, NOW))
                .when(new AddCaseNote(CASE_ID, "note-3", "Alex Marlowe's file is closed", IRIS))
                .expectEvents(new CaseNoteAdded(CASE_ID, "note-3", "Alex Marlowe's file is closed", IRIS, NOW,
                        List.of()));
        assertThat(new Complainant("c", Complainant.Kind.PERSON, "Alex", null).erased().name())
                .isEqualTo(PersonalData.ERASED);
    }
}
