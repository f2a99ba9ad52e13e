package org.compliance.cases.domain;

import static org.compliance.cases.domain.CaseFixtures.CASE_ID;
import static org.compliance.cases.domain.CaseFixtures.IRIS;
import static org.compliance.cases.domain.CaseFixtures.PRIYA;
import static org.compliance.cases.domain.CaseFixtures.TOMAS;
import static org.compliance.cases.domain.CaseFixtures.caseOpened;
import static org.compliance.testing.RuleViolations.conflict;
import static org.compliance.cases.domain.CaseFixtures.historyAt;
import static org.compliance.testing.RuleViolations.unprocessable;

import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.compliance.api.cases.AddTeamMember;
import org.compliance.api.cases.AssignLeadInvestigator;
import org.compliance.api.cases.CaseStatus;
import org.compliance.api.cases.LeadInvestigatorAssigned;
import org.compliance.api.cases.RemoveTeamMember;
import org.compliance.api.cases.TeamMemberAdded;
import org.compliance.api.cases.TeamMemberRemoved;
import org.compliance.api.shared.StaffMember;
import org.compliance.platform.domain.RuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PeopleTest {

    private AggregateTestFixture<InvestigationCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = CaseFixtures.fixture();
    }

    // ---- lead investigator ---------------------------------------------------------------------------

    @Test
    void the_case_can_be_reassigned_to_another_lead_investigator_recording_the_previous_one() {
        fixture.given(caseOpened())
                .when(new AssignLeadInvestigator(CASE_ID, TOMAS))
                .expectEvents(new LeadInvestigatorAssigned(CASE_ID, TOMAS, IRIS));
    }

    @Test
    void the_case_cannot_be_reassigned_to_its_current_lead() {
        fixture.given(caseOpened())
                .when(new AssignLeadInvestigator(CASE_ID, IRIS))
                .expectException(RuleViolation.class)
                .expectException(conflict())
                .expectExceptionMessage("Iris Okonkwo-Hale already leads this case")
                .expectNoEvents();
    }

    @Test
    void the_current_lead_is_recognised_by_user_id_not_by_name() {
        fixture.given(caseOpened())
                .when(new AssignLeadInvestigator(CASE_ID, new StaffMember("u-iris", "Iris Hale")))
                .expectException(conflict())
                .expectExceptionMessage("Iris Hale already leads this case")
                .expectNoEvents();
    }

    @Test
    void a_reassignment_records_the_lead_who_took_over_last() {
        fixture.given(caseOpened(), new LeadInvestigatorAssigned(CASE_ID, TOMAS, IRIS))
                .when(new AssignLeadInvestigator(CASE_ID, PRIYA))
                .expectEvents(new LeadInvestigatorAssigned(CASE_ID, PRIYA, TOMAS));
    }

    @Test
    void a_lead_investigator_is_named_by_user_id_and_name() {
        fixture.given(caseOpened())
                .when(new AssignLeadInvestigator(CASE_ID, new StaffMember("u-tomas", "")))
                .expectException(unprocessable())
                .expectExceptionMessage("A member of staff is named by user id and name")
                .expectNoEvents();
        CaseFixtures.fixture().given(caseOpened())
                .when(new AssignLeadInvestigator(CASE_ID, null))
                .expectException(unprocessable())
                .expectExceptionMessage("A member of staff is named by user id and name")
                .expectNoEvents();
    }

    // ---- team ----------------------------------------------------------------------------------------

    @Test
    void a_member_of_staff_can_join_the_team() {
        fixture.given(caseOpened())
                .when(new AddTeamMember(CASE_ID, PRIYA))
                .expectEvents(new TeamMemberAdded(CASE_ID, PRIYA));
    }

    @Test
    void the_lead_investigator_cannot_join_the_team() {
        fixture.given(caseOpened())
                .when(new AddTeamMember(CASE_ID, IRIS))
                .expectException(RuleViolation.class)
                .expectException(conflict())
                .expectExceptionMessage("Iris Okonkwo-Hale leads this case already")
                .expectNoEvents();
    }

    @Test
    void a_team_member_cannot_join_the_team_twice() {
        fixture.given(caseOpened(), new TeamMemberAdded(CASE_ID, PRIYA))
                .when(new AddTeamMember(CASE_ID, PRIYA))
                .expectException(RuleViolation.class)
                .expectException(conflict())
                .expectExceptionMessage("Priya Valcourt is already on the team")
                .expectNoEvents();
    }

    @Test
    void a_team_member_is_named_by_user_id_and_name() {
        fixture.given(caseOpened())
                .when(new AddTeamMember(CASE_ID, new StaffMember(null, "Priya Valcourt")))
                .expectException(unprocessable())
                .expectExceptionMessage("A member of staff is named by user id and name")
                .expectNoEvents();
    }

    @Test
    void a_team_member_can_be_removed() {
        fixture.given(caseOpened(), new TeamMemberAdded(CASE_ID, PRIYA))
                .when(new RemoveTeamMember(CASE_ID, "u-priya"))
                .expectEvents(new TeamMemberRemoved(CASE_ID, "u-priya"));
    }

    @Test
    void someone_not_on_the_team_cannot_be_removed_from_it() {
        fixture.given(caseOpened())
                .when(new RemoveTeamMember(CASE_ID, "u-priya"))
                .expectException(RuleViolation.class)
                .expectException(unprocessable())
                .expectExceptionMessage("User u-priya is not on the team of this case")
                .expectNoEvents();
    }

    @Test
    void a_removed_team_member_cannot_be_removed_again() {
        fixture.given(caseOpened(), new TeamMemberAdded(CASE_ID, PRIYA), new TeamMemberRemoved(CASE_ID, "u-priya"))
                .when(new RemoveTeamMember(CASE_ID, "u-priya"))
                .expectException(unprocessable())
                .expectExceptionMessage("User u-priya is not on the team of this case")
                .expectNoEvents();
    }

    @Test
    void the_lead_investigator_is_not_on_the_team_and_cannot_be_removed_from_it() {
        fixture.given(caseOpened())
                .when(new RemoveTeamMember(CASE_ID, "u-iris"))
                .expectException(unprocessable())
                .expectExceptionMessage("User u-iris is not on the team of this case")
                .expectNoEvents();
    }

    @Test
    void a_team_member_who_becomes_lead_leaves_the_team() {
        fixture.given(caseOpened(), new TeamMemberAdded(CASE_ID, TOMAS),
                        new LeadInvestigatorAssigned(CASE_ID, TOMAS, IRIS))
                .when(new RemoveTeamMember(CASE_ID, "u-tomas"))
                .expectException(unprocessable())
                .expectExceptionMessage("User u-tomas is not on the team of this case")
                .expectNoEvents();
    }

    @Test
    void the_new_lead_cannot_join_the_team_but_the_previous_lead_can() {
        fixture.given(caseOpened(), new LeadInvestigatorAssigned(CASE_ID, TOMAS, IRIS))
                .when(new AddTeamMember(CASE_ID, TOMAS))
                .expectException(conflict())
                .expectExceptionMessage("Tomas Brannigan leads this case already")
                .expectNoEvents();
        CaseFixtures.fixture().given(caseOpened(), new LeadInvestigatorAssigned(CASE_ID, TOMAS, IRIS))
                .when(new AddTeamMember(CASE_ID, IRIS))
                .expectEvents(new TeamMemberAdded(CASE_ID, IRIS));
    }

    // ---- a closed case -------------------------------------------------------------------------------

    static Stream<Arguments> changes_to_people() {
        return Stream.of(
                Arguments.of(new AssignLeadInvestigator(CASE_ID, TOMAS), "Cannot reassign a closed case; reopen it first"),
                Arguments.of(new AddTeamMember(CASE_ID, PRIYA),
                        "Cannot change the team of a closed case; reopen it first"),
                Arguments.of(new RemoveTeamMember(CASE_ID, "u-priya"),
                        "Cannot change the team of a closed case; reopen it first"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes_to_people")
    void a_closed_case_refuses_changes_to_its_people(Object command, String message) {
        List<Object> closedWithTeam = historyAt(CaseStatus.CLOSED);
        closedWithTeam.add(1, new TeamMemberAdded(CASE_ID, PRIYA));
        fixture.given(closedWithTeam)
                .when(command)
                .expectException(RuleViolation.class)
                .expectException(conflict())
                .expectExceptionMessage(message)
                .expectNoEvents();
    }
}
