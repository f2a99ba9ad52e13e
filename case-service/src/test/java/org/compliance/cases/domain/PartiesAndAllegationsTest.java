package org.compliance.cases.domain;

import static org.compliance.cases.domain.CaseFixtures.ALEX;
import static org.compliance.cases.domain.CaseFixtures.CASE_ID;
import static org.compliance.cases.domain.CaseFixtures.CONSUMER_GROUP;
import static org.compliance.cases.domain.CaseFixtures.CONTOSO;
import static org.compliance.cases.domain.CaseFixtures.NO_DPIA;
import static org.compliance.cases.domain.CaseFixtures.OPAQUE_PRIVACY_NOTICE;
import static org.compliance.cases.domain.CaseFixtures.TODAY;
import static org.compliance.cases.domain.CaseFixtures.TRAINING_WITHOUT_BASIS;
import static org.compliance.cases.domain.CaseFixtures.caseOpened;
import static org.compliance.testing.RuleViolations.conflict;
import static org.compliance.cases.domain.CaseFixtures.historyAt;
import static org.compliance.testing.RuleViolations.unprocessable;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.compliance.api.cases.AddAllegation;
import org.compliance.api.cases.AddComplainant;
import org.compliance.api.cases.AddRespondent;
import org.compliance.api.cases.Allegation;
import org.compliance.api.cases.AllegationAdded;
import org.compliance.api.cases.AllegationAmended;
import org.compliance.api.cases.AllegationWithdrawn;
import org.compliance.api.cases.AmendAllegation;
import org.compliance.api.cases.CaseReopened;
import org.compliance.api.cases.CaseStatus;
import org.compliance.api.cases.Complainant;
import org.compliance.api.cases.ComplainantAdded;
import org.compliance.api.cases.ComplainantWithdrawn;
import org.compliance.api.cases.Respondent;
import org.compliance.api.cases.RespondentAdded;
import org.compliance.api.cases.RespondentWithdrawn;
import org.compliance.api.cases.WithdrawAllegation;
import org.compliance.api.cases.WithdrawComplainant;
import org.compliance.api.cases.WithdrawRespondent;
import org.compliance.platform.domain.RuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PartiesAndAllegationsTest {

    private AggregateTestFixture<InvestigationCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = CaseFixtures.fixture();
    }

    // ---- respondents ---------------------------------------------------------------------------------

    @Test
    void another_organisation_can_be_added_as_respondent() {
        fixture.given(caseOpened())
                .when(new AddRespondent(CASE_ID, CONTOSO))
                .expectEvents(new RespondentAdded(CASE_ID, CONTOSO));
    }

    @Test
    void an_organisation_already_respondent_cannot_be_added_again() {
        fixture.given(caseOpened())
                .when(new AddRespondent(CASE_ID, new Respondent("northwind-cloud",
                        "Northwind Cloud Limited")))
                .expectException(RuleViolation.class)
                .expectException(conflict())
                .expectExceptionMessage("Northwind Cloud Limited is already a respondent")
                .expectNoEvents();
    }

    @Test
    void a_respondent_needs_its_organisation_alias_and_its_name() {
        fixture.given(caseOpened())
                .when(new AddRespondent(CASE_ID, new Respondent(" ", "Contoso Models plc")))
                .expectException(unprocessable())
                .expectExceptionMessage("A respondent needs its organisation")
                .expectNoEvents();
        CaseFixtures.fixture().given(caseOpened())
                .when(new AddRespondent(CASE_ID, new Respondent("contoso-models", null)))
                .expectException(unprocessable())
                .expectExceptionMessage("A respondent needs a name")
                .expectNoEvents();
    }

    @Test
    void a_respondent_can_be_withdrawn_while_another_remains_and_the_reason_is_stripped() {
        fixture.given(caseOpened(), new RespondentAdded(CASE_ID, CONTOSO))
                .when(new WithdrawRespondent(CASE_ID, "northwind-cloud", "  Not the controller of the data  "))
                .expectEvents(new RespondentWithdrawn(CASE_ID, "northwind-cloud", "Not the controller of the data"));
    }

    @Test
    void withdrawing_an_organisation_that_is_not_a_respondent_is_refused() {
        fixture.given(caseOpened())
                .when(new WithdrawRespondent(CASE_ID, "contoso-models", "Named by mistake"))
                .expectException(RuleViolation.class)
                .expectException(unprocessable())
                .expectExceptionMessage("'contoso-models' is not a respondent of this case")
                .expectNoEvents();
    }

    @Test
    void a_withdrawn_respondent_cannot_be_withdrawn_again() {
        fixture.given(caseOpened(), new RespondentAdded(CASE_ID, CONTOSO),
                        new RespondentWithdrawn(CASE_ID, "contoso-models", "Named by mistake"))
                .when(new WithdrawRespondent(CASE_ID, "contoso-models", "Named by mistake"))
                .expectException(unprocessable())
                .expectExceptionMessage("'contoso-models' is not a respondent of this case")
                .expectNoEvents();
    }

    @Test
    void a_withdrawn_respondent_can_be_added_again() {
        fixture.given(caseOpened(), new RespondentAdded(CASE_ID, CONTOSO),
                        new RespondentWithdrawn(CASE_ID, "contoso-models", "Named by mistake"))
                .when(new AddRespondent(CASE_ID, CONTOSO))
                .expectEvents(new RespondentAdded(CASE_ID, CONTOSO));
    }

    @Test
    void the_last_respondent_cannot_be_withdrawn() {
        fixture.given(caseOpened())
                .when(new WithdrawRespondent(CASE_ID, "northwind-cloud", "Not the controller of the data"))
                .expectException(RuleViolation.class)
                .expectException(conflict())
                .expectExceptionMessage("The last respondent cannot be withdrawn; close the case with a decision "
                        + "or a referral instead")
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void withdrawing_a_respondent_needs_a_reason(String reason) {
        fixture.given(caseOpened(), new RespondentAdded(CASE_ID, CONTOSO))
                .when(new WithdrawRespondent(CASE_ID, "contoso-models", reason))
                .expectException(unprocessable())
                .expectExceptionMessage("Withdrawing a respondent needs a reason")
                .expectNoEvents();
    }

    // ---- complainants --------------------------------------------------------------------------------

    @Test
    void a_person_can_be_added_as_complainant() {
        fixture.given(caseOpened())
                .when(new AddComplainant(CASE_ID, ALEX))
                .expectEvents(new ComplainantAdded(CASE_ID, ALEX.onCase(CASE_ID)));
    }

    @Test
    void an_organisation_can_be_added_as_complainant_with_its_organisation_alias() {
        Complainant contoso = new Complainant("cmp-contoso", Complainant.Kind.ORGANISATION, "Contoso Models plc",
                "contoso-models");
        fixture.given(caseOpened())
                .when(new AddComplainant(CASE_ID, contoso))
                .expectEvents(new ComplainantAdded(CASE_ID, contoso));
    }

    @Test
    void a_person_complaining_cannot_carry_an_organisation_alias() {
        fixture.given(caseOpened())
                .when(new AddComplainant(CASE_ID, new Complainant("cmp-alex", Complainant.Kind.PERSON, "Alex Marlowe",
                        "northwind-cloud")))
                .expectException(RuleViolation.class)
                .expectException(unprocessable())
                .expectExceptionMessage("A person complaining has no organisation alias")
                .expectNoEvents();
    }

    @Test
    void a_complainant_must_be_an_organisation_or_a_person() {
        fixture.given(caseOpened())
                .when(new AddComplainant(CASE_ID, null))
                .expectException(unprocessable())
                .expectExceptionMessage("A complainant is an organisation or a person")
                .expectNoEvents();
        CaseFixtures.fixture().given(caseOpened())
                .when(new AddComplainant(CASE_ID, new Complainant("cmp-x", null, "Someone", null)))
                .expectException(unprocessable())
                .expectExceptionMessage("A complainant is an organisation or a person")
                .expectNoEvents();
    }

    @Test
    void a_complainant_needs_an_id_and_a_name() {
        fixture.given(caseOpened())
                .when(new AddComplainant(CASE_ID, new Complainant("", Complainant.Kind.PERSON, "Alex Marlowe", null)))
                .expectException(unprocessable())
                .expectExceptionMessage("A complainant needs an id")
                .expectNoEvents();
        CaseFixtures.fixture().given(caseOpened())
                .when(new AddComplainant(CASE_ID, new Complainant("cmp-alex", Complainant.Kind.PERSON, " ", null)))
                .expectException(unprocessable())
                .expectExceptionMessage("A complainant needs a name")
                .expectNoEvents();
    }

    @Test
    void a_complainant_already_on_the_case_cannot_be_added_again() {
        fixture.given(caseOpened())
                .when(new AddComplainant(CASE_ID, CONSUMER_GROUP))
                .expectException(conflict())
                .expectExceptionMessage("Complainant cmp-consumers is already on the case")
                .expectNoEvents();
    }

    @Test
    void a_complainant_can_be_withdrawn_even_the_only_one() {
        fixture.given(caseOpened())
                .when(new WithdrawComplainant(CASE_ID, "cmp-consumers", "  Complaint withdrawn by letter  "))
                .expectEvents(new ComplainantWithdrawn(CASE_ID, "cmp-consumers", "Complaint withdrawn by letter"));
    }

    @Test
    void withdrawing_someone_who_is_not_a_complainant_is_refused() {
        fixture.given(caseOpened())
                .when(new WithdrawComplainant(CASE_ID, "cmp-alex", "Never complained"))
                .expectException(unprocessable())
                .expectExceptionMessage("'cmp-alex' is not a complainant of this case")
                .expectNoEvents();
    }

    @Test
    void withdrawing_a_complainant_needs_a_reason() {
        fixture.given(caseOpened())
                .when(new WithdrawComplainant(CASE_ID, "cmp-consumers", null))
                .expectException(unprocessable())
                .expectExceptionMessage("Withdrawing a complainant needs a reason")
                .expectNoEvents();
    }

    // ---- allegations ---------------------------------------------------------------------------------

    @Test
    void an_allegation_can_be_added() {
        fixture.given(caseOpened())
                .when(new AddAllegation(CASE_ID, NO_DPIA))
                .expectEvents(new AllegationAdded(CASE_ID, NO_DPIA));
    }

    @Test
    void an_allegation_whose_id_is_in_use_cannot_be_added() {
        fixture.given(caseOpened())
                .when(new AddAllegation(CASE_ID, new Allegation("alg-1", "UK GDPR Art. 35", "Something else", null,
                        null)))
                .expectException(conflict())
                .expectExceptionMessage("Allegation alg-1 already exists")
                .expectNoEvents();
    }

    @Test
    void the_id_of_a_withdrawn_allegation_cannot_be_used_again() {
        fixture.given(caseOpened(), new AllegationWithdrawn(CASE_ID, "alg-2", "Notice was adequate"))
                .when(new AddAllegation(CASE_ID, OPAQUE_PRIVACY_NOTICE))
                .expectException(conflict())
                .expectExceptionMessage("Allegation alg-2 already exists")
                .expectNoEvents();
    }

    @Test
    void an_added_allegation_is_checked_like_one_at_opening() {
        fixture.given(caseOpened())
                .when(new AddAllegation(CASE_ID, null))
                .expectException(unprocessable())
                .expectExceptionMessage("An allegation is missing")
                .expectNoEvents();
        CaseFixtures.fixture().given(caseOpened())
                .when(new AddAllegation(CASE_ID, new Allegation("alg-3", " ", "Conduct", null, null)))
                .expectException(unprocessable())
                .expectExceptionMessage("An allegation needs its legal basis, e.g. \"UK GDPR Art. 6(1)\"")
                .expectNoEvents();
        CaseFixtures.fixture().given(caseOpened())
                .when(new AddAllegation(CASE_ID, new Allegation("alg-3", "UK GDPR Art. 35", "Conduct",
                        TODAY.plusDays(1), null)))
                .expectException(unprocessable())
                .expectExceptionMessage("The conduct of allegation alg-3 cannot begin in the future")
                .expectNoEvents();
        CaseFixtures.fixture().given(caseOpened())
                .when(new AddAllegation(CASE_ID, new Allegation("alg-3", "UK GDPR Art. 35", "Conduct",
                        LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 31))))
                .expectException(unprocessable())
                .expectExceptionMessage("The conduct of allegation alg-3 cannot end (2025-01-31) before it began "
                        + "(2025-02-01)")
                .expectNoEvents();
    }

    @Test
    void an_allegation_can_be_amended() {
        Allegation amended = new Allegation("alg-1", "UK GDPR Art. 6(1)(a)",
                "Browsing and purchase data used to train language models without consent",
                LocalDate.of(2025, 2, 1), LocalDate.of(2026, 6, 30));
        fixture.given(caseOpened())
                .when(new AmendAllegation(CASE_ID, amended))
                .expectEvents(new AllegationAmended(CASE_ID, amended));
    }

    @Test
    void an_amendment_that_changes_nothing_is_refused() {
        fixture.given(caseOpened())
                .when(new AmendAllegation(CASE_ID, TRAINING_WITHOUT_BASIS))
                .expectException(unprocessable())
                .expectExceptionMessage("The amendment changes nothing in allegation alg-1")
                .expectNoEvents();
    }

    @Test
    void an_amendment_that_repeats_the_previous_amendment_changes_nothing() {
        Allegation amended = new Allegation("alg-1", "UK GDPR Art. 6(1)(a)", "Consent was never asked", null, null);
        fixture.given(caseOpened(), new AllegationAmended(CASE_ID, amended))
                .when(new AmendAllegation(CASE_ID, amended))
                .expectException(unprocessable())
                .expectExceptionMessage("The amendment changes nothing in allegation alg-1")
                .expectNoEvents();
    }

    @Test
    void an_allegation_the_case_does_not_have_cannot_be_amended() {
        fixture.given(caseOpened())
                .when(new AmendAllegation(CASE_ID, NO_DPIA))
                .expectException(unprocessable())
                .expectExceptionMessage("The case has no allegation alg-3")
                .expectNoEvents();
    }

    @Test
    void a_withdrawn_allegation_cannot_be_amended() {
        fixture.given(caseOpened(), new AllegationWithdrawn(CASE_ID, "alg-2", "Notice was adequate"))
                .when(new AmendAllegation(CASE_ID, new Allegation("alg-2", "UK GDPR Art. 14", "Changed", null, null)))
                .expectException(RuleViolation.class)
                .expectException(conflict())
                .expectExceptionMessage("Allegation alg-2 was withdrawn and can no longer be amended")
                .expectNoEvents();
    }

    @Test
    void an_amendment_is_checked_like_an_allegation_at_opening() {
        fixture.given(caseOpened())
                .when(new AmendAllegation(CASE_ID, new Allegation("alg-1", "UK GDPR Art. 6(1)", "Conduct",
                        TODAY.plusDays(7), null)))
                .expectException(unprocessable())
                .expectExceptionMessage("The conduct of allegation alg-1 cannot begin in the future")
                .expectNoEvents();
        CaseFixtures.fixture().given(caseOpened())
                .when(new AmendAllegation(CASE_ID, new Allegation("alg-1", "UK GDPR Art. 6(1)", "", null, null)))
                .expectException(unprocessable())
                .expectExceptionMessage("An allegation needs a description of the conduct")
                .expectNoEvents();
    }

    @Test
    void an_allegation_can_be_withdrawn_while_another_remains_and_the_reason_is_stripped() {
        fixture.given(caseOpened())
                .when(new WithdrawAllegation(CASE_ID, "alg-2", " The notice was adequate "))
                .expectEvents(new AllegationWithdrawn(CASE_ID, "alg-2", "The notice was adequate"));
    }

    @Test
    void an_allegation_cannot_be_withdrawn_twice() {
        fixture.given(caseOpened(), new AllegationAdded(CASE_ID, NO_DPIA),
                        new AllegationWithdrawn(CASE_ID, "alg-2", "Notice was adequate"))
                .when(new WithdrawAllegation(CASE_ID, "alg-2", "Notice was adequate"))
                .expectException(conflict())
                .expectExceptionMessage("Allegation alg-2 is already withdrawn")
                .expectNoEvents();
    }

    @Test
    void an_allegation_the_case_does_not_have_cannot_be_withdrawn() {
        fixture.given(caseOpened())
                .when(new WithdrawAllegation(CASE_ID, "alg-9", "Never made"))
                .expectException(unprocessable())
                .expectExceptionMessage("The case has no allegation alg-9")
                .expectNoEvents();
    }

    @Test
    void the_last_allegation_cannot_be_withdrawn() {
        fixture.given(caseOpened(), new AllegationWithdrawn(CASE_ID, "alg-2", "Notice was adequate"))
                .when(new WithdrawAllegation(CASE_ID, "alg-1", "Not made out"))
                .expectException(RuleViolation.class)
                .expectException(conflict())
                .expectExceptionMessage("The last allegation cannot be withdrawn; decide no further action instead")
                .expectNoEvents();
    }

    @Test
    void withdrawing_an_allegation_needs_a_reason() {
        fixture.given(caseOpened())
                .when(new WithdrawAllegation(CASE_ID, "alg-2", "\t"))
                .expectException(unprocessable())
                .expectExceptionMessage("Withdrawing an allegation needs a reason")
                .expectNoEvents();
    }

    // ---- a closed case -------------------------------------------------------------------------------

    static Stream<Arguments> changes_to_parties_and_allegations() {
        return Stream.of(
                Arguments.of(new AddRespondent(CASE_ID, CONTOSO),
                        "Cannot add a respondent to a closed case; reopen it first"),
                Arguments.of(new WithdrawRespondent(CASE_ID, "northwind-cloud", "Wrong company"),
                        "Cannot withdraw a respondent from a closed case; reopen it first"),
                Arguments.of(new AddComplainant(CASE_ID, ALEX),
                        "Cannot add a complainant to a closed case; reopen it first"),
                Arguments.of(new WithdrawComplainant(CASE_ID, "cmp-consumers", "Withdrawn"),
                        "Cannot withdraw a complainant from a closed case; reopen it first"),
                Arguments.of(new AddAllegation(CASE_ID, NO_DPIA),
                        "Cannot add an allegation to a closed case; reopen it first"),
                Arguments.of(new AmendAllegation(CASE_ID, new Allegation("alg-1", "UK GDPR Art. 6(1)", "Amended",
                                null, null)),
                        "Cannot amend an allegation of a closed case; reopen it first"),
                Arguments.of(new WithdrawAllegation(CASE_ID, "alg-2", "Not made out"),
                        "Cannot withdraw an allegation of a closed case; reopen it first"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes_to_parties_and_allegations")
    void a_closed_case_refuses_changes_to_its_parties_and_allegations(Object command, String message) {
        fixture.given(historyAt(CaseStatus.CLOSED))
                .when(command)
                .expectException(RuleViolation.class)
                .expectException(conflict())
                .expectExceptionMessage(message)
                .expectNoEvents();
    }

    @Test
    void a_reopened_case_accepts_changes_again() {
        fixture.given(historyAt(CaseStatus.CLOSED, new CaseReopened(CASE_ID, "New evidence from a whistleblower")))
                .when(new AddRespondent(CASE_ID, CONTOSO))
                .expectEvents(new RespondentAdded(CASE_ID, CONTOSO));
    }

    @ParameterizedTest
    @EnumSource(value = CaseStatus.class, names = "CLOSED", mode = EnumSource.Mode.EXCLUDE)
    void a_case_that_is_not_closed_accepts_changes_to_its_parties_whatever_its_status(CaseStatus status) {
        fixture.given(historyAt(status))
                .when(new AddRespondent(CASE_ID, CONTOSO))
                .expectEvents(new RespondentAdded(CASE_ID, CONTOSO));
    }
}
