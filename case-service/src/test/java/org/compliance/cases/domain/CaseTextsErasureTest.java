package org.compliance.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.compliance.cases.domain.CaseFixtures.ALEX;
import static org.compliance.cases.domain.CaseFixtures.AUTHORITIES;
import static org.compliance.cases.domain.CaseFixtures.CASE_ID;
import static org.compliance.cases.domain.CaseFixtures.IRIS;
import static org.compliance.cases.domain.CaseFixtures.NOW;
import static org.compliance.cases.domain.CaseFixtures.REGIMES;
import static org.compliance.cases.domain.CaseFixtures.SAMUEL;
import static org.compliance.cases.domain.CaseFixtures.TODAY;
import static org.compliance.cases.domain.CaseFixtures.TOMAS;
import static org.compliance.cases.domain.CaseFixtures.caseOpened;
import static org.compliance.cases.domain.CaseFixtures.findingsRecorded;

import java.util.ArrayList;
import java.util.List;
import org.compliance.api.cases.AllegationWithdrawn;
import org.compliance.api.cases.CaseClosed;
import org.compliance.api.cases.CaseCommand;
import org.compliance.api.cases.CaseDocument;
import org.compliance.api.cases.CaseEvent;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.CaseReferred;
import org.compliance.api.cases.CaseReopened;
import org.compliance.api.cases.CaseStatus;
import org.compliance.api.cases.CaseSuspended;
import org.compliance.api.cases.CloseCase;
import org.compliance.api.cases.ComplainantAdded;
import org.compliance.api.cases.ComplainantWithdrawn;
import org.compliance.api.cases.DataSubjectErased;
import org.compliance.api.cases.DecisionIssued;
import org.compliance.api.cases.DecisionKind;
import org.compliance.api.cases.EnforcementNotice;
import org.compliance.api.cases.FindingsRecorded;
import org.compliance.api.cases.InvestigationStarted;
import org.compliance.api.cases.IssueDecision;
import org.compliance.api.cases.LegalHoldLifted;
import org.compliance.api.cases.LegalHoldPlaced;
import org.compliance.api.cases.LiftLegalHold;
import org.compliance.api.cases.NamedPerson;
import org.compliance.api.cases.PersonNamed;
import org.compliance.api.cases.PlaceLegalHold;
import org.compliance.api.cases.RecordFindings;
import org.compliance.api.cases.ReferCase;
import org.compliance.api.cases.Referral;
import org.compliance.api.cases.ReopenCase;
import org.compliance.api.cases.RespondentWithdrawn;
import org.compliance.api.cases.SuspendCase;
import org.compliance.api.cases.WithdrawAllegation;
import org.compliance.api.cases.WithdrawComplainant;
import org.compliance.api.cases.WithdrawRespondent;
import org.compliance.api.shared.PersonalData;
import org.junit.jupiter.api.Test;

/**
 * Decision 29 for the case's other free texts: every reason, the findings, a decision's texts and a referral's record
 * the data subjects they name (so that the event store seals them), and the case document erases exactly those.
 */
class CaseTextsErasureTest {

    private static final String ALEX_SUBJECT = CASE_ID + "/cmp-alex";
    private static final NamedPerson JONAH = new NamedPerson("P-1", "Jonah Pettigrew", "witness", null)
            .onCase(CASE_ID);
    private static final String ERASED = PersonalData.ERASED;

    private static CaseState given(List<? extends CaseEvent> events) {
        CaseState state = null;
        for (CaseEvent event : events) {
            state = CaseRules.evolve(state, event);
        }
        return state;
    }

    private static CaseEvent when(List<? extends CaseEvent> events, CaseCommand command) {
        List<CaseEvent> decided = CaseRules.decide(given(events), command, NOW, AUTHORITIES, REGIMES);
        assertThat(decided).hasSize(1);
        return decided.getFirst();
    }

    private static List<CaseEvent> withPeople(CaseEvent... then) {
        List<CaseEvent> events = new ArrayList<>(List.of(caseOpened(), new ComplainantAdded(CASE_ID,
                ALEX.onCase(CASE_ID)), new PersonNamed(CASE_ID, JONAH)));
        events.addAll(List.of(then));
        return events;
    }

    @Test
    void every_reason_records_the_subjects_it_names() {
        assertThat(when(withPeople(), new WithdrawComplainant(CASE_ID, "cmp-alex", "Ms Marlowe withdrew")))
                .isEqualTo(new ComplainantWithdrawn(CASE_ID, "cmp-alex", "Ms Marlowe withdrew",
                        List.of(ALEX_SUBJECT)));
        assertThat(when(withPeople(), new WithdrawAllegation(CASE_ID, "alg-1", "Pettigrew and Alex disagree")))
                .isEqualTo(new AllegationWithdrawn(CASE_ID, "alg-1", "Pettigrew and Alex disagree",
                        List.of(ALEX_SUBJECT, JONAH.dataSubject())));
        assertThat(when(withPeople(), new WithdrawAllegation(CASE_ID, "alg-1", "Duplicate")))
                .isEqualTo(new AllegationWithdrawn(CASE_ID, "alg-1", "Duplicate", List.of()));
        assertThat(when(withPeople(new org.compliance.api.cases.RespondentAdded(CASE_ID,
                        CaseFixtures.CONTOSO)), new WithdrawRespondent(CASE_ID, "contoso-models", "Jonah was wrong")))
                .isEqualTo(new RespondentWithdrawn(CASE_ID, "contoso-models", "Jonah was wrong",
                        List.of(JONAH.dataSubject())));
        assertThat(when(withPeople(), new SuspendCase(CASE_ID, "Awaiting Marlowe's reply")))
                .isEqualTo(new CaseSuspended(CASE_ID, "Awaiting Marlowe's reply", CaseStatus.OPENED,
                        List.of(ALEX_SUBJECT)));
        assertThat(when(withPeople(), new PlaceLegalHold(CASE_ID, "Pettigrew sues")))
                .isEqualTo(new LegalHoldPlaced(CASE_ID, "Pettigrew sues", List.of(JONAH.dataSubject())));
        assertThat(when(withPeople(new LegalHoldPlaced(CASE_ID, "Judicial review")),
                new LiftLegalHold(CASE_ID, "Alex settled")))
                .isEqualTo(new LegalHoldLifted(CASE_ID, "Alex settled", List.of(ALEX_SUBJECT)));
        assertThat(when(withPeople(new InvestigationStarted(CASE_ID)),
                new RecordFindings(CASE_ID, "Alex Marlowe's data was in the corpus")))
                .isEqualTo(new FindingsRecorded(CASE_ID, "Alex Marlowe's data was in the corpus",
                        List.of(ALEX_SUBJECT)));
        assertThat(when(withPeople(new InvestigationStarted(CASE_ID), findingsRecorded(), CaseFixtures.reprimandIssued()),
                new CloseCase(CASE_ID, "Told Marlowe", "Reprimand published")))
                .isEqualTo(new CaseClosed(CASE_ID, "Told Marlowe", "Reprimand published", List.of(ALEX_SUBJECT)));
        assertThat(when(withPeople(new InvestigationStarted(CASE_ID), findingsRecorded(), CaseFixtures.reprimandIssued(),
                new CaseClosed(CASE_ID, "Done")), new ReopenCase(CASE_ID, "Pettigrew came forward")))
                .isEqualTo(new CaseReopened(CASE_ID, "Pettigrew came forward", List.of(JONAH.dataSubject())));
        CaseReferred referred = (CaseReferred) when(withPeople(), new ReferCase(CASE_ID,
                new Referral("Competition and Markets Authority", "CMA-1", "Market abuse", "Alex asked for it")));
        assertThat(referred.referral().namedSubjects()).containsExactly(ALEX_SUBJECT);
    }

    @Test
    void a_decision_records_who_its_reasons_and_its_steps_name() {
        List<CaseEvent> atFindings = withPeople(new InvestigationStarted(CASE_ID), findingsRecorded());
        DecisionIssued decision = (DecisionIssued) when(atFindings, new IssueDecision(CASE_ID,
                DecisionKind.ENFORCEMENT_NOTICE, "Training on complaints data",
                new EnforcementNotice(List.of("Delete Alex Marlowe's messages", "Stop training"), TODAY.plusDays(30)),
                null, SAMUEL, null, "Pettigrew's statement decided it"));
        assertThat(decision.namedSubjects()).containsExactly(JONAH.dataSubject());
        assertThat(decision.enforcementNotice().namedSubjects()).containsExactly(ALEX_SUBJECT);
        DecisionIssued plain = (DecisionIssued) when(atFindings, new IssueDecision(CASE_ID, DecisionKind.REPRIMAND,
                "Training on complaints data", null, null, SAMUEL, null, null));
        assertThat(plain.namedSubjects()).isEmpty();
    }

    @Test
    void the_document_erases_exactly_the_texts_naming_the_subject() {
        CaseOpened opened = caseOpened();
        CaseDocument d = CaseDocument.opened(opened);
        List<CaseEvent> events = List.of(new ComplainantAdded(CASE_ID, ALEX.onCase(CASE_ID)),
                new PersonNamed(CASE_ID, JONAH),
                new AllegationWithdrawn(CASE_ID, "alg-1", "Alex retracted it", List.of(ALEX_SUBJECT)),
                new InvestigationStarted(CASE_ID),
                new FindingsRecorded(CASE_ID, "Alex's data was used", List.of(ALEX_SUBJECT)),
                new DecisionIssued(CASE_ID, DecisionKind.ENFORCEMENT_NOTICE, "Public reasons",
                        new EnforcementNotice(List.of("Delete Alex's data"), TODAY.plusDays(9), List.of(ALEX_SUBJECT)),
                        null, SAMUEL, NOW, null, "Pettigrew said so", List.of(JONAH.dataSubject())),
                new CaseClosed(CASE_ID, "Closed after Pettigrew's call", "Notice issued",
                        List.of(JONAH.dataSubject())),
                new CaseReopened(CASE_ID, "New evidence", List.of()),
                new LegalHoldPlaced(CASE_ID, "Alex sues", List.of(ALEX_SUBJECT)),
                new LegalHoldLifted(CASE_ID, "Settled", List.of()),
                new CaseSuspended(CASE_ID, "Waiting on Alex", CaseStatus.INVESTIGATING, List.of(ALEX_SUBJECT)));
        events.forEach(d::apply);
        DecisionIssued decided = d.decision;

        d.apply(new DataSubjectErased(CASE_ID, "cmp-alex", ALEX_SUBJECT, "Art. 17", TOMAS, NOW));

        assertThat(d.allegations.getFirst().withdrawalReason()).isEqualTo(ERASED);
        assertThat(d.findings).isEqualTo(ERASED);
        assertThat(d.suspensionReason).isEqualTo(ERASED);
        assertThat(d.reopeningReason).isEqualTo("New evidence");
        assertThat(d.decision.enforcementNotice().stepsRequired()).containsExactly(ERASED);
        assertThat(d.decision.reasons()).isEqualTo("Public reasons");
        assertThat(d.decision.internalReasoning()).isEqualTo("Pettigrew said so");
        assertThat(decided.enforcementNotice().stepsRequired()).containsExactly("Delete Alex's data");

        // the decision was cleared by the reopening; the latest decision is still shown
        d.apply(new DataSubjectErased(CASE_ID, "P-1", JONAH.dataSubject(), "Art. 17", TOMAS, NOW));
        assertThat(d.decision.internalReasoning()).isEqualTo(ERASED);
        assertThat(d.decision.reasons()).isEqualTo(ERASED);
        assertThat(d.reopeningReason).isEqualTo("New evidence");
    }

    @Test
    void the_document_erases_closing_reasons_a_referral_and_a_legal_hold() {
        CaseDocument d = CaseDocument.opened(caseOpened());
        d.apply(new CaseReferred(CASE_ID, new Referral("CMA", "CMA-1", "About Alex", "Referred",
                List.of(ALEX_SUBJECT))));
        d.apply(new CaseClosed(CASE_ID, "Alex informed", null, List.of(ALEX_SUBJECT)));
        d.apply(new LegalHoldPlaced(CASE_ID, "Ordered by the court", List.of()));
        d.apply(new DataSubjectErased(CASE_ID, "cmp-alex", ALEX_SUBJECT, "Art. 17", TOMAS, NOW));
        assertThat(d.referral.reason()).isEqualTo(ERASED);
        assertThat(d.referral.publicReason()).isEqualTo(ERASED);
        assertThat(d.referral.authority()).isEqualTo("CMA");
        assertThat(d.closingReason).isEqualTo(ERASED);
        assertThat(d.publicClosingReason).isNull();
        assertThat(d.legalHoldReason).isEqualTo("Ordered by the court");
    }
}
