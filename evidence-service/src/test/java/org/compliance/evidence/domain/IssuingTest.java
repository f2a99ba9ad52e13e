package org.compliance.evidence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.compliance.evidence.domain.EvidenceFixtures.CASE_ID;
import static org.compliance.evidence.domain.EvidenceFixtures.CLOSED_CASE_ID;
import static org.compliance.evidence.domain.EvidenceFixtures.CONTOSO;
import static org.compliance.evidence.domain.EvidenceFixtures.DUE;
import static org.compliance.evidence.domain.EvidenceFixtures.FABRIKAM;
import static org.compliance.evidence.domain.EvidenceFixtures.INSTRUCTIONS;
import static org.compliance.evidence.domain.EvidenceFixtures.IRIS;
import static org.compliance.evidence.domain.EvidenceFixtures.ITEMS;
import static org.compliance.evidence.domain.EvidenceFixtures.LEGAL_BASIS;
import static org.compliance.evidence.domain.EvidenceFixtures.NORTHWIND;
import static org.compliance.evidence.domain.EvidenceFixtures.NOW;
import static org.compliance.evidence.domain.EvidenceFixtures.REQUEST_ID;
import static org.compliance.evidence.domain.EvidenceFixtures.STANDARD_PERIOD;
import static org.compliance.evidence.domain.EvidenceFixtures.UNKNOWN_CASE_ID;
import static org.compliance.evidence.domain.EvidenceFixtures.anIssue;
import static org.compliance.evidence.domain.EvidenceFixtures.requestIssued;
import static org.compliance.testing.RuleViolations.conflict;
import static org.compliance.testing.RuleViolations.unprocessable;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.compliance.api.evidence.DayCount;
import org.compliance.api.evidence.EvidenceRequestIssued;
import org.compliance.api.evidence.FormalNotice;
import org.compliance.api.evidence.IssueEvidenceRequest;
import org.compliance.api.evidence.Period;
import org.compliance.api.shared.StaffMember;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issuing a request: to a respondent of an open case known to evidence-service, with a due moment ahead. */
class IssuingTest {

    private AggregateTestFixture<EvidenceRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = EvidenceFixtures.fixture();
    }

    private void refused(IssueEvidenceRequest command, String message) {
        EvidenceFixtures.fixture().givenNoPriorActivity()
                .when(command)
                .expectException(unprocessable())
                .expectExceptionMessage(message)
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Nested
    class TheCaseAndTheRespondent {

        @Test
        void a_request_to_a_respondent_of_an_open_case_is_issued() {
            fixture.givenNoPriorActivity()
                    .when(anIssue().build())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(requestIssued());
        }

        @Test
        void a_request_may_go_to_any_respondent_of_the_case() {
            fixture.givenNoPriorActivity()
                    .when(anIssue().respondent(CONTOSO).build())
                    .expectEvents(new EvidenceRequestIssued(REQUEST_ID, CASE_ID, CONTOSO, ITEMS, LEGAL_BASIS,
                            INSTRUCTIONS, DUE, "Europe/London", IRIS, NOW, STANDARD_PERIOD, List.of()));
        }

        @Test
        void a_case_unknown_to_evidence_service_takes_no_request() {
            refused(anIssue().caseId(UNKNOWN_CASE_ID).build(),
                    "No case " + UNKNOWN_CASE_ID + " is known to evidence-service");
        }

        @Test
        void a_closed_case_takes_no_request() {
            refused(anIssue().caseId(CLOSED_CASE_ID).respondent(FABRIKAM).build(),
                    "Case " + CLOSED_CASE_ID + " is closed; it takes no evidence requests");
        }

        @Test
        void a_request_goes_only_to_a_respondent_of_the_case() {
            refused(anIssue().respondent(FABRIKAM).build(), "'" + FABRIKAM + "' is not a respondent of case "
                    + CASE_ID + "; a request goes to one of [" + CONTOSO + ", " + NORTHWIND + "]");
        }

        @Test
        void a_request_names_its_respondent() {
            refused(anIssue().respondent(null).build(), "A request is addressed to one respondent organisation");
        }

        @Test
        void a_request_names_its_case() {
            refused(anIssue().caseId("  ").build(), "A request names its case");
        }
    }

    @Nested
    class WhatIsAsked {

        @Test
        void a_request_lists_at_least_one_item() {
            refused(anIssue().items(List.of()).build(), "A request lists the items requested, none of them blank");
        }

        @Test
        void a_request_without_a_list_of_items_is_refused() {
            refused(anIssue().items(null).build(), "A request lists the items requested, none of them blank");
        }

        @Test
        void no_item_may_be_blank() {
            refused(anIssue().items(List.of(ITEMS.get(0), "   ")).build(),
                    "A request lists the items requested, none of them blank");
            EvidenceFixtures.fixture().givenNoPriorActivity()
                    .when(anIssue().items(Arrays.asList(ITEMS.get(0), null)).build())
                    .expectException(unprocessable())
                    .expectNoEvents();
        }

        @Test
        void a_request_states_its_legal_basis() {
            refused(anIssue().legalBasis(" \t ").build(), "A request states its legal basis");
            EvidenceFixtures.fixture().givenNoPriorActivity()
                    .when(anIssue().legalBasis(null).build())
                    .expectException(unprocessable())
                    .expectExceptionMessage("A request states its legal basis");
        }

        @Test
        void a_request_is_issued_by_a_named_member_of_staff() {
            refused(anIssue().issuedBy(null).build(), "A member of staff is named by user id and name");
            EvidenceFixtures.fixture().givenNoPriorActivity()
                    .when(anIssue().issuedBy(new StaffMember("u-iris", " ")).build())
                    .expectException(unprocessable())
                    .expectExceptionMessage("A member of staff is named by user id and name");
            EvidenceFixtures.fixture().givenNoPriorActivity()
                    .when(anIssue().issuedBy(new StaffMember("", "Iris Okonkwo-Hale")).build())
                    .expectException(unprocessable())
                    .expectExceptionMessage("A member of staff is named by user id and name");
        }

        @Test
        void missing_instructions_are_recorded_as_empty() {
            fixture.givenNoPriorActivity()
                    .when(anIssue().instructions(null).build())
                    .expectEvents(new EvidenceRequestIssued(REQUEST_ID, CASE_ID, NORTHWIND, ITEMS, LEGAL_BASIS, "",
                            DUE, "Europe/London", IRIS, NOW, STANDARD_PERIOD, List.of()));
        }

        @Test
        void the_legal_basis_and_instructions_are_recorded_without_surrounding_blanks() {
            fixture.givenNoPriorActivity()
                    .when(anIssue().legalBasis("  " + LEGAL_BASIS + "\n").instructions(" " + INSTRUCTIONS + " ")
                            .build())
                    .expectEvents(requestIssued());
        }
    }

    @Nested
    class TheDueMoment {

        @Test
        void by_default_a_request_is_due_at_the_end_of_the_fourteenth_calendar_day_after_issue_in_london() {
            // issued Monday 2 November 2026 09:30 GMT (day 0): due Monday 16 November 23:59:59 GMT
            fixture.givenNoPriorActivity()
                    .when(anIssue().build())
                    .expectEvents(new EvidenceRequestIssued(REQUEST_ID, CASE_ID, NORTHWIND, ITEMS, LEGAL_BASIS,
                            INSTRUCTIONS, Instant.parse("2026-11-16T23:59:59Z"), "Europe/London", IRIS, NOW,
                            new Period(14, DayCount.CALENDAR, null), List.of()));
        }

        @Test
        void the_due_moment_is_recorded_with_the_zone_it_was_computed_in() {
            EvidenceRequestIssued issued = (EvidenceRequestIssued) EvidenceRules.decide(null,
                    anIssue().dueInDays(5).build(), NOW, EvidenceFixtures.KNOWN_CASES).getFirst();
            // day 5 after Monday 2 November 2026 is Saturday 7 November: the day of the week does not matter
            assertThat(issued.zone()).isEqualTo("Europe/London");
            assertThat(issued.dueAt()).isEqualTo(Instant.parse("2026-11-07T23:59:59Z"));
            assertThat(issued.dueAt().atZone(ZoneId.of(issued.zone())).toLocalDateTime())
                    .isEqualTo(LocalDateTime.of(2026, 11, 7, 23, 59, 59));
        }

        @Test
        void the_zone_is_recorded_even_when_the_due_moment_is_given() {
            Instant dueAt = Instant.parse("2026-11-20T17:00:00Z");
            fixture.givenNoPriorActivity()
                    .when(anIssue().dueAt(dueAt).build())
                    .expectEvents(new EvidenceRequestIssued(REQUEST_ID, CASE_ID, NORTHWIND, ITEMS, LEGAL_BASIS,
                            INSTRUCTIONS, dueAt, "Europe/London", IRIS, NOW));
        }

        @Test
        void a_request_may_give_its_own_number_of_days() {
            // day 30 after Monday 2 November 2026 is Wednesday 2 December
            fixture.givenNoPriorActivity()
                    .when(anIssue().dueInDays(30).build())
                    .expectEvents(new EvidenceRequestIssued(REQUEST_ID, CASE_ID, NORTHWIND, ITEMS, LEGAL_BASIS,
                            INSTRUCTIONS, Instant.parse("2026-12-02T23:59:59Z"), "Europe/London", IRIS, NOW,
                            new Period(30, DayCount.CALENDAR, null), List.of()));
        }

        @Test
        void one_day_is_the_shortest_and_366_days_the_longest_a_request_may_give() {
            fixture.givenNoPriorActivity()
                    .when(anIssue().dueInDays(1).build())
                    .expectEvents(requestIssued(NOW, Instant.parse("2026-11-03T23:59:59Z"),
                            new Period(1, DayCount.CALENDAR, null)));
            // 366 days after 2 November 2026 is 3 November 2027 (2027 is no leap year; 2028's 29 February is later)
            EvidenceFixtures.fixture().givenNoPriorActivity()
                    .when(anIssue().dueInDays(366).build())
                    .expectEvents(requestIssued(NOW, Instant.parse("2027-11-03T23:59:59Z"),
                            new Period(366, DayCount.CALENDAR, null)));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, 367})
        void a_number_of_days_outside_1_to_366_is_refused(int days) {
            refused(anIssue().dueInDays(days).build(), "A request is due in 1 to 366 days, not " + days);
        }

        @Test
        void a_request_may_give_an_explicit_due_moment_instead() {
            // any moment ahead, not necessarily the end of a London day
            Instant dueAt = Instant.parse("2026-11-20T17:00:00Z");
            fixture.givenNoPriorActivity()
                    .when(anIssue().dueAt(dueAt).build())
                    .expectEvents(requestIssued(NOW, dueAt, null));
        }

        @Test
        void an_explicit_due_moment_must_be_in_the_future() {
            refused(anIssue().dueAt(NOW.minus(Duration.ofMinutes(1))).build(), "The due moment must be in the future");
        }

        @Test
        void an_explicit_due_moment_of_now_is_not_in_the_future() {
            refused(anIssue().dueAt(NOW).build(), "The due moment must be in the future");
        }

        @Test
        void a_request_gives_either_days_or_a_due_moment_not_both() {
            refused(anIssue().dueInDays(14).dueAt(Instant.parse("2026-11-20T17:00:00Z")).build(),
                    "Give either a period (days, how they are counted, the calendar) or a due moment, not both");
        }
    }

    @Nested
    class AsAFormalNotice {

        private FormalNotice notice(Instant dueAt) {
            return new FormalNotice("A penalty notice may follow.", "Appeal to the First-tier Tribunal.", 28, NOW,
                    dueAt, "a".repeat(64), 2048, "a".repeat(64), "Ed25519", "0123456789abcdef", "c2lnbmVk");
        }

        @Test
        void the_notice_goes_into_the_event() {
            fixture.givenNoPriorActivity()
                    .when(anIssue().formalNotice(notice(DUE)).build())
                    .expectEvents(new EvidenceRequestIssued(REQUEST_ID, CASE_ID, NORTHWIND, ITEMS, LEGAL_BASIS,
                            INSTRUCTIONS, DUE, "Europe/London", IRIS, NOW, STANDARD_PERIOD, List.of(), notice(DUE)));
        }

        @Test
        void a_notice_stating_another_due_moment_is_refused_to_be_rendered_again() {
            fixture.givenNoPriorActivity()
                    .when(anIssue().formalNotice(notice(DUE.plus(Duration.ofDays(1)))).build())
                    .expectException(conflict())
                    .expectNoEvents();
        }

        @Test
        void a_notice_without_its_hash_or_texts_is_refused() {
            FormalNotice unsigned = new FormalNotice("Penalty", "Tribunal", 28, NOW, DUE, "not a hash", 1, "x",
                    "Ed25519", "k", "s");
            refused(anIssue().formalNotice(unsigned).build(), "A formal notice states the consequences of "
                    + "non-compliance and the right of appeal with its period, and is kept signed by its SHA-256");
        }
    }
}
