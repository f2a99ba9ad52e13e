package org.compliance.cases.domain;

import static org.compliance.cases.domain.CaseFixtures.ALEX;
import static org.compliance.cases.domain.CaseFixtures.CASE_ID;
import static org.compliance.cases.domain.CaseFixtures.CMA;
import static org.compliance.cases.domain.CaseFixtures.CONSUMER_GROUP;
import static org.compliance.cases.domain.CaseFixtures.CONTOSO;
import static org.compliance.cases.domain.CaseFixtures.ICO;
import static org.compliance.cases.domain.CaseFixtures.IRIS;
import static org.compliance.cases.domain.CaseFixtures.LEGAL_BASES;
import static org.compliance.cases.domain.CaseFixtures.NORTHWIND;
import static org.compliance.cases.domain.CaseFixtures.NOW;
import static org.compliance.cases.domain.CaseFixtures.OPAQUE_PRIVACY_NOTICE;
import static org.compliance.cases.domain.CaseFixtures.SUMMARY;
import static org.compliance.cases.domain.CaseFixtures.TITLE;
import static org.compliance.cases.domain.CaseFixtures.TODAY;
import static org.compliance.cases.domain.CaseFixtures.TRAINING_WITHOUT_BASIS;
import static org.compliance.cases.domain.CaseFixtures.anOpenCase;
import static org.compliance.testing.RuleViolations.unprocessable;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.compliance.api.cases.Allegation;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.Complainant;
import org.compliance.api.cases.Confidentiality;
import org.compliance.api.cases.OpenCase;
import org.compliance.api.cases.Priority;
import org.compliance.api.cases.Respondent;
import org.compliance.api.shared.StaffMember;
import org.compliance.platform.domain.RuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OpeningCaseTest {

    private AggregateTestFixture<InvestigationCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = CaseFixtures.fixture();
    }

    /** Each refusal on a fresh fixture, so that one test can try several ways of getting it wrong. */
    private static void refused(OpenCase command, String message) {
        CaseFixtures.fixture().givenNoPriorActivity()
                .when(command)
                .expectException(RuleViolation.class)
                .expectException(unprocessable())
                .expectExceptionMessage(message)
                .expectNoEvents();
    }

    // ---- what opening records ------------------------------------------------------------------------

    @Test
    void opening_a_case_records_everything_it_was_opened_with_at_the_current_time() {
        fixture.givenNoPriorActivity()
                .when(anOpenCase().build())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CaseOpened(CASE_ID, TITLE, SUMMARY, ICO, LEGAL_BASES, Priority.HIGH,
                        Confidentiality.RESTRICTED, List.of(NORTHWIND), List.of(CONSUMER_GROUP),
                        List.of(TRAINING_WITHOUT_BASIS, OPAQUE_PRIVACY_NOTICE), IRIS, NOW));
    }

    @Test
    void the_title_and_summary_are_recorded_without_surrounding_blanks() {
        fixture.givenNoPriorActivity()
                .when(anOpenCase().title("  " + TITLE + "\n").summary("\t" + SUMMARY + "  ").build())
                .expectEvents(new CaseOpened(CASE_ID, TITLE, SUMMARY, ICO, LEGAL_BASES, Priority.HIGH,
                        Confidentiality.RESTRICTED, List.of(NORTHWIND), List.of(CONSUMER_GROUP),
                        List.of(TRAINING_WITHOUT_BASIS, OPAQUE_PRIVACY_NOTICE), IRIS, NOW));
    }

    @Test
    void priority_defaults_to_normal_and_confidentiality_to_standard() {
        fixture.givenNoPriorActivity()
                .when(anOpenCase().priority(null).confidentiality(null).build())
                .expectEvents(new CaseOpened(CASE_ID, TITLE, SUMMARY, ICO, LEGAL_BASES, Priority.NORMAL,
                        Confidentiality.STANDARD, List.of(NORTHWIND), List.of(CONSUMER_GROUP),
                        List.of(TRAINING_WITHOUT_BASIS, OPAQUE_PRIVACY_NOTICE), IRIS, NOW));
    }

    @Test
    void a_case_may_be_opened_without_complainants() {
        fixture.givenNoPriorActivity()
                .when(anOpenCase().complainants(null).build())
                .expectEvents(new CaseOpened(CASE_ID, TITLE, SUMMARY, ICO, LEGAL_BASES, Priority.HIGH,
                        Confidentiality.RESTRICTED, List.of(NORTHWIND), List.of(),
                        List.of(TRAINING_WITHOUT_BASIS, OPAQUE_PRIVACY_NOTICE), IRIS, NOW));
    }

    @Test
    void a_case_may_name_several_respondents_and_complainants() {
        fixture.givenNoPriorActivity()
                .when(anOpenCase().respondents(List.of(NORTHWIND, CONTOSO))
                        .complainants(List.of(CONSUMER_GROUP, ALEX)).build())
                .expectEvents(new CaseOpened(CASE_ID, TITLE, SUMMARY, ICO, LEGAL_BASES, Priority.HIGH,
                        Confidentiality.RESTRICTED, List.of(NORTHWIND, CONTOSO), List.of(CONSUMER_GROUP, ALEX.onCase(CASE_ID)),
                        List.of(TRAINING_WITHOUT_BASIS, OPAQUE_PRIVACY_NOTICE), IRIS, NOW));
    }

    // ---- title, summary, authority, legal bases ------------------------------------------------------

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void a_case_needs_a_title(String title) {
        refused(anOpenCase().title(title).build(), "A case needs a title");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void a_case_needs_a_summary(String summary) {
        refused(anOpenCase().summary(summary).build(), "A case needs a summary");
    }

    @Test
    void a_case_run_by_an_authority_not_configured_here_is_refused() {
        refused(anOpenCase().authority("Office of Imaginary Affairs").build(),
                "Unknown authority 'Office of Imaginary Affairs'; cases are run by one of "
                        + "[Information Commissioner's Office, Competition and Markets Authority]");
    }

    @Test
    void a_case_without_authority_is_refused() {
        refused(anOpenCase().authority(null).build(),
                "Unknown authority 'null'; cases are run by one of "
                        + "[Information Commissioner's Office, Competition and Markets Authority]");
    }

    @Test
    void the_authority_must_be_named_exactly_as_configured() {
        refused(anOpenCase().authority("information commissioner's office").build(),
                "Unknown authority 'information commissioner's office'; cases are run by one of "
                        + "[Information Commissioner's Office, Competition and Markets Authority]");
    }

    @Test
    void any_configured_authority_may_run_a_case() {
        fixture.givenNoPriorActivity()
                .when(anOpenCase().authority(CMA).build())
                .expectEvents(new CaseOpened(CASE_ID, TITLE, SUMMARY, CMA, LEGAL_BASES, Priority.HIGH,
                        Confidentiality.RESTRICTED, List.of(NORTHWIND), List.of(CONSUMER_GROUP),
                        List.of(TRAINING_WITHOUT_BASIS, OPAQUE_PRIVACY_NOTICE), IRIS, NOW));
    }

    @Test
    void a_case_without_legal_bases_is_refused() {
        refused(anOpenCase().legalBases(null).build(),
                "A case needs at least one legal basis, none of them blank");
        refused(anOpenCase().legalBases(List.of()).build(),
                "A case needs at least one legal basis, none of them blank");
    }

    @Test
    void a_blank_legal_basis_is_refused() {
        refused(anOpenCase().legalBases(List.of("UK GDPR Art. 6(1)", "  ")).build(),
                "A case needs at least one legal basis, none of them blank");
        refused(anOpenCase().legalBases(Arrays.asList("UK GDPR Art. 6(1)", null)).build(),
                "A case needs at least one legal basis, none of them blank");
    }

    // ---- respondents and complainants ----------------------------------------------------------------

    @Test
    void a_case_without_respondent_is_refused() {
        refused(anOpenCase().respondents(null).build(), "A case needs at least one respondent organisation");
        refused(anOpenCase().respondents(List.of()).build(), "A case needs at least one respondent organisation");
    }

    @Test
    void the_same_respondent_organisation_named_twice_is_refused() {
        refused(anOpenCase().respondents(List.of(NORTHWIND, CONTOSO,
                        new Respondent("northwind-cloud", "Northwind Cloud Limited"))).build(),
                "A respondent organisation is named twice");
    }

    @Test
    void the_same_complainant_named_twice_is_refused() {
        refused(anOpenCase().complainants(List.of(CONSUMER_GROUP, ALEX, CONSUMER_GROUP)).build(),
                "A complainant is named twice");
    }

    @Test
    void a_person_complaining_cannot_carry_an_organisation_alias() {
        refused(anOpenCase().complainants(List.of(
                        new Complainant("cmp-alex", Complainant.Kind.PERSON, "Alex Marlowe", "contoso-models"))).build(),
                "A person complaining has no organisation alias");
    }

    @Test
    void an_organisation_complaining_may_carry_its_organisation_alias() {
        Complainant contosoComplains = new Complainant("cmp-contoso", Complainant.Kind.ORGANISATION,
                "Contoso Models plc", "contoso-models");
        fixture.givenNoPriorActivity()
                .when(anOpenCase().complainants(List.of(contosoComplains)).build())
                .expectEvents(new CaseOpened(CASE_ID, TITLE, SUMMARY, ICO, LEGAL_BASES, Priority.HIGH,
                        Confidentiality.RESTRICTED, List.of(NORTHWIND), List.of(contosoComplains),
                        List.of(TRAINING_WITHOUT_BASIS, OPAQUE_PRIVACY_NOTICE), IRIS, NOW));
    }

    @Test
    void a_complainant_is_an_organisation_or_a_person() {
        refused(anOpenCase().complainants(List.of(new Complainant("cmp-x", null, "Someone", null))).build(),
                "A complainant is an organisation or a person");
    }

    @Test
    void a_complainant_needs_an_id_and_a_name() {
        refused(anOpenCase().complainants(List.of(new Complainant(" ", Complainant.Kind.PERSON, "Alex Marlowe", null)))
                .build(), "A complainant needs an id");
        refused(anOpenCase().complainants(List.of(new Complainant("cmp-alex", Complainant.Kind.PERSON, "", null)))
                .build(), "A complainant needs a name");
    }

    // ---- allegations ---------------------------------------------------------------------------------

    @Test
    void a_case_without_allegation_is_refused() {
        refused(anOpenCase().allegations(null).build(), "A case needs at least one allegation");
        refused(anOpenCase().allegations(List.of()).build(), "A case needs at least one allegation");
    }

    @Test
    void the_same_allegation_id_used_twice_is_refused() {
        Allegation sameId = new Allegation("alg-1", "UK GDPR Art. 13", "Something else", null, null);
        refused(anOpenCase().allegations(List.of(TRAINING_WITHOUT_BASIS, sameId)).build(),
                "An allegation id is used twice");
    }

    @Test
    void an_allegation_needs_an_id_a_legal_basis_and_a_description() {
        refused(anOpenCase().allegations(List.of(new Allegation(" ", "UK GDPR Art. 6(1)", "Conduct", null, null)))
                .build(), "An allegation needs an id");
        refused(anOpenCase().allegations(List.of(new Allegation("alg-9", null, "Conduct", null, null)))
                .build(), "An allegation needs its legal basis, e.g. \"UK GDPR Art. 6(1)\"");
        refused(anOpenCase().allegations(List.of(new Allegation("alg-9", "UK GDPR Art. 6(1)", "  ", null, null)))
                .build(), "An allegation needs a description of the conduct");
    }

    @Test
    void conduct_cannot_end_before_it_began() {
        Allegation backwards = new Allegation("alg-9", "UK GDPR Art. 6(1)", "Conduct",
                LocalDate.of(2025, 6, 1), LocalDate.of(2025, 1, 1));
        refused(anOpenCase().allegations(List.of(TRAINING_WITHOUT_BASIS, backwards)).build(),
                "The conduct of allegation alg-9 cannot end (2025-01-01) before it began (2025-06-01)");
    }

    @Test
    void conduct_cannot_begin_in_the_future() {
        Allegation tomorrow = new Allegation("alg-9", "UK GDPR Art. 6(1)", "Conduct", TODAY.plusDays(1), null);
        refused(anOpenCase().allegations(List.of(tomorrow)).build(),
                "The conduct of allegation alg-9 cannot begin in the future");
    }

    @Test
    void conduct_may_begin_and_end_today_and_either_end_may_be_unknown() {
        Allegation today = new Allegation("alg-7", "UK GDPR Art. 6(1)", "Conduct today", TODAY, TODAY);
        Allegation unknownStart = new Allegation("alg-8", "UK GDPR Art. 6(1)", "Conduct", null, TODAY.minusDays(3));
        Allegation undated = new Allegation("alg-9", "UK GDPR Art. 6(1)", "Conduct", null, null);
        fixture.givenNoPriorActivity()
                .when(anOpenCase().allegations(List.of(today, unknownStart, undated)).build())
                .expectEvents(new CaseOpened(CASE_ID, TITLE, SUMMARY, ICO, LEGAL_BASES, Priority.HIGH,
                        Confidentiality.RESTRICTED, List.of(NORTHWIND), List.of(CONSUMER_GROUP),
                        List.of(today, unknownStart, undated), IRIS, NOW));
    }

    // ---- lead investigator ---------------------------------------------------------------------------

    @Test
    void a_case_needs_a_lead_investigator_named_by_user_id_and_name() {
        refused(anOpenCase().lead(null).build(), "A member of staff is named by user id and name");
        refused(anOpenCase().lead(new StaffMember(" ", "Iris Okonkwo-Hale")).build(),
                "A member of staff is named by user id and name");
        refused(anOpenCase().lead(new StaffMember("u-iris", null)).build(),
                "A member of staff is named by user id and name");
    }
}
