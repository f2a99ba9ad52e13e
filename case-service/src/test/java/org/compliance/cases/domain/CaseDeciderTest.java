package org.compliance.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.compliance.api.cases.CaseStatus.CLOSED;
import static org.compliance.api.cases.CaseStatus.DECISION_ISSUED;
import static org.compliance.api.cases.CaseStatus.FINDINGS;
import static org.compliance.api.cases.CaseStatus.INVESTIGATING;
import static org.compliance.api.cases.CaseStatus.OPENED;
import static org.compliance.api.cases.CaseStatus.REFERRED;
import static org.compliance.api.cases.CaseStatus.SUSPENDED;
import static org.compliance.cases.domain.CaseFixtures.ALEX;
import static org.compliance.cases.domain.CaseFixtures.AUTHORITIES;
import static org.compliance.cases.domain.CaseFixtures.REGIMES;
import static org.compliance.cases.domain.CaseFixtures.CASE_ID;
import static org.compliance.cases.domain.CaseFixtures.CONSUMER_GROUP;
import static org.compliance.cases.domain.CaseFixtures.CONTOSO;
import static org.compliance.cases.domain.CaseFixtures.ICO;
import static org.compliance.cases.domain.CaseFixtures.IRIS;
import static org.compliance.cases.domain.CaseFixtures.LEGAL_BASES;
import static org.compliance.cases.domain.CaseFixtures.NORTHWIND;
import static org.compliance.cases.domain.CaseFixtures.NOW;
import static org.compliance.cases.domain.CaseFixtures.NO_DPIA;
import static org.compliance.cases.domain.CaseFixtures.OPAQUE_PRIVACY_NOTICE;
import static org.compliance.cases.domain.CaseFixtures.PRIYA;
import static org.compliance.cases.domain.CaseFixtures.SAMUEL;
import static org.compliance.cases.domain.CaseFixtures.SUMMARY;
import static org.compliance.cases.domain.CaseFixtures.TITLE;
import static org.compliance.cases.domain.CaseFixtures.TODAY;
import static org.compliance.cases.domain.CaseFixtures.TOMAS;
import static org.compliance.cases.domain.CaseFixtures.TO_CMA;
import static org.compliance.cases.domain.CaseFixtures.TRAINING_WITHOUT_BASIS;
import static org.compliance.cases.domain.CaseFixtures.anOpenCase;
import static org.compliance.cases.domain.CaseFixtures.caseOpened;
import static org.compliance.cases.domain.CaseFixtures.gbp;
import static org.compliance.cases.domain.CaseFixtures.historyAt;
import static org.compliance.cases.domain.CaseFixtures.reprimandIssued;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.compliance.api.cases.AddAllegation;
import org.compliance.api.cases.AddCaseNote;
import org.compliance.api.cases.AddComplainant;
import org.compliance.api.cases.AddRespondent;
import org.compliance.api.cases.AddTeamMember;
import org.compliance.api.cases.Allegation;
import org.compliance.api.cases.AllegationAdded;
import org.compliance.api.cases.AllegationAmended;
import org.compliance.api.cases.AllegationWithdrawn;
import org.compliance.api.cases.AmendAllegation;
import org.compliance.api.cases.AssignLeadInvestigator;
import org.compliance.api.cases.CaseAwaitingOverdueEvidence;
import org.compliance.api.cases.CaseClosed;
import org.compliance.api.cases.CaseCommand;
import org.compliance.api.cases.CaseEvent;
import org.compliance.api.cases.CaseNoteAdded;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.CaseOverdueEvidenceResolved;
import org.compliance.api.cases.CaseReferred;
import org.compliance.api.cases.CaseReopened;
import org.compliance.api.cases.CaseResumed;
import org.compliance.api.cases.CaseStatus;
import org.compliance.api.cases.CaseSuspended;
import org.compliance.api.cases.CloseCase;
import org.compliance.api.cases.ComplainantAdded;
import org.compliance.api.cases.ComplainantWithdrawn;
import org.compliance.api.cases.Confidentiality;
import org.compliance.api.cases.DecisionIssued;
import org.compliance.api.cases.DecisionKind;
import org.compliance.api.cases.FindingsRecorded;
import org.compliance.api.cases.InvestigationStarted;
import org.compliance.api.cases.IssueDecision;
import org.compliance.api.cases.LeadInvestigatorAssigned;
import org.compliance.api.cases.LegalHoldLifted;
import org.compliance.api.cases.LegalHoldPlaced;
import org.compliance.api.cases.LiftLegalHold;
import org.compliance.api.cases.MonetaryPenalty;
import org.compliance.api.cases.OverdueEvidenceResolution;
import org.compliance.api.cases.PlaceLegalHold;
import org.compliance.api.cases.Priority;
import org.compliance.api.cases.RecordFindings;
import org.compliance.api.cases.RecordOverdueEvidence;
import org.compliance.api.cases.ReferCase;
import org.compliance.api.cases.RemoveTeamMember;
import org.compliance.api.cases.ReopenCase;
import org.compliance.api.cases.ResolveOverdueEvidence;
import org.compliance.api.cases.RespondentAdded;
import org.compliance.api.cases.RespondentWithdrawn;
import org.compliance.api.cases.ResumeCase;
import org.compliance.api.cases.StartInvestigation;
import org.compliance.api.cases.SuspendCase;
import org.compliance.api.cases.TeamMemberAdded;
import org.compliance.api.cases.TeamMemberRemoved;
import org.compliance.api.cases.WithdrawAllegation;
import org.compliance.api.cases.WithdrawComplainant;
import org.compliance.api.cases.WithdrawRespondent;
import org.compliance.platform.domain.RuleViolation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The decider on its own, without Axon: given the case's events (folded with {@link CaseRules#evolve}), when a
 * command is decided, then these events, or this rule violation. Each command once at least; every rule in detail
 * is in the aggregate's fixture tests, which stay its contract.
 */
class CaseDeciderTest {

    private static final Instant DUE = NOW.minus(Duration.ofDays(2));

    /** The case as these events leave it ({@code null} for none: not yet opened). */
    private static CaseState given(List<?> events) {
        CaseState state = null;
        for (Object event : events) {
            state = CaseRules.evolve(state, (CaseEvent) event);
        }
        return state;
    }

    private static CaseState given(CaseEvent... events) {
        return given(Arrays.asList(events));
    }

    private static List<CaseEvent> when(CaseState state, CaseCommand command) {
        return CaseRules.decide(state, command, NOW, AUTHORITIES, REGIMES);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> refused(CaseState state, CaseCommand command,
                                                                          RuleViolation.Kind kind) {
        return assertThatThrownBy(() -> when(state, command)).isInstanceOfSatisfying(RuleViolation.class,
                violation -> assertThat(violation.kind()).isEqualTo(kind));
    }

    @Nested
    class Deciding {

        @Test
        void opening_records_the_case_with_the_caller_leading_it() {
            assertThat(when(null, anOpenCase().priority(null).confidentiality(null).build())).containsExactly(
                    new CaseOpened(CASE_ID, TITLE, SUMMARY, ICO, LEGAL_BASES, Priority.NORMAL,
                            Confidentiality.STANDARD, List.of(NORTHWIND), List.of(CONSUMER_GROUP),
                            List.of(TRAINING_WITHOUT_BASIS, OPAQUE_PRIVACY_NOTICE), IRIS, NOW));
        }

        @Test
        void a_case_opens_with_its_first_team_each_member_joining_after_the_opening() {
            assertThat(when(null, anOpenCase().lead(TOMAS).team(List.of(PRIYA, SAMUEL)).build()))
                    .extracting(event -> event.getClass().getSimpleName())
                    .containsExactly("CaseOpened", "TeamMemberAdded", "TeamMemberAdded");
            assertThat(when(null, anOpenCase().lead(TOMAS).team(List.of(PRIYA)).build()).get(1))
                    .isEqualTo(new TeamMemberAdded(CASE_ID, PRIYA));
        }

        @Test
        void the_lead_is_not_also_on_the_team_and_no_one_is_on_it_twice() {
            refused(null, anOpenCase().lead(TOMAS).team(List.of(TOMAS)).build(), RuleViolation.Kind.UNPROCESSABLE)
                    .hasMessageContaining("cannot also be on its team");
            refused(null, anOpenCase().team(List.of(PRIYA, PRIYA)).build(), RuleViolation.Kind.UNPROCESSABLE)
                    .hasMessageContaining("named twice");
        }

        @Test
        void an_unknown_authority_cannot_open_a_case() {
            refused(null, anOpenCase().authority("Ministry of Magic").build(), RuleViolation.Kind.UNPROCESSABLE)
                    .hasMessageContaining("Unknown authority");
        }

        @Test
        void a_case_is_opened_once() {
            refused(given(caseOpened()), anOpenCase().build(), RuleViolation.Kind.CONFLICT);
        }

        @Test
        void a_command_for_a_case_never_opened_is_not_decided() {
            assertThatThrownBy(() -> when(null, new StartInvestigation(CASE_ID)))
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void a_respondent_is_added_once() {
            assertThat(when(given(caseOpened()), new AddRespondent(CASE_ID, CONTOSO)))
                    .containsExactly(new RespondentAdded(CASE_ID, CONTOSO));
            refused(given(caseOpened()), new AddRespondent(CASE_ID, NORTHWIND), RuleViolation.Kind.CONFLICT);
        }

        @Test
        void a_respondent_is_withdrawn_but_never_the_last() {
            assertThat(when(given(caseOpened(), new RespondentAdded(CASE_ID, CONTOSO)),
                    new WithdrawRespondent(CASE_ID, CONTOSO.organisationAlias(), " Not involved ")))
                    .containsExactly(new RespondentWithdrawn(CASE_ID, CONTOSO.organisationAlias(), "Not involved"));
            refused(given(caseOpened()), new WithdrawRespondent(CASE_ID, NORTHWIND.organisationAlias(), "x"),
                    RuleViolation.Kind.CONFLICT).hasMessageContaining("last respondent");
        }

        @Test
        void a_complainant_is_added_and_withdrawn() {
            assertThat(when(given(caseOpened()), new AddComplainant(CASE_ID, ALEX)))
                    .containsExactly(new ComplainantAdded(CASE_ID, ALEX.onCase(CASE_ID)));
            assertThat(when(given(caseOpened()), new WithdrawComplainant(CASE_ID, CONSUMER_GROUP.complainantId(),
                    "Complaint withdrawn"))).containsExactly(new ComplainantWithdrawn(CASE_ID,
                    CONSUMER_GROUP.complainantId(), "Complaint withdrawn"));
        }

        @Test
        void an_allegation_is_added_amended_and_withdrawn() {
            CaseState opened = given(caseOpened());
            assertThat(when(opened, new AddAllegation(CASE_ID, NO_DPIA)))
                    .containsExactly(new AllegationAdded(CASE_ID, NO_DPIA));
            Allegation amended = new Allegation(OPAQUE_PRIVACY_NOTICE.allegationId(), "UK GDPR Art. 13(1)",
                    OPAQUE_PRIVACY_NOTICE.description(), OPAQUE_PRIVACY_NOTICE.conductFrom(), TODAY);
            assertThat(when(opened, new AmendAllegation(CASE_ID, amended)))
                    .containsExactly(new AllegationAmended(CASE_ID, amended));
            assertThat(when(opened, new WithdrawAllegation(CASE_ID, "alg-2", "Notice was adequate")))
                    .containsExactly(new AllegationWithdrawn(CASE_ID, "alg-2", "Notice was adequate"));
        }

        @Test
        void a_withdrawn_allegation_cannot_be_amended() {
            refused(given(caseOpened(), new AllegationWithdrawn(CASE_ID, "alg-2", "Notice was adequate")),
                    new AmendAllegation(CASE_ID, OPAQUE_PRIVACY_NOTICE), RuleViolation.Kind.CONFLICT);
        }

        @Test
        void the_lead_is_reassigned_naming_the_previous_one() {
            assertThat(when(given(caseOpened()), new AssignLeadInvestigator(CASE_ID, TOMAS)))
                    .containsExactly(new LeadInvestigatorAssigned(CASE_ID, TOMAS, IRIS));
        }

        @Test
        void a_team_member_is_added_and_removed() {
            assertThat(when(given(caseOpened()), new AddTeamMember(CASE_ID, PRIYA)))
                    .containsExactly(new TeamMemberAdded(CASE_ID, PRIYA));
            assertThat(when(given(caseOpened(), new TeamMemberAdded(CASE_ID, PRIYA)),
                    new RemoveTeamMember(CASE_ID, PRIYA.userId())))
                    .containsExactly(new TeamMemberRemoved(CASE_ID, PRIYA.userId()));
            refused(given(caseOpened()), new AddTeamMember(CASE_ID, IRIS), RuleViolation.Kind.CONFLICT);
        }

        @Test
        void the_investigation_starts_only_from_opened() {
            assertThat(when(given(caseOpened()), new StartInvestigation(CASE_ID)))
                    .containsExactly(new InvestigationStarted(CASE_ID));
            refused(given(historyAt(INVESTIGATING)), new StartInvestigation(CASE_ID), RuleViolation.Kind.CONFLICT)
                    .hasMessage("Cannot start the investigation of a case that is INVESTIGATING; allowed only from "
                            + "[OPENED]");
        }

        @Test
        void findings_are_recorded_under_investigation() {
            assertThat(when(given(historyAt(INVESTIGATING)), new RecordFindings(CASE_ID, " Established ")))
                    .containsExactly(new FindingsRecorded(CASE_ID, "Established"));
        }

        @Test
        void a_decision_is_dated_now_and_a_penalty_above_the_cap_is_refused() {
            assertThat(when(given(historyAt(FINDINGS)), new IssueDecision(CASE_ID, DecisionKind.REPRIMAND,
                    "Training began before any assessment", null, null, SAMUEL)))
                    .containsExactly(new DecisionIssued(CASE_ID, DecisionKind.REPRIMAND,
                            "Training began before any assessment", null, null, SAMUEL, NOW));
            refused(given(historyAt(FINDINGS)), new IssueDecision(CASE_ID, DecisionKind.MONETARY_PENALTY, "Serious",
                    null, new MonetaryPenalty(gbp("17500000.01"), "GBP", gbp("1000"), null), SAMUEL),
                    RuleViolation.Kind.UNPROCESSABLE).hasMessageContaining("exceeds the maximum under UK GDPR higher maximum");
        }

        @Test
        void decisions_are_addressed_to_respondents_one_each_or_case_wide() {
            CaseState twoRespondents = given(historyAt(FINDINGS, new RespondentAdded(CASE_ID, CONTOSO)));
            assertThat(when(twoRespondents, new IssueDecision(CASE_ID, DecisionKind.REPRIMAND, "Public", null, null,
                    SAMUEL, CONTOSO.organisationAlias(), "Internal")))
                    .containsExactly(addressedReprimand(CONTOSO.organisationAlias()));
            CaseState oneDecided = CaseRules.evolve(twoRespondents, addressedReprimand(CONTOSO.organisationAlias()));
            refused(oneDecided, new IssueDecision(CASE_ID, DecisionKind.REPRIMAND, "Public", null, null, SAMUEL,
                    CONTOSO.organisationAlias(), null), RuleViolation.Kind.CONFLICT)
                    .hasMessageContaining("already has its decision");
            refused(oneDecided, new IssueDecision(CASE_ID, DecisionKind.NO_FURTHER_ACTION, "Public", null, null,
                    SAMUEL), RuleViolation.Kind.CONFLICT).hasMessageContaining("case-wide decision cannot follow");
            refused(twoRespondents, new IssueDecision(CASE_ID, DecisionKind.REPRIMAND, "Public", null, null, SAMUEL,
                    "fabrikam-data", null), RuleViolation.Kind.UNPROCESSABLE)
                    .hasMessageContaining("is not a respondent of this case");
            refused(twoRespondents, new IssueDecision(CASE_ID, DecisionKind.MONETARY_PENALTY, "Public", null,
                    new MonetaryPenalty(gbp("1000"), "GBP", gbp("1000000"), null), SAMUEL),
                    RuleViolation.Kind.UNPROCESSABLE).hasMessageContaining("addressed to one respondent");
        }

        @Test
        void a_decided_case_closes_but_not_under_legal_hold() {
            assertThat(when(given(historyAt(DECISION_ISSUED)), new CloseCase(CASE_ID, "Reprimand published")))
                    .containsExactly(new CaseClosed(CASE_ID, "Reprimand published"));
            refused(given(historyAt(DECISION_ISSUED, new LegalHoldPlaced(CASE_ID, "Litigation"))),
                    new CloseCase(CASE_ID, "Reprimand published"), RuleViolation.Kind.CONFLICT)
                    .hasMessageContaining("legal hold");
        }

        @Test
        void suspending_remembers_the_status_and_resuming_returns_to_it() {
            assertThat(when(given(historyAt(FINDINGS)), new SuspendCase(CASE_ID, "Parallel proceedings")))
                    .containsExactly(new CaseSuspended(CASE_ID, "Parallel proceedings", FINDINGS));
            assertThat(when(given(historyAt(FINDINGS, new CaseSuspended(CASE_ID, "Parallel proceedings", FINDINGS))),
                    new ResumeCase(CASE_ID))).containsExactly(new CaseResumed(CASE_ID, FINDINGS));
        }

        @Test
        void a_case_under_investigation_is_referred_only_while_evidence_is_overdue() {
            refused(given(historyAt(INVESTIGATING)), new ReferCase(CASE_ID, TO_CMA), RuleViolation.Kind.CONFLICT);
            assertThat(when(given(historyAt(INVESTIGATING, new CaseAwaitingOverdueEvidence(CASE_ID, "req-7", DUE))),
                    new ReferCase(CASE_ID, TO_CMA))).containsExactly(new CaseReferred(CASE_ID, TO_CMA));
        }

        @Test
        void a_closed_case_is_reopened() {
            assertThat(when(given(historyAt(CLOSED)), new ReopenCase(CASE_ID, "New evidence")))
                    .containsExactly(new CaseReopened(CASE_ID, "New evidence"));
        }

        @Test
        void a_legal_hold_is_placed_and_lifted_once() {
            assertThat(when(given(caseOpened()), new PlaceLegalHold(CASE_ID, "Litigation")))
                    .containsExactly(new LegalHoldPlaced(CASE_ID, "Litigation"));
            assertThat(when(given(caseOpened(), new LegalHoldPlaced(CASE_ID, "Litigation")),
                    new LiftLegalHold(CASE_ID, "Settled"))).containsExactly(new LegalHoldLifted(CASE_ID, "Settled"));
            refused(given(caseOpened()), new LiftLegalHold(CASE_ID, "Settled"), RuleViolation.Kind.CONFLICT);
        }

        @Test
        void a_note_is_dated_now_and_added_once() {
            assertThat(when(given(caseOpened()), new AddCaseNote(CASE_ID, "N-1", " Called counsel ", IRIS)))
                    .containsExactly(new CaseNoteAdded(CASE_ID, "N-1", "Called counsel", IRIS, NOW));
            refused(given(caseOpened(), new CaseNoteAdded(CASE_ID, "N-1", "Called counsel", IRIS, NOW)),
                    new AddCaseNote(CASE_ID, "N-1", "Again", IRIS), RuleViolation.Kind.CONFLICT);
        }

        @Test
        void overdue_evidence_is_recorded_once_per_due_moment() {
            CaseState investigating = given(historyAt(INVESTIGATING));
            assertThat(when(investigating, new RecordOverdueEvidence(CASE_ID, "req-7", DUE)))
                    .containsExactly(new CaseAwaitingOverdueEvidence(CASE_ID, "req-7", DUE));
            assertThat(when(given(historyAt(INVESTIGATING, new CaseAwaitingOverdueEvidence(CASE_ID, "req-7", DUE))),
                    new RecordOverdueEvidence(CASE_ID, "req-7", DUE))).isEmpty();
        }

        @Test
        void only_awaited_overdue_evidence_is_resolved() {
            CaseState awaiting = given(historyAt(INVESTIGATING,
                    new CaseAwaitingOverdueEvidence(CASE_ID, "req-7", DUE)));
            assertThat(when(awaiting, new ResolveOverdueEvidence(CASE_ID, "req-7",
                    OverdueEvidenceResolution.EVIDENCE_SUBMITTED))).containsExactly(new CaseOverdueEvidenceResolved(
                    CASE_ID, "req-7", OverdueEvidenceResolution.EVIDENCE_SUBMITTED));
            assertThat(when(awaiting, new ResolveOverdueEvidence(CASE_ID, "req-8",
                    OverdueEvidenceResolution.REQUEST_WITHDRAWN))).isEmpty();
        }
    }

    private static DecisionIssued addressedReprimand(String alias) {
        return new DecisionIssued(CASE_ID, DecisionKind.REPRIMAND, "Public", null, null, SAMUEL, NOW, alias,
                "Internal");
    }

    @Nested
    class Evolving {

        @Test
        void the_opening_starts_the_case() {
            CaseState state = given(caseOpened());
            assertThat(state.caseId()).isEqualTo(CASE_ID);
            assertThat(state.status()).isEqualTo(OPENED);
            assertThat(state.respondents()).containsOnlyKeys(NORTHWIND.organisationAlias());
            assertThat(state.complainants()).containsOnlyKeys(CONSUMER_GROUP.complainantId());
            assertThat(state.allegations()).containsOnlyKeys("alg-1", "alg-2");
            assertThat(state.leadInvestigator()).isEqualTo(IRIS);
            assertThat(state.team()).isEmpty();
            assertThat(state.underLegalHold()).isFalse();
        }

        @Test
        void each_status_event_moves_the_status() {
            for (CaseStatus status : CaseStatus.values()) {
                assertThat(given(historyAt(status)).status()).as("history to %s", status).isEqualTo(status);
            }
        }

        @Test
        void resuming_returns_to_the_status_before_suspension() {
            CaseState state = given(historyAt(INVESTIGATING, new CaseSuspended(CASE_ID, "Proceedings", INVESTIGATING),
                    new CaseResumed(CASE_ID, INVESTIGATING)));
            assertThat(state.status()).isEqualTo(INVESTIGATING);
            assertThat(state.statusBeforeSuspension()).isNull();
        }

        @Test
        void reopening_clears_the_decision_and_the_referral() {
            CaseState decided = given(historyAt(DECISION_ISSUED));
            assertThat(decided.decided()).isTrue();
            CaseState reopened = CaseRules.evolve(CaseRules.evolve(decided,
                    new CaseClosed(CASE_ID, "Done")), new CaseReopened(CASE_ID, "New evidence"));
            assertThat(reopened.status()).isEqualTo(INVESTIGATING);
            assertThat(reopened.decided()).isFalse();
            assertThat(given(historyAt(REFERRED)).referred()).isTrue();
        }

        @Test
        void a_new_lead_leaves_the_team_and_withdrawn_allegations_are_remembered() {
            CaseState state = given(caseOpened(), new TeamMemberAdded(CASE_ID, TOMAS),
                    new LeadInvestigatorAssigned(CASE_ID, TOMAS, IRIS),
                    new AllegationWithdrawn(CASE_ID, "alg-2", "Notice was adequate"));
            assertThat(state.leadInvestigator()).isEqualTo(TOMAS);
            assertThat(state.team()).isEmpty();
            assertThat(state.allegations()).containsOnlyKeys("alg-1");
            assertThat(state.allegationWithdrawn("alg-2")).isTrue();
        }

        @Test
        void overdue_evidence_is_awaited_until_resolved_but_its_report_is_remembered() {
            CaseState state = given(historyAt(INVESTIGATING, new CaseAwaitingOverdueEvidence(CASE_ID, "req-7", DUE),
                    new CaseOverdueEvidenceResolved(CASE_ID, "req-7", OverdueEvidenceResolution.EVIDENCE_ACCEPTED)));
            assertThat(state.awaitingOverdueEvidence()).isFalse();
            assertThat(state.overdueRecorded("req-7", DUE)).isTrue();
        }

        @Test
        void an_event_gives_a_new_state_and_leaves_the_old_one_as_it_was() {
            CaseState before = given(caseOpened());
            CaseState after = CaseRules.evolve(before, new RespondentAdded(CASE_ID, CONTOSO));
            assertThat(after.respondents()).containsOnlyKeys(NORTHWIND.organisationAlias(),
                    CONTOSO.organisationAlias());
            assertThat(before.respondents()).containsOnlyKeys(NORTHWIND.organisationAlias());
            assertThat(before).isEqualTo(given(caseOpened()));
        }

        @Test
        void legal_hold_and_notes_are_folded_in() {
            CaseState state = given(caseOpened(), new LegalHoldPlaced(CASE_ID, "Litigation"),
                    new CaseNoteAdded(CASE_ID, "N-1", "Called counsel", IRIS, NOW));
            assertThat(state.legalHold()).isEqualTo("Litigation");
            assertThat(state.hasNote("N-1")).isTrue();
            assertThat(CaseRules.evolve(state, new LegalHoldLifted(CASE_ID, "Settled")).underLegalHold()).isFalse();
            assertThat(CaseRules.evolve(state, new ComplainantWithdrawn(CASE_ID, CONSUMER_GROUP.complainantId(), "x"))
                    .complainants()).isEmpty();
            assertThat(CaseRules.evolve(state, reprimandIssued()).status()).isEqualTo(DECISION_ISSUED);
        }

        @Test
        void a_case_is_decided_once_each_respondent_has_its_decision_or_one_case_wide_decision_stands() {
            CaseState twoRespondents = given(historyAt(FINDINGS, new RespondentAdded(CASE_ID, CONTOSO)));
            CaseState oneDecided = CaseRules.evolve(twoRespondents, addressedReprimand(CONTOSO.organisationAlias()));
            assertThat(oneDecided.status()).isEqualTo(FINDINGS);
            assertThat(oneDecided.decided()).isFalse();
            assertThat(oneDecided.decidedFor()).containsExactly(CONTOSO.organisationAlias());
            CaseState bothDecided = CaseRules.evolve(oneDecided, addressedReprimand(NORTHWIND.organisationAlias()));
            assertThat(bothDecided.status()).isEqualTo(DECISION_ISSUED);
            assertThat(bothDecided.decided()).isTrue();
            assertThat(CaseRules.evolve(twoRespondents, reprimandIssued()).status()).isEqualTo(DECISION_ISSUED);
            CaseState reopened = CaseRules.evolve(CaseRules.evolve(bothDecided, new CaseClosed(CASE_ID, "Done")),
                    new CaseReopened(CASE_ID, "New evidence"));
            assertThat(reopened.decidedFor()).isEmpty();
        }

        @Test
        void a_suspended_case_remembers_where_it_stood() {
            assertThat(given(historyAt(SUSPENDED)).statusBeforeSuspension()).isEqualTo(OPENED);
        }
    }
}
