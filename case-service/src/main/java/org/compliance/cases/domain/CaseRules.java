package org.compliance.cases.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.compliance.api.cases.CaseOverdueEvidenceResolved;
import org.compliance.api.cases.CaseClosed;
import org.compliance.api.cases.CaseCommand;
import org.compliance.api.cases.CaseEvent;
import org.compliance.api.cases.CaseNoteAdded;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.CaseReferred;
import org.compliance.api.cases.CaseReopened;
import org.compliance.api.cases.CaseResumed;
import org.compliance.api.cases.CaseStatus;
import org.compliance.api.cases.CaseSuspended;
import org.compliance.api.cases.CloseCase;
import org.compliance.api.cases.Complainant;
import org.compliance.api.cases.DataSubjectErased;
import org.compliance.api.cases.EraseDataSubject;
import org.compliance.api.cases.NamePerson;
import org.compliance.api.cases.NamedPerson;
import org.compliance.api.cases.PersonNamed;
import org.compliance.api.shared.DataSubjects;
import org.compliance.api.cases.ComplainantAdded;
import org.compliance.api.cases.ComplainantWithdrawn;
import org.compliance.api.cases.Confidentiality;
import org.compliance.api.cases.DecisionIssued;
import org.compliance.api.cases.DecisionKind;
import org.compliance.api.cases.EnforcementNotice;
import org.compliance.api.cases.FindingsRecorded;
import org.compliance.api.cases.InvestigationStarted;
import org.compliance.api.cases.IssueDecision;
import org.compliance.api.cases.LeadInvestigatorAssigned;
import org.compliance.api.cases.LegalHoldLifted;
import org.compliance.api.cases.LegalHoldPlaced;
import org.compliance.api.cases.LiftLegalHold;
import org.compliance.api.cases.MonetaryPenalty;
import org.compliance.api.cases.OpenCase;
import org.compliance.api.cases.PlaceLegalHold;
import org.compliance.api.cases.Priority;
import org.compliance.api.cases.RecordFindings;
import org.compliance.api.cases.RecordOverdueEvidence;
import org.compliance.api.cases.ResolveOverdueEvidence;
import org.compliance.api.cases.ReferCase;
import org.compliance.api.cases.Referral;
import org.compliance.api.cases.RemoveTeamMember;
import org.compliance.api.cases.ReopenCase;
import org.compliance.api.cases.Respondent;
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
import org.compliance.api.shared.StaffMember;
import org.compliance.platform.domain.RuleViolation;

/**
 * The rules of a case, as a decider: {@link #decide} takes the case as its events left it, a command and the
 * circumstances (the time, the authorities) and answers the events that record the change, or throws a
 * {@link RuleViolation} saying why not; {@link #evolve} folds one event into the case. A conflict (409) is a
 * refusal because of where the case stands; unprocessable (422) a request that could never succeed. Plain Java:
 * {@code InvestigationCase} is only the shell that Axon loads, stores and routes commands to.
 */
public final class CaseRules {

    /** Calendar dates in these rules (compliance dates, conduct dates) are the UK's. */
    static final ZoneId UK = ZoneId.of("Europe/London");

    private CaseRules() {
    }

    /**
     * The events that record what the command does to the case: none when it changes nothing (a repeated report
     * of overdue evidence), else one. {@code state} is {@code null} until the case is opened.
     */
    public static List<CaseEvent> decide(CaseState state, CaseCommand command, Instant now, Authorities authorities,
                                         PenaltyRegimes penaltyRegimes) {
        if (state == null && !(command instanceof OpenCase)) {
            throw new IllegalStateException("Case " + command.caseId() + " is not open; "
                    + command.getClass().getSimpleName() + " cannot apply to it");
        }
        return switch (command) {
            case OpenCase c -> open(state, c, now, authorities);
            case AddRespondent c -> List.of(addRespondent(state, c));
            case WithdrawRespondent c -> List.of(withdrawRespondent(state, c));
            case AddComplainant c -> List.of(addComplainant(state, c));
            case WithdrawComplainant c -> List.of(withdrawComplainant(state, c));
            case AddAllegation c -> List.of(addAllegation(state, c, now));
            case AmendAllegation c -> List.of(amendAllegation(state, c, now));
            case WithdrawAllegation c -> List.of(withdrawAllegation(state, c));
            case AssignLeadInvestigator c -> List.of(assignLead(state, c));
            case AddTeamMember c -> List.of(addTeamMember(state, c));
            case RemoveTeamMember c -> List.of(removeTeamMember(state, c));
            case StartInvestigation c -> List.of(startInvestigation(state, c));
            case RecordFindings c -> List.of(recordFindings(state, c));
            case IssueDecision c -> List.of(issueDecision(state, c, now, penaltyRegimes));
            case CloseCase c -> List.of(close(state, c));
            case SuspendCase c -> List.of(suspend(state, c));
            case ResumeCase c -> List.of(resume(state, c));
            case ReferCase c -> List.of(refer(state, c));
            case ReopenCase c -> List.of(reopen(state, c));
            case PlaceLegalHold c -> List.of(placeLegalHold(state, c));
            case LiftLegalHold c -> List.of(liftLegalHold(state, c));
            case AddCaseNote c -> List.of(addNote(state, c, now));
            case EraseDataSubject c -> List.of(erase(state, c, now));
            case NamePerson c -> List.of(namePerson(state, c));
            case RecordOverdueEvidence c -> recordOverdueEvidence(state, c);
            case ResolveOverdueEvidence c -> resolveOverdueEvidence(state, c);
        };
    }

    /** The case after one more of its events; the opening event starts it ({@code state} is then {@code null}). */
    public static CaseState evolve(CaseState state, CaseEvent event) {
        return switch (event) {
            case CaseOpened e -> CaseState.opened(e);
            case RespondentAdded e -> state.with(s -> s.respondents.put(e.respondent().organisationAlias(),
                    e.respondent()));
            case RespondentWithdrawn e -> state.with(s -> s.respondents.remove(e.organisationAlias()));
            case ComplainantAdded e -> state.with(s -> {
                s.complainants.put(e.complainant().complainantId(), e.complainant());
                if (e.complainant().kind() == Complainant.Kind.PERSON) {
                    s.people.put(e.complainant().complainantId(), CaseState.Person.of(e.complainant(), e.caseId()));
                }
            });
            case PersonNamed e -> state.with(s -> s.people.put(e.person().personId(),
                    new CaseState.Person(e.person().personId(), e.person().name(), e.person().dataSubject())));
            case ComplainantWithdrawn e -> state.with(s -> s.complainants.remove(e.complainantId()));
            case AllegationAdded e -> state.with(s -> s.allegations.put(e.allegation().allegationId(), e.allegation()));
            case AllegationAmended e -> state.with(s -> s.allegations.put(e.allegation().allegationId(),
                    e.allegation()));
            case AllegationWithdrawn e -> state.with(s -> {
                s.allegations.remove(e.allegationId());
                s.withdrawnAllegations.add(e.allegationId());
            });
            case LeadInvestigatorAssigned e -> state.with(s -> {
                s.leadInvestigator = e.leadInvestigator();
                s.team.remove(e.leadInvestigator().userId());
            });
            case TeamMemberAdded e -> state.with(s -> s.team.put(e.member().userId(), e.member()));
            case TeamMemberRemoved e -> state.with(s -> s.team.remove(e.userId()));
            case InvestigationStarted e -> state.with(s -> s.status = CaseStatus.INVESTIGATING);
            case FindingsRecorded e -> state.with(s -> s.status = CaseStatus.FINDINGS);
            case DecisionIssued e -> state.with(s -> {
                if (e.addresseeOrganisationAlias() != null) {
                    s.decidedFor.add(e.addresseeOrganisationAlias());
                }
                // a case-wide decision decides for all; else the case is decided once every respondent has its own
                if (e.addresseeOrganisationAlias() == null || s.decidedFor.containsAll(s.respondents.keySet())) {
                    s.status = CaseStatus.DECISION_ISSUED;
                    s.decided = true;
                }
            });
            case CaseClosed e -> state.with(s -> s.status = CaseStatus.CLOSED);
            case CaseSuspended e -> state.with(s -> {
                s.statusBeforeSuspension = e.statusBefore();
                s.status = CaseStatus.SUSPENDED;
            });
            case CaseResumed e -> state.with(s -> {
                s.status = e.status();
                s.statusBeforeSuspension = null;
            });
            case CaseReferred e -> state.with(s -> {
                s.status = CaseStatus.REFERRED;
                s.referred = true;
            });
            case CaseReopened e -> state.with(s -> {
                s.status = CaseStatus.INVESTIGATING;
                s.decided = false;
                s.decidedFor.clear();
                s.referred = false;
            });
            case LegalHoldPlaced e -> state.with(s -> {
                s.legalHold = e.reason();
                s.legalHoldNamedSubjects = e.namedSubjects();
            });
            case LegalHoldLifted e -> state.with(s -> {
                s.legalHold = null;
                s.legalHoldNamedSubjects = List.of();
            });
            case CaseAwaitingOverdueEvidence e -> state.with(s -> {
                s.overdueReported.add(new CaseState.OverdueReport(e.requestId(), e.dueAt()));
                s.awaitingOverdue.add(e.requestId());
            });
            case CaseOverdueEvidenceResolved e -> state.with(s -> s.awaitingOverdue.remove(e.requestId()));
            case CaseNoteAdded e -> state.with(s -> s.notes.add(e.noteId()));
            case DataSubjectErased e -> state.with(s -> {
                s.erasedSubjects.add(e.dataSubject());
                s.complainants.computeIfPresent(e.personId(), (id, c) -> c.erased());
                s.people.computeIfPresent(e.personId(), (id, p) -> p.erased());
                s.allegations.replaceAll((id, a) -> a.erasing(e.dataSubject()));
            });
        };
    }

    // ---- opening ------------------------------------------------------------------------------------

    /** The case opened, then each member of the team it starts with joining it. */
    private static List<CaseEvent> open(CaseState state, OpenCase c, Instant now, Authorities authorities) {
        CaseOpened opened = opened(state, c, now, authorities);
        var events = new ArrayList<CaseEvent>();
        events.add(opened);
        c.team().forEach(member -> {
            requireStaff(member);
            if (member.userId().equals(c.leadInvestigator().userId())) {
                throw RuleViolation.unprocessable(member.name() + " leads the case and cannot also be on its team");
            }
            events.add(new TeamMemberAdded(c.caseId(), member));
        });
        requireDistinct(c.team().stream().map(StaffMember::userId).toList(), "A member of the team is named twice");
        return events;
    }

    private static CaseOpened opened(CaseState state, OpenCase c, Instant now, Authorities authorities) {
        if (state != null) {
            throw RuleViolation.conflict("Case " + c.caseId() + " is open already");
        }
        requireText(c.title(), "A case needs a title");
        requireText(c.summary(), "A case needs a summary");
        authorities.require(c.authority());
        if (c.legalBases() == null || c.legalBases().isEmpty() || c.legalBases().stream().anyMatch(CaseRules::blank)) {
            throw RuleViolation.unprocessable("A case needs at least one legal basis, none of them blank");
        }
        if (c.respondents() == null || c.respondents().isEmpty()) {
            throw RuleViolation.unprocessable("A case needs at least one respondent organisation");
        }
        if (c.allegations() == null || c.allegations().isEmpty()) {
            throw RuleViolation.unprocessable("A case needs at least one allegation");
        }
        c.respondents().forEach(CaseRules::requireValid);
        requireDistinct(c.respondents().stream().map(Respondent::organisationAlias).toList(),
                "A respondent organisation is named twice");
        List<Complainant> complainants = c.complainants() == null ? List.of() : c.complainants();
        complainants.forEach(CaseRules::requireValid);
        requireDistinct(complainants.stream().map(Complainant::complainantId).toList(), "A complainant is named twice");
        c.allegations().forEach(a -> requireValid(a, now));
        requireDistinct(c.allegations().stream().map(Allegation::allegationId).toList(), "An allegation id is used twice");
        requireStaff(c.leadInvestigator());
        List<Complainant> onCase = complainants.stream().map(p -> p.onCase(c.caseId())).toList();
        Map<String, String> names = new LinkedHashMap<>();
        onCase.stream().filter(p -> p.dataSubject() != null).forEach(p -> names.put(p.dataSubject(), p.name()));
        requireTitleNamesNobody(c.title(), names);
        String summary = c.summary().strip();
        // the case has no state yet: its subjects are the person complainants it opens with
        return new CaseOpened(c.caseId(), c.title().strip(), summary, c.authority(),
                List.copyOf(c.legalBases()), c.priority() == null ? Priority.NORMAL : c.priority(),
                c.confidentiality() == null ? Confidentiality.STANDARD : c.confidentiality(),
                List.copyOf(c.respondents()), onCase,
                c.allegations().stream().map(a -> a.naming(NamedSubjects.in(names, List.of(a.description())))).toList(),
                c.leadInvestigator(), now, NamedSubjects.in(names, List.of(summary)));
    }

    // ---- parties ------------------------------------------------------------------------------------

    private static RespondentAdded addRespondent(CaseState state, AddRespondent c) {
        requireNotClosed(state, "add a respondent to");
        requireValid(c.respondent());
        if (state.respondents().containsKey(c.respondent().organisationAlias())) {
            throw RuleViolation.conflict(c.respondent().name() + " is already a respondent");
        }
        return new RespondentAdded(state.caseId(), c.respondent());
    }

    private static RespondentWithdrawn withdrawRespondent(CaseState state, WithdrawRespondent c) {
        requireNotClosed(state, "withdraw a respondent from");
        requireText(c.reason(), "Withdrawing a respondent needs a reason");
        if (!state.respondents().containsKey(c.organisationAlias())) {
            throw RuleViolation.unprocessable("'" + c.organisationAlias() + "' is not a respondent of this case");
        }
        if (state.respondents().size() == 1) {
            throw RuleViolation.conflict("The last respondent cannot be withdrawn; close the case with a decision "
                    + "or a referral instead");
        }
        if (state.decidedFor().contains(c.organisationAlias())) {
            throw RuleViolation.conflict(state.respondents().get(c.organisationAlias()).name() + " has its decision "
                    + "and cannot be withdrawn; reopen the case first");
        }
        if (state.decidingPerRespondent() && state.decidedFor().containsAll(state.respondents().keySet().stream()
                .filter(alias -> !alias.equals(c.organisationAlias())).toList())) {
            throw RuleViolation.conflict("Every other respondent has its decision; issue a decision to "
                    + state.respondents().get(c.organisationAlias()).name() + " instead of withdrawing it");
        }
        String reason = c.reason().strip();
        return new RespondentWithdrawn(state.caseId(), c.organisationAlias(), reason, state.subjectsNamedIn(reason));
    }

    private static ComplainantAdded addComplainant(CaseState state, AddComplainant c) {
        requireNotClosed(state, "add a complainant to");
        requireValid(c.complainant());
        if (state.complainants().containsKey(c.complainant().complainantId())) {
            throw RuleViolation.conflict("Complainant " + c.complainant().complainantId() + " is already on the case");
        }
        Complainant added = c.complainant().onCase(state.caseId());
        if (added.dataSubject() != null) {
            requireTitleNamesNobody(state.title(), Map.of(added.dataSubject(), added.name()));
        }
        return new ComplainantAdded(state.caseId(), added);
    }

    private static ComplainantWithdrawn withdrawComplainant(CaseState state, WithdrawComplainant c) {
        requireNotClosed(state, "withdraw a complainant from");
        requireText(c.reason(), "Withdrawing a complainant needs a reason");
        if (!state.complainants().containsKey(c.complainantId())) {
            throw RuleViolation.unprocessable("'" + c.complainantId() + "' is not a complainant of this case");
        }
        String reason = c.reason().strip();
        return new ComplainantWithdrawn(state.caseId(), c.complainantId(), reason, state.subjectsNamedIn(reason));
    }

    // ---- allegations --------------------------------------------------------------------------------

    private static AllegationAdded addAllegation(CaseState state, AddAllegation c, Instant now) {
        requireNotClosed(state, "add an allegation to");
        requireValid(c.allegation(), now);
        String id = c.allegation().allegationId();
        if (state.allegations().containsKey(id) || state.allegationWithdrawn(id)) {
            throw RuleViolation.conflict("Allegation " + id + " already exists");
        }
        return new AllegationAdded(state.caseId(), naming(state, c.allegation()));
    }

    private static AllegationAmended amendAllegation(CaseState state, AmendAllegation c, Instant now) {
        requireNotClosed(state, "amend an allegation of");
        requireValid(c.allegation(), now);
        String id = c.allegation().allegationId();
        if (state.allegationWithdrawn(id)) {
            throw RuleViolation.conflict("Allegation " + id + " was withdrawn and can no longer be amended");
        }
        Allegation current = state.allegations().get(id);
        if (current == null) {
            throw RuleViolation.unprocessable("The case has no allegation " + id);
        }
        Allegation amended = naming(state, c.allegation());
        if (current.equals(amended)) {
            throw RuleViolation.unprocessable("The amendment changes nothing in allegation " + id);
        }
        return new AllegationAmended(state.caseId(), amended);
    }

    private static AllegationWithdrawn withdrawAllegation(CaseState state, WithdrawAllegation c) {
        requireNotClosed(state, "withdraw an allegation of");
        requireText(c.reason(), "Withdrawing an allegation needs a reason");
        if (state.allegationWithdrawn(c.allegationId())) {
            throw RuleViolation.conflict("Allegation " + c.allegationId() + " is already withdrawn");
        }
        if (!state.allegations().containsKey(c.allegationId())) {
            throw RuleViolation.unprocessable("The case has no allegation " + c.allegationId());
        }
        if (state.allegations().size() == 1) {
            throw RuleViolation.conflict("The last allegation cannot be withdrawn; decide no further action instead");
        }
        String reason = c.reason().strip();
        return new AllegationWithdrawn(state.caseId(), c.allegationId(), reason, state.subjectsNamedIn(reason));
    }

    // ---- people -------------------------------------------------------------------------------------

    /** Whether the person is staff (investigator or supervisor) is checked against the directory before this. */
    private static LeadInvestigatorAssigned assignLead(CaseState state, AssignLeadInvestigator c) {
        requireNotClosed(state, "reassign");
        requireStaff(c.leadInvestigator());
        if (state.leadInvestigator().userId().equals(c.leadInvestigator().userId())) {
            throw RuleViolation.conflict(c.leadInvestigator().name() + " already leads this case");
        }
        return new LeadInvestigatorAssigned(state.caseId(), c.leadInvestigator(), state.leadInvestigator());
    }

    private static TeamMemberAdded addTeamMember(CaseState state, AddTeamMember c) {
        requireNotClosed(state, "change the team of");
        requireStaff(c.member());
        if (state.leadInvestigator().userId().equals(c.member().userId())) {
            throw RuleViolation.conflict(c.member().name() + " leads this case already");
        }
        if (state.team().containsKey(c.member().userId())) {
            throw RuleViolation.conflict(c.member().name() + " is already on the team");
        }
        return new TeamMemberAdded(state.caseId(), c.member());
    }

    private static TeamMemberRemoved removeTeamMember(CaseState state, RemoveTeamMember c) {
        requireNotClosed(state, "change the team of");
        if (!state.team().containsKey(c.userId())) {
            throw RuleViolation.unprocessable("User " + c.userId() + " is not on the team of this case");
        }
        return new TeamMemberRemoved(state.caseId(), c.userId());
    }

    // ---- status -------------------------------------------------------------------------------------

    private static InvestigationStarted startInvestigation(CaseState state, StartInvestigation c) {
        CaseAction.START_INVESTIGATION.requireFrom(state.status());
        return new InvestigationStarted(state.caseId());
    }

    private static FindingsRecorded recordFindings(CaseState state, RecordFindings c) {
        CaseAction.RECORD_FINDINGS.requireFrom(state.status());
        requireText(c.findings(), "Findings cannot be empty");
        String findings = c.findings().strip();
        return new FindingsRecorded(state.caseId(), findings, state.subjectsNamedIn(findings));
    }

    /**
     * Only supervisors decide; the REST layer admits supervisors only, and the decider is recorded. A decision is
     * addressed to one respondent or to the whole case: on a case with several respondents each gets its own (a
     * penalty on its own turnover) or one case-wide decision stands for all, never both, never two for one.
     */
    private static DecisionIssued issueDecision(CaseState state, IssueDecision c, Instant now,
                                                PenaltyRegimes penaltyRegimes) {
        CaseAction.ISSUE_DECISION.requireFrom(state.status());
        if (c.kind() == null) {
            throw RuleViolation.unprocessable("A decision needs its kind: " + List.of(DecisionKind.values()));
        }
        requireText(c.reasons(), "A decision needs its reasons");
        requireStaff(c.decidedBy());
        String addressee = blank(c.addresseeOrganisationAlias()) ? null : c.addresseeOrganisationAlias().strip();
        requireAddressable(state, addressee, c.kind());
        EnforcementNotice notice = c.enforcementNotice();
        MonetaryPenalty penalty = c.monetaryPenalty();
        if (c.kind() != DecisionKind.ENFORCEMENT_NOTICE && notice != null) {
            throw RuleViolation.unprocessable("Only an enforcement notice decision carries enforcement steps");
        }
        if (c.kind() != DecisionKind.MONETARY_PENALTY && penalty != null) {
            throw RuleViolation.unprocessable("Only a monetary penalty decision carries a penalty");
        }
        if (c.kind() == DecisionKind.ENFORCEMENT_NOTICE) {
            notice = requireValid(notice, now);
            notice = new EnforcementNotice(notice.stepsRequired(), notice.complianceDate(),
                    state.subjectsNamedIn(notice.stepsRequired()));
        }
        if (c.kind() == DecisionKind.MONETARY_PENALTY) {
            penalty = withinCap(penalty, state.authority(), penaltyRegimes, now);
        }
        String reasons = c.reasons().strip();
        String internalReasoning = stripped(c.internalReasoning());
        return new DecisionIssued(state.caseId(), c.kind(), reasons, notice, penalty, c.decidedBy(), now,
                addressee, internalReasoning, state.subjectsNamedIn(reasons, internalReasoning));
    }

    /**
     * The addressee is a current respondent still without its decision; a case-wide decision comes only before any
     * respondent has its own. Notices and penalties bind one respondent (its steps, its turnover), so on a case with
     * several they are addressed.
     */
    private static void requireAddressable(CaseState state, String addressee, DecisionKind kind) {
        if (addressee == null) {
            if (!state.decidedFor().isEmpty()) {
                throw RuleViolation.conflict("Decisions were issued to respondents one by one; a case-wide decision "
                        + "cannot follow them. Decide for the remaining respondents: " + remaining(state));
            }
            if (state.respondents().size() > 1 && (kind == DecisionKind.MONETARY_PENALTY
                    || kind == DecisionKind.ENFORCEMENT_NOTICE)) {
                throw RuleViolation.unprocessable("On a case with several respondents, " + (kind
                        == DecisionKind.MONETARY_PENALTY ? "a monetary penalty (on its turnover)"
                        : "an enforcement notice (its steps)") + " is addressed to one respondent: name the addressee");
            }
            return;
        }
        Respondent respondent = state.respondents().get(addressee);
        if (respondent == null) {
            throw RuleViolation.unprocessable("'" + addressee + "' is not a respondent of this case; a decision is "
                    + "addressed to one of " + state.respondents().keySet() + " or to the whole case");
        }
        if (state.decidedFor().contains(addressee)) {
            throw RuleViolation.conflict(respondent.name() + " already has its decision; reopen the case to decide "
                    + "again");
        }
    }

    private static List<String> remaining(CaseState state) {
        return state.respondents().keySet().stream().filter(alias -> !state.decidedFor().contains(alias)).toList();
    }

    private static CaseClosed close(CaseState state, CloseCase c) {
        if (state.underLegalHold()) {
            throw RuleViolation.conflict("The case is under legal hold and cannot be closed until the hold is lifted");
        }
        if (!state.decided() && !state.referred()) {
            throw RuleViolation.conflict("A case cannot be closed without a decision or a referral");
        }
        CaseAction.CLOSE.requireFrom(state.status());
        requireText(c.reason(), "Closing a case needs a reason");
        String reason = c.reason().strip();
        String publicReason = stripped(c.publicReason());
        return new CaseClosed(state.caseId(), reason, publicReason, state.subjectsNamedIn(reason, publicReason));
    }

    private static CaseSuspended suspend(CaseState state, SuspendCase c) {
        CaseAction.SUSPEND.requireFrom(state.status());
        requireText(c.reason(), "Suspending a case needs a reason");
        String reason = c.reason().strip();
        return new CaseSuspended(state.caseId(), reason, state.status(), state.subjectsNamedIn(reason));
    }

    private static CaseResumed resume(CaseState state, ResumeCase c) {
        CaseAction.RESUME.requireFrom(state.status());
        return new CaseResumed(state.caseId(), state.statusBeforeSuspension());
    }

    /**
     * A case can be referred when it is opened (it belongs elsewhere), once findings are recorded, or while
     * under investigation when a respondent has let an evidence request go overdue.
     */
    private static CaseReferred refer(CaseState state, ReferCase c) {
        CaseAction.REFER.requireFrom(state.status());
        if (state.decidingPerRespondent()) {
            throw RuleViolation.conflict("Some respondents have their decision; decide for the remaining ones ("
                    + String.join(", ", remaining(state)) + ") instead of referring the case");
        }
        if (state.status() == CaseStatus.INVESTIGATING && !state.awaitingOverdueEvidence()) {
            throw RuleViolation.conflict("A case under investigation can be referred only when evidence it requested "
                    + "is overdue, or once findings are recorded");
        }
        Referral referral = c.referral();
        if (referral == null) {
            throw RuleViolation.unprocessable("A referral names the authority, their reference and the reason");
        }
        requireText(referral.authority(), "A referral names the authority it goes to");
        requireText(referral.theirReference(), "A referral records the other authority's reference");
        requireText(referral.reason(), "A referral needs its reason");
        String reason = referral.reason().strip();
        String publicReason = stripped(referral.publicReason());
        return new CaseReferred(state.caseId(), new Referral(referral.authority().strip(),
                referral.theirReference().strip(), reason, publicReason, state.subjectsNamedIn(reason, publicReason)));
    }

    private static CaseReopened reopen(CaseState state, ReopenCase c) {
        CaseAction.REOPEN.requireFrom(state.status());
        requireText(c.reason(), "Reopening a case needs a reason");
        String reason = c.reason().strip();
        return new CaseReopened(state.caseId(), reason, state.subjectsNamedIn(reason));
    }

    // ---- legal hold, notes, overdue evidence ---------------------------------------------------------

    private static LegalHoldPlaced placeLegalHold(CaseState state, PlaceLegalHold c) {
        requireText(c.reason(), "A legal hold needs a reason");
        if (state.underLegalHold()) {
            throw RuleViolation.conflict("The case is already under legal hold");
        }
        String reason = c.reason().strip();
        return new LegalHoldPlaced(state.caseId(), reason, state.subjectsNamedIn(reason));
    }

    private static LegalHoldLifted liftLegalHold(CaseState state, LiftLegalHold c) {
        requireText(c.reason(), "Lifting a legal hold needs a reason");
        if (!state.underLegalHold()) {
            throw RuleViolation.conflict("The case is not under legal hold");
        }
        String reason = c.reason().strip();
        return new LegalHoldLifted(state.caseId(), reason, state.subjectsNamedIn(reason));
    }

    private static CaseNoteAdded addNote(CaseState state, AddCaseNote c, Instant now) {
        requireText(c.noteId(), "A note needs an id");
        requireText(c.text(), "A note cannot be empty");
        requireStaff(c.author());
        if (state.hasNote(c.noteId())) {
            throw RuleViolation.conflict("Note " + c.noteId() + " already exists");
        }
        String text = c.text().strip();
        return new CaseNoteAdded(state.caseId(), c.noteId(), text, c.author(), now, state.subjectsNamedIn(text));
    }

    // ---- erasure ------------------------------------------------------------------------------------

    /** A person named in the case, not a party: a data subject of it from now on. */
    private static PersonNamed namePerson(CaseState state, NamePerson c) {
        requireText(c.person().personId(), "A named person needs an id");
        requireText(c.person().name(), "A named person needs a name");
        requireText(c.person().role(), "Say in what role the case names them (e.g. witness)");
        if (state.people().containsKey(c.person().personId())
                || state.complainants().containsKey(c.person().personId())) {
            throw RuleViolation.conflict("Person " + c.person().personId() + " is already named in the case");
        }
        NamedPerson named = c.person().onCase(state.caseId());
        requireTitleNamesNobody(state.title(), Map.of(named.dataSubject(), named.name()));
        return new PersonNamed(state.caseId(), named);
    }

    /** A data subject erased: never while the case is under legal hold, and once. */
    private static DataSubjectErased erase(CaseState state, EraseDataSubject c, Instant now) {
        requireText(c.reason(), "Erasing a data subject needs a reason (the law that requires it)");
        requireStaff(c.erasedBy());
        CaseState.Person person = state.people().get(c.personId());
        if (person == null) {
            throw state.complainants().containsKey(c.personId())
                    ? RuleViolation.unprocessable("Complainant " + c.personId() + " is an organisation, not a "
                            + "person: there is no personal data of theirs to erase")
                    : RuleViolation.unprocessable("'" + c.personId() + "' is neither a complainant nor a person "
                            + "named in this case");
        }
        if (state.underLegalHold()) {
            throw RuleViolation.conflict("The case is under legal hold (" + state.legalHold() + "): nothing of it may "
                    + "be erased until the hold is lifted");
        }
        if (state.erasedSubjects().contains(person.dataSubject())) {
            throw RuleViolation.conflict(c.personId() + " is erased already");
        }
        return new DataSubjectErased(state.caseId(), c.personId(), person.dataSubject(), c.reason().strip(),
                c.erasedBy(), now);
    }

    /** A title is shown to respondents and in notices and e-mails, which are never erased: it names no person. */
    private static void requireTitleNamesNobody(String title, Map<String, String> names) {
        if (!DataSubjects.fullyNamedIn(title, names).isEmpty()) {
            throw RuleViolation.unprocessable("The case's title names a complainant who is a person; a title is shown "
                    + "to respondents and in notices, so it must not name them (name them in the summary instead)");
        }
    }

    private static Allegation naming(CaseState state, Allegation allegation) {
        return allegation.naming(state.subjectsNamedIn(allegation.description()));
    }

    /** Idempotent: the same request overdue for the same due moment is recorded once. */
    private static List<CaseEvent> recordOverdueEvidence(CaseState state, RecordOverdueEvidence c) {
        requireText(c.requestId(), "Overdue evidence names its request");
        if (c.dueAt() == null) {
            throw RuleViolation.unprocessable("Overdue evidence names the due moment it missed");
        }
        if (state.overdueRecorded(c.requestId(), c.dueAt())) {
            return List.of();
        }
        return List.of(new CaseAwaitingOverdueEvidence(state.caseId(), c.requestId(), c.dueAt()));
    }

    /** Idempotent: only a request the case still awaits is resolved; anything else changes nothing. */
    private static List<CaseEvent> resolveOverdueEvidence(CaseState state, ResolveOverdueEvidence c) {
        requireText(c.requestId(), "Overdue evidence names its request");
        if (c.resolution() == null) {
            throw RuleViolation.unprocessable("Say how the overdue evidence was resolved");
        }
        if (!state.awaitingOverdueEvidence(c.requestId())) {
            return List.of();
        }
        return List.of(new CaseOverdueEvidenceResolved(state.caseId(), c.requestId(), c.resolution()));
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static MonetaryPenalty withinCap(MonetaryPenalty penalty, String authority, PenaltyRegimes regimes,
                                             Instant now) {
        if (penalty == null || penalty.amount() == null || penalty.worldwideAnnualTurnover() == null) {
            throw RuleViolation.unprocessable("A monetary penalty needs its amount and the worldwide annual turnover "
                    + "it was based on");
        }
        PenaltyRegime regime = regimes.require(authority, penalty.regime());
        if (!regime.currency().equals(penalty.currency())) {
            throw RuleViolation.unprocessable("Penalties under " + regime.name() + " are stated in "
                    + regime.currency() + ", not " + penalty.currency());
        }
        if (penalty.amount().signum() <= 0 || penalty.amount().stripTrailingZeros().scale() > 2) {
            throw RuleViolation.unprocessable("A monetary penalty is more than zero, in whole pence");
        }
        if (penalty.worldwideAnnualTurnover().signum() < 0) {
            throw RuleViolation.unprocessable("Worldwide annual turnover cannot be negative");
        }
        BigDecimal turnover = inRegimeCurrency(penalty, regime, now);
        BigDecimal cap = regime.maximum(turnover);
        if (penalty.amount().compareTo(cap) > 0) {
            throw RuleViolation.unprocessable("A penalty of " + PenaltyRegime.money(regime.currency(), penalty.amount())
                    + " exceeds the maximum under " + regime.name() + " (" + regime.source() + "): "
                    + regime.explain(turnoverAsStated(penalty, regime, turnover), cap));
        }
        boolean converted = !penalty.turnoverCurrency().equals(regime.currency());
        return new MonetaryPenalty(penalty.amount(), regime.currency(), penalty.worldwideAnnualTurnover(), cap,
                regime.id(), penalty.turnoverCurrency(), converted ? penalty.exchangeRate() : null,
                converted ? penalty.exchangeRateDate() : null);
    }

    /** Turnover in the regime's currency: as stated, or converted at the rate (and date) the supervisor gives. */
    private static BigDecimal inRegimeCurrency(MonetaryPenalty penalty, PenaltyRegime regime, Instant now) {
        if (penalty.turnoverCurrency().equals(regime.currency())) {
            return penalty.worldwideAnnualTurnover();
        }
        if (!penalty.turnoverCurrency().matches("[A-Z]{3}")) {
            throw RuleViolation.unprocessable("The turnover's currency is an ISO 4217 code, not '"
                    + penalty.turnoverCurrency() + "'");
        }
        if (penalty.exchangeRate() == null || penalty.exchangeRate().signum() <= 0
                || penalty.exchangeRateDate() == null) {
            throw RuleViolation.unprocessable("Turnover in " + penalty.turnoverCurrency() + " needs the exchange rate "
                    + "to " + regime.currency() + " used and its date");
        }
        if (penalty.exchangeRateDate().isAfter(LocalDate.ofInstant(now, UK))) {
            throw RuleViolation.unprocessable("An exchange rate cannot be dated after today");
        }
        return penalty.worldwideAnnualTurnover().multiply(penalty.exchangeRate()).setScale(2, RoundingMode.DOWN);
    }

    private static String turnoverAsStated(MonetaryPenalty penalty, PenaltyRegime regime, BigDecimal converted) {
        String inRegime = PenaltyRegime.money(regime.currency(), converted);
        if (penalty.turnoverCurrency().equals(regime.currency())) {
            return inRegime;
        }
        return PenaltyRegime.money(penalty.turnoverCurrency(), penalty.worldwideAnnualTurnover()) + " at "
                + penalty.exchangeRate().stripTrailingZeros().toPlainString() + " " + regime.currency() + " per "
                + penalty.turnoverCurrency() + " (" + penalty.exchangeRateDate() + ") = " + inRegime;
    }

    private static EnforcementNotice requireValid(EnforcementNotice notice, Instant now) {
        if (notice == null || notice.stepsRequired() == null || notice.stepsRequired().isEmpty()
                || notice.stepsRequired().stream().anyMatch(CaseRules::blank)) {
            throw RuleViolation.unprocessable("An enforcement notice lists the steps required, none of them blank");
        }
        if (notice.complianceDate() == null || !notice.complianceDate().isAfter(LocalDate.ofInstant(now, UK))) {
            throw RuleViolation.unprocessable("An enforcement notice needs a compliance date after today");
        }
        return new EnforcementNotice(List.copyOf(notice.stepsRequired()), notice.complianceDate());
    }

    private static void requireValid(Allegation a, Instant now) {
        if (a == null) {
            throw RuleViolation.unprocessable("An allegation is missing");
        }
        requireText(a.allegationId(), "An allegation needs an id");
        requireText(a.legalBasis(), "An allegation needs its legal basis, e.g. \"UK GDPR Art. 6(1)\"");
        requireText(a.description(), "An allegation needs a description of the conduct");
        LocalDate today = LocalDate.ofInstant(now, UK);
        if (a.conductFrom() != null && a.conductTo() != null && a.conductFrom().isAfter(a.conductTo())) {
            throw RuleViolation.unprocessable("The conduct of allegation " + a.allegationId() + " cannot end ("
                    + a.conductTo() + ") before it began (" + a.conductFrom() + ")");
        }
        if (a.conductFrom() != null && a.conductFrom().isAfter(today)) {
            throw RuleViolation.unprocessable("The conduct of allegation " + a.allegationId()
                    + " cannot begin in the future");
        }
    }

    private static void requireValid(Respondent r) {
        if (r == null) {
            throw RuleViolation.unprocessable("A respondent is missing");
        }
        requireText(r.organisationAlias(), "A respondent needs its organisation");
        requireText(r.name(), "A respondent needs a name");
    }

    private static void requireValid(Complainant c) {
        if (c == null || c.kind() == null) {
            throw RuleViolation.unprocessable("A complainant is an organisation or a person");
        }
        requireText(c.complainantId(), "A complainant needs an id");
        requireText(c.name(), "A complainant needs a name");
        if (c.kind() == Complainant.Kind.PERSON && c.organisationAlias() != null) {
            throw RuleViolation.unprocessable("A person complaining has no organisation alias");
        }
    }

    private static void requireStaff(StaffMember member) {
        if (member == null || blank(member.userId()) || blank(member.name())) {
            throw RuleViolation.unprocessable("A member of staff is named by user id and name");
        }
    }

    private static void requireNotClosed(CaseState state, String action) {
        if (state.status() == CaseStatus.CLOSED) {
            throw RuleViolation.conflict("Cannot " + action + " a closed case; reopen it first");
        }
    }

    private static void requireDistinct(List<String> values, String message) {
        if (new HashSet<>(values).size() != values.size()) {
            throw RuleViolation.unprocessable(message);
        }
    }

    private static void requireText(String value, String message) {
        if (blank(value)) {
            throw RuleViolation.unprocessable(message);
        }
    }

    /** Optional text as recorded: stripped, and none when blank. */
    private static String stripped(String value) {
        return blank(value) ? null : value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
