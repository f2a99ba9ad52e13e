package org.compliance.cases.domain;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.compliance.api.cases.AllegationAdded;
import org.compliance.api.cases.AllegationAmended;
import org.compliance.api.cases.AllegationWithdrawn;
import org.compliance.api.cases.Allegation;
import org.compliance.api.cases.CaseAwaitingOverdueEvidence;
import org.compliance.api.cases.CaseOverdueEvidenceResolved;
import org.compliance.api.cases.CaseClosed;
import org.compliance.api.cases.CaseNoteAdded;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.CaseReferred;
import org.compliance.api.cases.CaseReopened;
import org.compliance.api.cases.CaseResumed;
import org.compliance.api.cases.CaseStatus;
import org.compliance.api.cases.CaseSuspended;
import org.compliance.api.cases.Complainant;
import org.compliance.api.cases.ComplainantAdded;
import org.compliance.api.cases.ComplainantWithdrawn;
import org.compliance.api.cases.DecisionIssued;
import org.compliance.api.cases.FindingsRecorded;
import org.compliance.api.cases.InvestigationStarted;
import org.compliance.api.cases.LeadInvestigatorAssigned;
import org.compliance.api.cases.LegalHoldLifted;
import org.compliance.api.cases.LegalHoldPlaced;
import org.compliance.api.cases.Respondent;
import org.compliance.api.cases.RespondentAdded;
import org.compliance.api.cases.RespondentWithdrawn;
import org.compliance.api.cases.TeamMemberAdded;
import org.compliance.api.cases.TeamMemberRemoved;
import org.compliance.api.shared.StaffMember;

/**
 * What the rules need to know of one case, rebuilt from its events only. Plain Java: the aggregate holds
 * one and feeds it every event it sources.
 */
public final class CaseFile {

    private final String caseId;
    private CaseStatus status = CaseStatus.OPENED;
    private CaseStatus statusBeforeSuspension;
    private final Map<String, Respondent> respondents = new LinkedHashMap<>();
    private final Map<String, Complainant> complainants = new LinkedHashMap<>();
    private final Map<String, Allegation> allegations = new LinkedHashMap<>();
    private final Set<String> withdrawnAllegations = new LinkedHashSet<>();
    private StaffMember leadInvestigator;
    private final Map<String, StaffMember> team = new LinkedHashMap<>();
    private boolean decided;
    private boolean referred;
    private String legalHold;
    /** Every (request, due moment) ever reported overdue, so that a repeated report changes nothing. */
    private final Set<String> overdueReported = new LinkedHashSet<>();
    /** The requests whose overdue evidence the case still awaits. */
    private final Set<String> awaitingOverdue = new LinkedHashSet<>();
    private final Set<String> notes = new LinkedHashSet<>();

    private CaseFile(CaseOpened opened) {
        this.caseId = opened.caseId();
        opened.respondents().forEach(r -> respondents.put(r.organisationAlias(), r));
        opened.complainants().forEach(c -> complainants.put(c.complainantId(), c));
        opened.allegations().forEach(a -> allegations.put(a.allegationId(), a));
        this.leadInvestigator = opened.leadInvestigator();
    }

    public static CaseFile opened(CaseOpened event) {
        return new CaseFile(event);
    }

    /** Takes in one event of this case; events of kinds it does not need change nothing. */
    public void apply(Object event) {
        switch (event) {
            case RespondentAdded e -> respondents.put(e.respondent().organisationAlias(), e.respondent());
            case RespondentWithdrawn e -> respondents.remove(e.organisationAlias());
            case ComplainantAdded e -> complainants.put(e.complainant().complainantId(), e.complainant());
            case ComplainantWithdrawn e -> complainants.remove(e.complainantId());
            case AllegationAdded e -> allegations.put(e.allegation().allegationId(), e.allegation());
            case AllegationAmended e -> allegations.put(e.allegation().allegationId(), e.allegation());
            case AllegationWithdrawn e -> {
                allegations.remove(e.allegationId());
                withdrawnAllegations.add(e.allegationId());
            }
            case LeadInvestigatorAssigned e -> {
                leadInvestigator = e.leadInvestigator();
                team.remove(e.leadInvestigator().userId());
            }
            case TeamMemberAdded e -> team.put(e.member().userId(), e.member());
            case TeamMemberRemoved e -> team.remove(e.userId());
            case InvestigationStarted e -> status = CaseStatus.INVESTIGATING;
            case FindingsRecorded e -> status = CaseStatus.FINDINGS;
            case DecisionIssued e -> {
                status = CaseStatus.DECISION_ISSUED;
                decided = true;
            }
            case CaseClosed e -> status = CaseStatus.CLOSED;
            case CaseSuspended e -> {
                statusBeforeSuspension = e.statusBefore();
                status = CaseStatus.SUSPENDED;
            }
            case CaseResumed e -> {
                status = e.status();
                statusBeforeSuspension = null;
            }
            case CaseReferred e -> {
                status = CaseStatus.REFERRED;
                referred = true;
            }
            case CaseReopened e -> {
                status = CaseStatus.INVESTIGATING;
                decided = false;
                referred = false;
            }
            case LegalHoldPlaced e -> legalHold = e.reason();
            case LegalHoldLifted e -> legalHold = null;
            case CaseAwaitingOverdueEvidence e -> {
                overdueReported.add(e.requestId() + "@" + e.dueAt());
                awaitingOverdue.add(e.requestId());
            }
            case CaseOverdueEvidenceResolved e -> awaitingOverdue.remove(e.requestId());
            case CaseNoteAdded e -> notes.add(e.noteId());
            default -> {
                // not needed by any rule
            }
        }
    }

    public String caseId() {
        return caseId;
    }

    public CaseStatus status() {
        return status;
    }

    CaseStatus statusBeforeSuspension() {
        return statusBeforeSuspension;
    }

    Map<String, Respondent> respondents() {
        return respondents;
    }

    Map<String, Complainant> complainants() {
        return complainants;
    }

    Map<String, Allegation> allegations() {
        return allegations;
    }

    boolean allegationWithdrawn(String allegationId) {
        return withdrawnAllegations.contains(allegationId);
    }

    StaffMember leadInvestigator() {
        return leadInvestigator;
    }

    Map<String, StaffMember> team() {
        return team;
    }

    boolean decided() {
        return decided;
    }

    boolean referred() {
        return referred;
    }

    boolean underLegalHold() {
        return legalHold != null;
    }

    boolean awaitingOverdueEvidence() {
        return !awaitingOverdue.isEmpty();
    }

    boolean awaitingOverdueEvidence(String requestId) {
        return awaitingOverdue.contains(requestId);
    }

    boolean overdueRecorded(String requestId, java.time.Instant dueAt) {
        return overdueReported.contains(requestId + "@" + dueAt);
    }

    boolean hasNote(String noteId) {
        return notes.contains(noteId);
    }
}
