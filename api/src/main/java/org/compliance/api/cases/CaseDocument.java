package org.compliance.api.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.compliance.api.shared.PersonalData;
import org.compliance.api.shared.StaffMember;

/**
 * The staff view of one case, folded from the case's events in order: case-service keeps it as its read
 * model, audit-service rebuilds it from the event store as of any moment. Notes are not in it (case-service
 * keeps them apart; they never reach a company view).
 */
public class CaseDocument {

    /** {@code withdrawalNamedSubjects}: the data subjects the withdrawal's reason names (erasing one erases it). */
    public record AllegationEntry(Allegation allegation, boolean withdrawn, String withdrawalReason,
                                  List<String> withdrawalNamedSubjects) {

        public AllegationEntry {
            withdrawalNamedSubjects = withdrawalNamedSubjects == null ? List.of() : List.copyOf(withdrawalNamedSubjects);
        }

        public AllegationEntry(Allegation allegation, boolean withdrawn, String withdrawalReason) {
            this(allegation, withdrawn, withdrawalReason, List.of());
        }

        AllegationEntry erasing(String subject) {
            return new AllegationEntry(allegation.erasing(subject), withdrawn,
                    withdrawalNamedSubjects.contains(subject) && withdrawalReason != null ? PersonalData.ERASED
                            : withdrawalReason, withdrawalNamedSubjects);
        }
    }

    /** Where the document keeps a reason or the findings, as a key of {@link #textNamedSubjects}. */
    public static final String FINDINGS = "findings", SUSPENSION = "suspension", LEGAL_HOLD = "legalHold",
            CLOSING = "closing", REOPENING = "reopening";

    public record OverdueEvidence(String requestId, Instant dueAt) {
    }

    public String caseId;
    public long version;
    public String title;
    public String summary;
    /** The data subjects the summary names: erasing one erases the summary. */
    public List<String> summaryNamedSubjects = new ArrayList<>();
    public String authority;
    public List<String> legalBases = new ArrayList<>();
    public Priority priority;
    public Confidentiality confidentiality;
    public CaseStatus status;
    public CaseStatus statusBeforeSuspension;
    public String suspensionReason;
    public List<Respondent> respondents = new ArrayList<>();
    public List<Complainant> complainants = new ArrayList<>();
    /**
     * Complainants who are persons and were withdrawn: no longer parties (they are in no party list, search or
     * company view), still data subjects of the case, whom a supervisor may erase. Organisations withdrawn are not
     * kept: nothing of theirs is personal data.
     */
    public List<Complainant> withdrawnComplainants = new ArrayList<>();
    /** People the case names who are not parties (witnesses, employees): data subjects like person complainants. */
    public List<NamedPerson> namedPersons = new ArrayList<>();
    public List<AllegationEntry> allegations = new ArrayList<>();
    public StaffMember leadInvestigator;
    public List<StaffMember> team = new ArrayList<>();
    public String findings;
    /** The latest decision issued (it stays after reopening, as it always has); {@link #decisions} has them all. */
    public DecisionIssued decision;
    /**
     * The decisions that stand (reopening clears them), each with its internal reasoning: one case-wide, or one
     * per respondent addressed to it.
     */
    public List<DecisionIssued> decisions = new ArrayList<>();
    public Referral referral;
    public String legalHoldReason;
    public List<OverdueEvidence> overdueEvidence = new ArrayList<>();
    public String closingReason;
    /** What respondents are told of the closure; null: only that the case was closed. */
    public String publicClosingReason;
    public String reopeningReason;
    /**
     * The data subjects each of the texts above names, by its place ({@link #FINDINGS}, {@link #SUSPENSION},
     * {@link #LEGAL_HOLD}, {@link #CLOSING}: both closing reasons, {@link #REOPENING}), as the event that wrote it
     * recorded: erasing one of them erases that text, as a rebuild from the store (where it is sealed) reads it.
     * Decisions, the referral and allegations carry their own.
     */
    public Map<String, List<String>> textNamedSubjects = new LinkedHashMap<>();
    public Instant openedAt;
    public Instant updatedAt;

    public static CaseDocument opened(CaseOpened e) {
        CaseDocument d = new CaseDocument();
        d.caseId = e.caseId();
        d.title = e.title();
        d.summary = e.summary();
        d.summaryNamedSubjects = new ArrayList<>(e.summaryNamedSubjects());
        d.authority = e.authority();
        d.legalBases = new ArrayList<>(e.legalBases());
        d.priority = e.priority();
        d.confidentiality = e.confidentiality();
        d.status = CaseStatus.OPENED;
        d.respondents = new ArrayList<>(e.respondents());
        d.complainants = new ArrayList<>(e.complainants());
        e.allegations().forEach(a -> d.allegations.add(new AllegationEntry(a, false, null)));
        d.leadInvestigator = e.leadInvestigator();
        d.openedAt = e.openedAt();
        d.updatedAt = e.openedAt();
        return d;
    }

    /** The decisions that stand are one case-wide, or one addressed to each current respondent. */
    private boolean decidedForEveryRespondent() {
        return decisions.stream().anyMatch(d -> d.addresseeOrganisationAlias() == null)
                || respondents.stream().allMatch(r -> decisions.stream()
                        .anyMatch(d -> r.organisationAlias().equals(d.addresseeOrganisationAlias())));
    }

    /**
     * A document stored before decisions were kept per addressee has {@link #decision} but no {@link #decisions};
     * its decision stands while the case is decided, or closed on it. A rebuilt view needs none of this.
     */
    public void readStoredBeforeAddressees() {
        boolean standing = status == CaseStatus.DECISION_ISSUED || status == CaseStatus.CLOSED && referral == null;
        if (decisions.isEmpty() && decision != null && standing) {
            decisions.add(decision);
        }
    }

    /** The decision that stands for respondent {@code organisationAlias}: its own, or the case-wide one; else null. */
    public DecisionIssued decisionFor(String organisationAlias) {
        return decisions.stream().filter(d -> d.addressedTo(organisationAlias)).reduce((a, b) -> b).orElse(null);
    }

    /**
     * Folds one later event of this case in. A case is opened once: its document starts from that event
     * ({@link #opened}), so here the opening changes nothing.
     */
    public void apply(CaseEvent event) {
        switch (event) {
            case CaseOpened e -> {
                // the document began with it
            }
            case RespondentAdded e -> respondents.add(e.respondent());
            case RespondentWithdrawn e -> respondents.removeIf(r -> r.organisationAlias().equals(e.organisationAlias()));
            case ComplainantAdded e -> {
                withdrawnComplainants.removeIf(c -> c.complainantId().equals(e.complainant().complainantId()));
                complainants.add(e.complainant());
            }
            case ComplainantWithdrawn e -> {
                complainants.stream().filter(c -> c.complainantId().equals(e.complainantId())
                        && c.kind() == Complainant.Kind.PERSON).forEach(withdrawnComplainants::add);
                complainants.removeIf(c -> c.complainantId().equals(e.complainantId()));
            }
            case AllegationAdded e -> allegations.add(new AllegationEntry(e.allegation(), false, null));
            case AllegationAmended e -> allegations.replaceAll(a -> a.allegation().allegationId()
                    .equals(e.allegation().allegationId()) ? new AllegationEntry(e.allegation(), false, null) : a);
            case AllegationWithdrawn e -> allegations.replaceAll(a -> a.allegation().allegationId()
                    .equals(e.allegationId()) ? new AllegationEntry(a.allegation(), true, e.reason(),
                    e.namedSubjects()) : a);
            case LeadInvestigatorAssigned e -> {
                leadInvestigator = e.leadInvestigator();
                team.removeIf(m -> m.userId().equals(e.leadInvestigator().userId()));
            }
            case TeamMemberAdded e -> team.add(e.member());
            case TeamMemberRemoved e -> team.removeIf(m -> m.userId().equals(e.userId()));
            case InvestigationStarted e -> status = CaseStatus.INVESTIGATING;
            case FindingsRecorded e -> {
                status = CaseStatus.FINDINGS;
                findings = e.findings();
                named(FINDINGS, e.namedSubjects());
            }
            case DecisionIssued e -> {
                decision = e;
                decisions.add(e);
                if (decidedForEveryRespondent()) {
                    status = CaseStatus.DECISION_ISSUED;
                }
            }
            case CaseClosed e -> {
                status = CaseStatus.CLOSED;
                closingReason = e.reason();
                publicClosingReason = e.publicReason();
                named(CLOSING, e.namedSubjects());
            }
            case CaseSuspended e -> {
                statusBeforeSuspension = e.statusBefore();
                suspensionReason = e.reason();
                named(SUSPENSION, e.namedSubjects());
                status = CaseStatus.SUSPENDED;
            }
            case CaseResumed e -> {
                status = e.status();
                statusBeforeSuspension = null;
                suspensionReason = null;
                named(SUSPENSION, List.of());
            }
            case CaseReferred e -> {
                status = CaseStatus.REFERRED;
                referral = e.referral();
            }
            case CaseReopened e -> {
                status = CaseStatus.INVESTIGATING;
                reopeningReason = e.reason();
                named(REOPENING, e.namedSubjects());
                closingReason = null;
                publicClosingReason = null;
                named(CLOSING, List.of());
                decisions.clear();
            }
            case LegalHoldPlaced e -> {
                legalHoldReason = e.reason();
                named(LEGAL_HOLD, e.namedSubjects());
            }
            case LegalHoldLifted e -> {
                legalHoldReason = null;
                named(LEGAL_HOLD, List.of());
            }
            case CaseAwaitingOverdueEvidence e -> overdueEvidence.add(new OverdueEvidence(e.requestId(), e.dueAt()));
            case CaseOverdueEvidenceResolved e -> overdueEvidence.removeIf(o -> o.requestId().equals(e.requestId()));
            case PersonNamed e -> namedPersons.add(e.person());
            case DataSubjectErased e -> {
                complainants.replaceAll(c -> c.complainantId().equals(e.personId()) ? c.erased() : c);
                withdrawnComplainants.replaceAll(c -> c.complainantId().equals(e.personId()) ? c.erased() : c);
                namedPersons.replaceAll(p -> p.personId().equals(e.personId()) ? p.erased() : p);
                allegations.replaceAll(a -> a.erasing(e.dataSubject()));
                if (summaryNamedSubjects.contains(e.dataSubject())) {
                    summary = PersonalData.ERASED;
                }
                eraseTexts(e.dataSubject());
            }
            case CaseNoteAdded e -> {
                // notes live in case_note; the version still moves
            }
        }
    }

    private void named(String place, List<String> subjects) {
        if (subjects.isEmpty()) {
            textNamedSubjects.remove(place);
        } else {
            textNamedSubjects.put(place, List.copyOf(subjects));
        }
    }

    /** Every reason, the findings, the decisions and the referral that name {@code subject}, erased. */
    private void eraseTexts(String subject) {
        findings = erased(FINDINGS, subject, findings);
        suspensionReason = erased(SUSPENSION, subject, suspensionReason);
        legalHoldReason = erased(LEGAL_HOLD, subject, legalHoldReason);
        closingReason = erased(CLOSING, subject, closingReason);
        publicClosingReason = erased(CLOSING, subject, publicClosingReason);
        reopeningReason = erased(REOPENING, subject, reopeningReason);
        if (decision != null) {
            decision = decision.erasing(subject);
        }
        decisions.replaceAll(d -> d.erasing(subject));
        if (referral != null) {
            referral = referral.erasing(subject);
        }
    }

    private String erased(String place, String subject, String text) {
        return text != null && textNamedSubjects.getOrDefault(place, List.of()).contains(subject)
                ? PersonalData.ERASED : text;
    }
}
