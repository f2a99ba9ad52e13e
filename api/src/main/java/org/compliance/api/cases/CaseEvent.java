package org.compliance.api.cases;

/**
 * Everything that can happen to an investigation case. Sealed, so that every fold over a case's history (the
 * aggregate's state, the staff view, projections, notification rules) is an exhaustive {@code switch}: an event
 * added here and forgotten in a fold is a compile error, not a silently ignored fact.
 */
public sealed interface CaseEvent permits
        AllegationAdded,
        AllegationAmended,
        AllegationWithdrawn,
        CaseAwaitingOverdueEvidence,
        CaseClosed,
        CaseNoteAdded,
        CaseOpened,
        CaseOverdueEvidenceResolved,
        CaseReferred,
        CaseReopened,
        CaseResumed,
        CaseSuspended,
        ComplainantAdded,
        ComplainantWithdrawn,
        DataSubjectErased,
        DecisionIssued,
        FindingsRecorded,
        InvestigationStarted,
        LeadInvestigatorAssigned,
        LegalHoldLifted,
        LegalHoldPlaced,
        PersonNamed,
        RespondentAdded,
        RespondentWithdrawn,
        TeamMemberAdded,
        TeamMemberRemoved {

    String caseId();
}
