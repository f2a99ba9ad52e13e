package org.compliance.api.cases;

import org.compliance.api.shared.Addressed;

/**
 * A command addressed to one investigation case. Sealed, like {@link CaseEvent}: case-service decides each in one
 * exhaustive {@code switch}, so a command added here and not decided there is a compile error.
 */
public sealed interface CaseCommand extends Addressed permits
        AddAllegation,
        AddCaseNote,
        AddComplainant,
        AddRespondent,
        AddTeamMember,
        AmendAllegation,
        AssignLeadInvestigator,
        CloseCase,
        EraseDataSubject,
        IssueDecision,
        LiftLegalHold,
        NamePerson,
        OpenCase,
        PlaceLegalHold,
        RecordFindings,
        RecordOverdueEvidence,
        ReferCase,
        RemoveTeamMember,
        ReopenCase,
        ResolveOverdueEvidence,
        ResumeCase,
        StartInvestigation,
        SuspendCase,
        WithdrawAllegation,
        WithdrawComplainant,
        WithdrawRespondent {

    String caseId();

    @Override
    default String aggregateId() {
        return caseId();
    }
}
