package org.compliance.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.EventHandler;
import org.compliance.api.cases.Allegation;
import org.compliance.api.cases.CaseClosed;
import org.compliance.api.cases.CaseEvent;
import org.compliance.api.cases.CaseNoteAdded;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.CaseReferred;
import org.compliance.api.cases.Confidentiality;
import org.compliance.api.cases.DecisionIssued;
import org.compliance.api.cases.DecisionKind;
import org.compliance.api.cases.LeadInvestigatorAssigned;
import org.compliance.api.cases.MonetaryPenalty;
import org.compliance.api.cases.Priority;
import org.compliance.api.cases.Referral;
import org.compliance.api.cases.Respondent;
import org.compliance.api.cases.TeamMemberAdded;
import org.compliance.api.evidence.EvidenceClockRestarted;
import org.compliance.api.evidence.EvidenceClockStopped;
import org.compliance.api.evidence.EvidenceDeadlineApproaching;
import org.compliance.api.evidence.EvidenceEvent;
import org.compliance.api.evidence.EvidenceFile;
import org.compliance.api.evidence.EvidenceRequestAcknowledged;
import org.compliance.api.evidence.EvidenceRequestIssued;
import org.compliance.api.evidence.EvidenceRequestOverdue;
import org.compliance.api.evidence.EvidenceRequestWithdrawn;
import org.compliance.api.evidence.EvidenceSubmitted;
import org.compliance.api.evidence.ExtensionGranted;
import org.compliance.api.evidence.ExtensionRefused;
import org.compliance.api.evidence.ExtensionRequested;
import org.compliance.api.evidence.MoreEvidenceRequested;
import org.compliance.api.evidence.StatementOfTruth;
import org.compliance.api.shared.CompanyUser;
import org.compliance.api.shared.StaffMember;
import org.compliance.notifications.application.Notifier;
import org.compliance.notifications.domain.Audience.CaseLead;
import org.compliance.notifications.domain.Audience.CaseParties;
import org.compliance.notifications.domain.Audience.CaseTeam;
import org.compliance.notifications.domain.Audience.Organisation;
import org.compliance.notifications.domain.Audience.Person;
import org.compliance.notifications.domain.Audience.RequestRespondent;
import org.compliance.notifications.domain.Audience.Role;
import org.junit.jupiter.api.Test;

/** Each row of the README's table: for an event, who is told, what kind of notice, how urgent, whose action. */
class NotificationPolicyTest {

    private static final StaffMember IRIS = new StaffMember("u-iris", "Iris Investigator");
    private static final StaffMember SAM = new StaffMember("u-sam", "Sam Supervisor");
    private static final CompanyUser NORA = new CompanyUser("u-nora", "Nora Northwind", "northwind-cloud");
    private static final Instant DUE = Instant.parse("2026-07-15T22:59:59Z");
    private static final Names NAMES = new Names() {
        @Override
        public Optional<String> caseTitle(String caseId) {
            return Optional.of("Training data retention");
        }

        @Override
        public String organisation(String alias) {
            return alias;
        }
    };

    @Test
    void a_new_case_is_announced_to_its_lead_investigator_only() {
        var opened = new CaseOpened("c-1", "Training data retention", "Fictional summary of the case",
                "Information Commissioner's Office", List.of("UK GDPR"), Priority.NORMAL, Confidentiality.STANDARD,
                List.of(new Respondent("northwind-cloud", "Northwind Cloud Ltd")),
                List.of(), List.of(new Allegation("A1", "UK GDPR Art. 5(1)(e)", "Kept data too long", null, null)),
                IRIS, Instant.parse("2026-11-02T09:30:00Z"));
        assertOne(opened, NoticeKind.CASE_ASSIGNED, Urgency.NORMAL, new Person("u-iris"));
    }

    @Test
    void people_assigned_to_a_case_are_told() {
        assertOne(new LeadInvestigatorAssigned("c-1", SAM, IRIS), NoticeKind.CASE_ASSIGNED, Urgency.NORMAL,
                new Person("u-sam"));
        assertOne(new TeamMemberAdded("c-1", SAM), NoticeKind.CASE_ASSIGNED, Urgency.NORMAL, new Person("u-sam"));
    }

    @Test
    void an_issued_request_goes_to_the_respondent_with_a_copy_to_the_issuing_investigator_as_a_legal_notice() {
        var issued = new EvidenceRequestIssued("r-1", "c-1", "northwind-cloud", List.of("Policies", "Logs"),
                "UK GDPR Art. 58(1)(a)", "", DUE, "Europe/London", IRIS, DUE.minusSeconds(86_400 * 14));
        Notice notice = assertOne(issued, NoticeKind.REQUEST_ISSUED, Urgency.HIGH,
                new Organisation("northwind-cloud"), new Person("u-iris"));
        assertThat(notice.kind().isLegalNotice()).isTrue();
        assertThat(notice.body()).contains("  - Policies", "  - Logs", "23:59 BST on 15 July 2026")
                .doesNotContain("Instructions");
        assertThat(notice.actor()).as("the issuer's copy is their own action").isEqualTo("u-iris");
    }

    @Test
    void reminders_go_to_the_respondent_and_the_last_one_is_urgent() {
        assertOne(new EvidenceDeadlineApproaching("r-1", "c-1", "northwind-cloud", DUE, 7),
                NoticeKind.DEADLINE_APPROACHING, Urgency.HIGH, new Organisation("northwind-cloud"));
        assertOne(new EvidenceDeadlineApproaching("r-1", "c-1", "northwind-cloud", DUE, 1),
                NoticeKind.DEADLINE_APPROACHING, Urgency.URGENT, new Organisation("northwind-cloud"));
    }

    @Test
    void an_overdue_request_goes_to_the_lead_investigator_and_the_supervisors() {
        Notice notice = assertOne(new EvidenceRequestOverdue("r-1", "c-1", "northwind-cloud", DUE),
                NoticeKind.REQUEST_OVERDUE, Urgency.URGENT, new CaseLead("c-1"), new Role("supervisor"));
        assertThat(notice.kind().isLegalNotice()).isTrue();
    }

    @Test
    void submitted_evidence_goes_to_the_lead_investigator_and_says_when_it_is_late() {
        var late = new EvidenceSubmitted("r-1", "c-1", "s-1",
                List.of(new EvidenceFile("f-1", "a.pdf", "application/pdf", 10, "ab".repeat(32))), "Policies",
                new StatementOfTruth("Nora Northwind", "DPO"), NORA, DUE.plusSeconds(60), true);
        Notice notice = assertOne(late, NoticeKind.EVIDENCE_SUBMITTED, Urgency.NORMAL, new CaseLead("c-1"));
        assertThat(notice.subject()).startsWith("Late evidence");
    }

    @Test
    void an_extension_request_goes_to_the_lead_investigator_and_the_supervisors() {
        assertOne(new ExtensionRequested("r-1", "c-1", "Archive offline", NORA, DUE.minusSeconds(3600)),
                NoticeKind.EXTENSION_REQUESTED, Urgency.HIGH, new CaseLead("c-1"), new Role("supervisor"));
    }

    @Test
    void decisions_on_a_request_go_to_the_respondent() {
        RequestRespondent respondent = new RequestRespondent("r-1");
        assertOne(new ExtensionGranted("r-1", "c-1", DUE, DUE.plusSeconds(86_400 * 7), SAM),
                NoticeKind.EXTENSION_GRANTED, Urgency.NORMAL, respondent);
        assertOne(new ExtensionRefused("r-1", "c-1", "No grounds", SAM), NoticeKind.EXTENSION_REFUSED, Urgency.HIGH,
                respondent);
        assertOne(new MoreEvidenceRequested("r-1", "c-1", "The 2025 logs", DUE, DUE.plusSeconds(86_400 * 7), IRIS),
                NoticeKind.MORE_EVIDENCE_REQUESTED, Urgency.HIGH, respondent);
        assertOne(new EvidenceRequestWithdrawn("r-1", "c-1", "Obtained elsewhere", IRIS),
                NoticeKind.REQUEST_WITHDRAWN, Urgency.NORMAL, respondent);
    }

    @Test
    void a_stopped_or_restarted_clock_goes_to_the_respondent_and_to_the_team_but_not_to_whoever_did_it() {
        List<Notice> stopped = NotificationPolicy.notices(new EvidenceClockStopped("r-1", "c-1",
                "Awaiting our answer", IRIS, DUE.minusSeconds(86_400 * 5)), NAMES);
        assertThat(stopped).extracting(Notice::audience).containsExactly(List.of(new RequestRespondent("r-1")),
                List.of(new CaseTeam("c-1")));
        assertThat(stopped).allMatch(n -> n.kind() == NoticeKind.CLOCK_STOPPED && n.urgency() == Urgency.NORMAL
                && "r-1".equals(n.requestId()) && "u-iris".equals(n.actor()));
        assertThat(stopped.get(0).body()).as("the company reads the public reason, not who stopped it")
                .contains("Awaiting our answer").doesNotContain("Iris");

        List<Notice> restarted = NotificationPolicy.notices(new EvidenceClockRestarted("r-1", "c-1",
                DUE.minusSeconds(86_400 * 5), DUE.minusSeconds(86_400 * 2), Duration.ofDays(3), DUE,
                DUE.plus(Duration.ofDays(3)), SAM), NAMES);
        assertThat(restarted).extracting(Notice::audience).containsExactly(List.of(new RequestRespondent("r-1")),
                List.of(new CaseTeam("c-1")));
        assertThat(restarted).as("a moved due moment is not a matter of course").allMatch(n ->
                n.kind() == NoticeKind.CLOCK_RESTARTED && n.urgency() == Urgency.HIGH && "u-sam".equals(n.actor()));
        assertThat(restarted.get(0).body()).contains("3 days", "23:59 BST on 18 July 2026").doesNotContain("Sam");
        assertThat(List.of(NoticeKind.CLOCK_STOPPED, NoticeKind.CLOCK_RESTARTED))
                .as("like a granted extension, a moved due moment is not a legal notice")
                .noneMatch(NoticeKind::isLegalNotice);
    }

    @Test
    void decisions_referrals_and_closures_go_to_the_team_and_in_public_words_to_the_parties() {
        List<Notice> decision = NotificationPolicy.notices(new DecisionIssued("c-1", DecisionKind.REPRIMAND,
                "Training without a basis", null, null, SAM, DUE), NAMES, null);
        assertThat(decision).extracting(Notice::audience).containsExactly(List.of(new CaseTeam("c-1")),
                List.of(new CaseParties("c-1")));
        assertThat(decision).allMatch(n -> n.kind() == NoticeKind.DECISION_ISSUED && n.kind().isLegalNotice()
                && n.urgency() == Urgency.HIGH && "u-sam".equals(n.actor()));
        assertThat(NotificationPolicy.notices(new CaseReferred("c-1", new Referral("Competition and Markets Authority",
                "CMA-1", "Competition")), NAMES, "u-iris")).extracting(Notice::audience).containsExactly(
                List.of(new CaseTeam("c-1")), List.of(new CaseParties("c-1")));
        List<Notice> closed = NotificationPolicy.notices(new CaseClosed("c-1", "Decided"), NAMES, "u-iris");
        assertThat(closed).extracting(Notice::audience).containsExactly(List.of(new CaseTeam("c-1")),
                List.of(new CaseParties("c-1")));
        assertThat(closed).allMatch(n -> n.kind() == NoticeKind.CASE_CLOSED && "u-iris".equals(n.actor()));
    }

    @Test
    void a_decision_addressed_to_one_respondent_is_told_to_that_respondent_only_without_internal_reasoning() {
        List<Notice> notices = NotificationPolicy.notices(new DecisionIssued("c-1", DecisionKind.MONETARY_PENALTY,
                "Public reasons", null, new MonetaryPenalty(new BigDecimal("1250000"), "GBP",
                new BigDecimal("900000000"), new BigDecimal("36000000")), SAM, DUE, "northwind-cloud",
                "Internal reasoning"), NAMES, null);
        assertThat(notices).extracting(Notice::audience).containsExactly(List.of(new CaseTeam("c-1")),
                List.of(new Organisation("northwind-cloud")));
        assertThat(notices.get(0).body()).contains("Internal reasoning");
        assertThat(notices.get(1).body()).contains("Public reasons", "GBP 1,250,000.00")
                .doesNotContain("Internal reasoning", "900,000,000", "36,000,000");
    }

    @Test
    void closing_and_referral_reasons_reach_the_parties_only_in_their_public_form() {
        List<Notice> closed = NotificationPolicy.notices(new CaseClosed("c-1", "Internal: weak case", null), NAMES,
                null);
        assertThat(closed.get(0).body()).contains("Internal: weak case");
        assertThat(closed.get(1).body()).doesNotContain("Internal");
        List<Notice> referred = NotificationPolicy.notices(new CaseReferred("c-1", new Referral("CMA", "CMA-1",
                "Internal: not worth our time", "A competition matter")), NAMES, null);
        assertThat(referred.get(0).body()).contains("Internal: not worth our time", "CMA-1");
        assertThat(referred.get(1).body()).contains("A competition matter").doesNotContain("Internal", "CMA-1");
    }

    @Test
    void the_actor_of_a_staff_action_is_named_from_the_event_or_else_from_who_sent_the_command() {
        assertThat(NotificationPolicy.notices(new TeamMemberAdded("c-1", SAM), NAMES, "u-iris"))
                .extracting(Notice::actor).containsExactly("u-iris");
        assertThat(NotificationPolicy.notices(new ExtensionGranted("r-1", "c-1", DUE, DUE.plusSeconds(60), SAM),
                NAMES)).extracting(Notice::actor).containsExactly("u-sam");
        assertThat(NotificationPolicy.notices(new EvidenceRequestOverdue("r-1", "c-1", "northwind-cloud", DUE), NAMES))
                .as("nobody acts when a deadline passes").extracting(Notice::actor).containsOnlyNulls();
    }

    @Test
    void events_outside_the_table_notify_nobody() {
        assertThat(NotificationPolicy.notices(new CaseNoteAdded("c-1", "n-1", "Internal", IRIS, DUE), NAMES, null))
                .isEmpty();
        assertThat(NotificationPolicy.notices(new EvidenceRequestAcknowledged("r-1", "c-1", NORA, DUE), NAMES))
                .isEmpty();
    }

    @Test
    void what_is_not_a_case_or_request_event_never_reaches_the_policy() {
        // The policy takes only the two sealed families; the notifier handles nothing else.
        assertThat(Arrays.stream(Notifier.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(EventHandler.class))
                .map(m -> m.getParameterTypes()[0]))
                .containsExactlyInAnyOrder(CaseEvent.class, EvidenceEvent.class);
    }

    @Test
    void only_request_issued_overdue_and_decisions_are_legal_notices() {
        assertThat(List.of(NoticeKind.values())).filteredOn(NoticeKind::isLegalNotice).containsExactlyInAnyOrder(
                NoticeKind.REQUEST_ISSUED, NoticeKind.REQUEST_OVERDUE, NoticeKind.DECISION_ISSUED);
    }

    private static Notice assertOne(Object event, NoticeKind kind, Urgency urgency, Audience... audience) {
        List<Notice> notices = switch (event) {
            case CaseEvent e -> NotificationPolicy.notices(e, NAMES, null);
            case EvidenceEvent e -> NotificationPolicy.notices(e, NAMES);
            default -> throw new IllegalArgumentException("Not an event of a case or a request: " + event);
        };
        assertThat(notices).hasSize(1);
        Notice notice = notices.getFirst();
        assertThat(notice.kind()).isEqualTo(kind);
        assertThat(notice.urgency()).isEqualTo(urgency);
        assertThat(notice.audience()).containsExactly(audience);
        assertThat(notice.caseId()).isEqualTo("c-1");
        return notice;
    }
}
