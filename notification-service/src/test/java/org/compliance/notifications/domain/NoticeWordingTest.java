package org.compliance.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.compliance.api.cases.Allegation;
import org.compliance.api.cases.CaseClosed;
import org.compliance.api.cases.CaseEvent;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.CaseReferred;
import org.compliance.api.cases.Confidentiality;
import org.compliance.api.cases.DecisionIssued;
import org.compliance.api.cases.DecisionKind;
import org.compliance.api.cases.EnforcementNotice;
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
import org.junit.jupiter.api.Test;

/**
 * The exact words of every kind of notice, for fixed events, names and moments: the case by its title, the
 * organisation by its name, the decision in words, moments in UK time with the zone's name (BST in summer, GMT
 * in winter).
 */
class NoticeWordingTest {

    private static final StaffMember IRIS = new StaffMember("u-iris", "Iris Investigator");
    private static final StaffMember SAM = new StaffMember("u-sam", "Sam Supervisor");
    private static final CompanyUser NORA = new CompanyUser("u-nora", "Nora Northwind", "northwind-cloud");
    /** 23:59:59 London time in summer (BST) and in winter (GMT). */
    private static final Instant SUMMER = Instant.parse("2026-07-15T22:59:59Z");
    private static final Instant WINTER = Instant.parse("2026-12-15T23:59:59Z");
    private static final Names NAMES = new Names() {
        @Override
        public Optional<String> caseTitle(String caseId) {
            return caseId.equals("c-1") ? Optional.of("Training data retention") : Optional.empty();
        }

        @Override
        public String organisation(String alias) {
            return Map.of("northwind-cloud", "Northwind Cloud Ltd", "contoso-models", "Contoso Models plc")
                    .getOrDefault(alias, alias);
        }
    };

    @Test
    void moments_are_in_uk_time_with_the_zone_s_name() {
        assertThat(Words.moment(SUMMER)).isEqualTo("23:59 BST on 15 July 2026");
        assertThat(Words.moment(WINTER)).isEqualTo("23:59 GMT on 15 December 2026");
        assertThat(Words.money("GBP", new BigDecimal("1250000"))).isEqualTo("GBP 1,250,000.00");
    }

    @Test
    void case_assigned() {
        var opened = new CaseOpened("c-1", "Training data retention", "Fictional", "Information Commissioner's Office",
                List.of("UK GDPR"), Priority.NORMAL, Confidentiality.STANDARD,
                List.of(new Respondent("northwind-cloud", "Northwind"), new Respondent("contoso-models", "Contoso")),
                List.of(), List.of(new Allegation("A1", "UK GDPR Art. 5(1)(e)", "Kept too long", null, null)), IRIS,
                Instant.parse("2026-11-02T09:30:00Z"));
        assertWords(opened, "You lead the new case \"Training data retention\"",
                "The case \"Training data retention\" against Northwind Cloud Ltd and Contoso Models plc was opened "
                        + "at 09:30 GMT on 2 November 2026 with you as lead investigator.");
        assertWords(new LeadInvestigatorAssigned("c-1", SAM, IRIS), "You now lead the case \"Training data retention\"",
                "You were made lead investigator of the case \"Training data retention\", in place of Iris "
                        + "Investigator.");
        assertWords(new TeamMemberAdded("c-1", SAM), "You joined the team of the case \"Training data retention\"",
                "You were added to the investigation team of the case \"Training data retention\".");
    }

    @Test
    void a_case_whose_title_is_not_known_is_named_by_its_id() {
        assertWords(new TeamMemberAdded("c-2", SAM), "You joined the team of the case c-2",
                "You were added to the investigation team of the case c-2.");
    }

    @Test
    void request_issued_in_summer_and_in_winter() {
        assertWords(new EvidenceRequestIssued("r-1", "c-1", "northwind-cloud", List.of("Policies", "Logs"),
                        "UK GDPR Art. 58(1)(a)", "PDF please", SUMMER, "Europe/London", IRIS, SUMMER),
                "Evidence requested in the case \"Training data retention\", due 23:59 BST on 15 July 2026",
                """
                        Under UK GDPR Art. 58(1)(a), Northwind Cloud Ltd is required to produce, in the case \
                        "Training data retention":
                          - Policies
                          - Logs
                        Instructions: PDF please
                        The evidence is due by 23:59 BST on 15 July 2026.""");
        assertWords(new EvidenceRequestIssued("r-1", "c-1", "northwind-cloud", List.of("Policies"),
                        "UK GDPR Art. 58(1)(a)", "", WINTER, "Europe/London", IRIS, WINTER),
                "Evidence requested in the case \"Training data retention\", due 23:59 GMT on 15 December 2026",
                """
                        Under UK GDPR Art. 58(1)(a), Northwind Cloud Ltd is required to produce, in the case \
                        "Training data retention":
                          - Policies
                        The evidence is due by 23:59 GMT on 15 December 2026.""");
    }

    @Test
    void deadline_approaching() {
        assertWords(new EvidenceDeadlineApproaching("r-1", "c-1", "northwind-cloud", WINTER, 1),
                "Evidence due in 1 day (case \"Training data retention\")",
                "The evidence requested from Northwind Cloud Ltd in the case \"Training data retention\" is due by "
                        + "23:59 GMT on 15 December 2026.");
        assertWords(new EvidenceDeadlineApproaching("r-1", "c-1", "northwind-cloud", SUMMER, 7),
                "Evidence due in 7 days (case \"Training data retention\")",
                "The evidence requested from Northwind Cloud Ltd in the case \"Training data retention\" is due by "
                        + "23:59 BST on 15 July 2026.");
    }

    @Test
    void request_overdue() {
        assertWords(new EvidenceRequestOverdue("r-1", "c-1", "northwind-cloud", SUMMER),
                "Evidence overdue from Northwind Cloud Ltd (case \"Training data retention\")",
                "The evidence requested from Northwind Cloud Ltd in the case \"Training data retention\" was due by "
                        + "23:59 BST on 15 July 2026 and has not been accepted.");
    }

    @Test
    void evidence_submitted() {
        var late = new EvidenceSubmitted("r-1", "c-1", "s-1",
                List.of(new EvidenceFile("f-1", "a.pdf", "application/pdf", 10, "ab".repeat(32))), "Policies",
                new StatementOfTruth("Nora Northwind", "DPO"), NORA, Instant.parse("2026-12-16T10:15:00Z"), true);
        assertWords(late, "Late evidence submitted by Northwind Cloud Ltd (case \"Training data retention\")",
                "1 file submitted by Nora Northwind (DPO) at 10:15 GMT on 16 December 2026, after the due moment: "
                        + "Policies");
    }

    @Test
    void extension_requested() {
        assertWords(new ExtensionRequested("r-1", "c-1", "Archive offline", NORA, SUMMER),
                "Extension asked for by Northwind Cloud Ltd (case \"Training data retention\")",
                "Nora Northwind of Northwind Cloud Ltd asks for more time in the case \"Training data retention\": "
                        + "Archive offline");
    }

    @Test
    void extension_granted_from_summer_into_winter() {
        assertWords(new ExtensionGranted("r-1", "c-1", Instant.parse("2026-10-20T22:59:59Z"),
                        Instant.parse("2026-10-27T23:59:59Z"), SAM),
                "Extension granted: evidence now due 23:59 GMT on 27 October 2026 (case \"Training data retention\")",
                "Your extension in the case \"Training data retention\" was granted. The evidence is now due by "
                        + "23:59 GMT on 27 October 2026 (was 23:59 BST on 20 October 2026).");
    }

    @Test
    void extension_refused() {
        assertWords(new ExtensionRefused("r-1", "c-1", "No grounds given", SAM),
                "Extension refused (case \"Training data retention\")",
                "Your extension in the case \"Training data retention\" was refused: No grounds given\n"
                        + "The evidence is due when it was due before.");
    }

    @Test
    void more_evidence_requested() {
        assertWords(new MoreEvidenceRequested("r-1", "c-1", "The 2025 logs", SUMMER, WINTER, IRIS),
                "More evidence required by 23:59 GMT on 15 December 2026 (case \"Training data retention\")",
                "More evidence is required in the case \"Training data retention\".\nStill missing: The 2025 logs\n"
                        + "Due by 23:59 GMT on 15 December 2026.");
    }

    @Test
    void request_withdrawn() {
        assertWords(new EvidenceRequestWithdrawn("r-1", "c-1", "Obtained elsewhere", IRIS),
                "Evidence request withdrawn (case \"Training data retention\")",
                "An evidence request in the case \"Training data retention\" was withdrawn: Obtained elsewhere\n"
                        + "Nothing more is to be sent for it.");
    }

    @Test
    void lengths_of_time_in_words() {
        assertThat(Words.duration(Duration.ofDays(3).plusHours(4))).isEqualTo("3 days 4 hours");
        assertThat(Words.duration(Duration.ofDays(1).plusMinutes(30).plusSeconds(59)))
                .isEqualTo("1 day 30 minutes");
        assertThat(Words.duration(Duration.ofHours(2))).isEqualTo("2 hours");
        assertThat(Words.duration(Duration.ofSeconds(40))).isEqualTo("less than a minute");
    }

    @Test
    void clock_stopped_in_summer_staff_and_company_words() {
        List<Notice> notices = NotificationPolicy.notices(new EvidenceClockStopped("r-1", "c-1",
                "Awaiting our answer to your question of 3 July", IRIS, Instant.parse("2026-07-06T09:00:00Z")), NAMES);
        assertThat(notices).hasSize(2).extracting(Notice::subject)
                .containsOnly("Clock stopped on an evidence request (case \"Training data retention\")");
        String stopped = " in the case \"Training data retention\" stopped at 10:00 BST on 6 July 2026.\n"
                + "Reason: Awaiting our answer to your question of 3 July";
        assertThat(notices.get(0).body()).isEqualTo("The clock of your evidence request" + stopped + "\n"
                + "While it is stopped, no reminder is sent and the evidence cannot become overdue. You will be told "
                + "when it restarts and when the evidence is then due.");
        assertThat(notices.get(1).body()).isEqualTo("The clock of an evidence request" + stopped + "\n"
                + "Stopped by Iris Investigator.");
    }

    @Test
    void clock_restarted_in_summer_and_in_winter_staff_and_company_words() {
        List<Notice> summer = NotificationPolicy.notices(new EvidenceClockRestarted("r-1", "c-1",
                Instant.parse("2026-07-06T09:00:00Z"), Instant.parse("2026-07-09T13:00:00Z"),
                Duration.ofDays(3).plusHours(4), SUMMER, Instant.parse("2026-07-19T02:59:59Z"), SAM), NAMES);
        assertThat(summer).hasSize(2).extracting(Notice::subject).containsOnly("Clock restarted: evidence now due "
                + "03:59 BST on 19 July 2026 (case \"Training data retention\")");
        String restarted = " in the case \"Training data retention\" restarted at 14:00 BST on 9 July 2026. It was "
                + "stopped for 3 days 4 hours, so the evidence is now due by 03:59 BST on 19 July 2026 (was 23:59 BST "
                + "on 15 July 2026).";
        assertThat(summer.get(0).body()).isEqualTo("The clock of your evidence request" + restarted);
        assertThat(summer.get(1).body()).isEqualTo("The clock of an evidence request" + restarted
                + "\nRestarted by Sam Supervisor.");

        List<Notice> winter = NotificationPolicy.notices(new EvidenceClockRestarted("r-1", "c-1",
                Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-04T14:30:00Z"),
                Duration.parse("PT76H30M"), WINTER, Instant.parse("2026-12-19T04:29:59Z"), SAM), NAMES);
        assertThat(winter.get(0).subject()).isEqualTo("Clock restarted: evidence now due 04:29 GMT on 19 December "
                + "2026 (case \"Training data retention\")");
        assertThat(winter.get(0).body()).isEqualTo("The clock of your evidence request in the case \"Training data "
                + "retention\" restarted at 14:30 GMT on 4 December 2026. It was stopped for 3 days 4 hours 30 "
                + "minutes, so the evidence is now due by 04:29 GMT on 19 December 2026 (was 23:59 GMT on 15 December "
                + "2026).");
    }

    @Test
    void decision_issued_a_penalty_to_one_respondent_staff_and_company_words() {
        var penalty = new DecisionIssued("c-1", DecisionKind.MONETARY_PENALTY, "Training without a lawful basis",
                null, new MonetaryPenalty(new BigDecimal("1250000"), "GBP", new BigDecimal("900000000"),
                new BigDecimal("36000000")), SAM, Instant.parse("2026-12-15T14:00:00Z"), "northwind-cloud",
                "Turnover checked against the 2025 accounts");
        List<Notice> notices = NotificationPolicy.notices(penalty, NAMES, null);
        assertThat(notices).hasSize(2);
        String told = "A decision was issued in the case \"Training data retention\" at 14:00 GMT on 15 December "
                + "2026, addressed to Northwind Cloud Ltd: a monetary penalty of GBP 1,250,000.00.\n"
                + "Reasons: Training without a lawful basis";
        Notice staff = notices.get(0);
        assertThat(staff.subject()).isEqualTo("Decision issued to Northwind Cloud Ltd in the case \"Training data "
                + "retention\": a monetary penalty of GBP 1,250,000.00");
        assertThat(staff.body()).isEqualTo(told + "\nInternal reasoning (staff only): Turnover checked against the "
                + "2025 accounts\nDecided by Sam Supervisor.");
        Notice company = notices.get(1);
        assertThat(company.subject()).isEqualTo("Decision in the case \"Training data retention\": a monetary "
                + "penalty of GBP 1,250,000.00");
        assertThat(company.body()).isEqualTo(told);
    }

    @Test
    void decision_issued_case_wide_in_summer_reprimand_enforcement_and_no_further_action() {
        assertCompanyWords(new DecisionIssued("c-1", DecisionKind.NO_FURTHER_ACTION, "Not established", null, null,
                        SAM, SUMMER), "Decision in the case \"Training data retention\": no further action",
                "A decision was issued in the case \"Training data retention\" at 23:59 BST on 15 July 2026, for "
                        + "the whole case: no further action.\nReasons: Not established");
        assertCompanyWords(new DecisionIssued("c-1", DecisionKind.REPRIMAND, "Consent boxes were pre-ticked", null,
                        null, SAM, WINTER, "contoso-models", null),
                "Decision in the case \"Training data retention\": a reprimand",
                "A decision was issued in the case \"Training data retention\" at 23:59 GMT on 15 December 2026, "
                        + "addressed to Contoso Models plc: a reprimand.\nReasons: Consent boxes were pre-ticked");
        assertCompanyWords(new DecisionIssued("c-1", DecisionKind.ENFORCEMENT_NOTICE, "Retention without limit",
                        new EnforcementNotice(List.of("Delete the training copies", "Report in writing"),
                                LocalDate.parse("2027-01-31")), null, SAM, WINTER, "northwind-cloud", null),
                "Decision in the case \"Training data retention\": an enforcement notice",
                """
                        A decision was issued in the case "Training data retention" at 23:59 GMT on 15 December \
                        2026, addressed to Northwind Cloud Ltd: an enforcement notice.
                        Reasons: Retention without limit
                        Steps required:
                          - Delete the training copies
                          - Report in writing
                        To be complied with by 31 January 2027.""");
    }

    @Test
    void case_referred_staff_and_company_words() {
        List<Notice> notices = NotificationPolicy.notices(new CaseReferred("c-1", new Referral(
                "Competition and Markets Authority", "CMA-1", "Competition matter; weak on data",
                "The conduct is a matter for the competition authority")), NAMES, "u-iris");
        assertThat(notices).extracting(Notice::subject).containsOnly(
                "The case \"Training data retention\" was referred to Competition and Markets Authority");
        assertThat(notices.get(0).body()).isEqualTo("The case \"Training data retention\" was referred to "
                + "Competition and Markets Authority (their reference CMA-1).\nReason: Competition matter; weak on "
                + "data\nThe parties were told: The conduct is a matter for the competition authority");
        assertThat(notices.get(1).body()).isEqualTo("The case \"Training data retention\" was referred to "
                + "Competition and Markets Authority.\nReason: The conduct is a matter for the competition authority");
        List<Notice> factOnly = NotificationPolicy.notices(new CaseReferred("c-1", new Referral(
                "Competition and Markets Authority", "CMA-1", "Competition matter")), NAMES, "u-iris");
        assertThat(factOnly.get(1).body()).isEqualTo("The case \"Training data retention\" was referred to "
                + "Competition and Markets Authority.");
        assertThat(factOnly.get(0).body()).endsWith("The parties were told only that the case was referred.");
    }

    @Test
    void case_closed_staff_and_company_words() {
        List<Notice> notices = NotificationPolicy.notices(new CaseClosed("c-1", "Penalty paid; weak evidence otherwise",
                "The decision has been complied with"), NAMES, "u-sam");
        assertThat(notices).extracting(Notice::subject).containsOnly("The case \"Training data retention\" was closed");
        assertThat(notices.get(0).body()).isEqualTo("The case \"Training data retention\" was closed.\nReason: Penalty "
                + "paid; weak evidence otherwise\nThe parties were told: The decision has been complied with");
        assertThat(notices.get(1).body()).isEqualTo("The case \"Training data retention\" was closed.\nReason: The "
                + "decision has been complied with");
        assertThat(NotificationPolicy.notices(new CaseClosed("c-1", "Internal only"), NAMES, null).get(1).body())
                .isEqualTo("The case \"Training data retention\" was closed.");
    }

    private static void assertWords(Object event, String subject, String body) {
        List<Notice> notices = switch (event) {
            case CaseEvent e -> NotificationPolicy.notices(e, NAMES, null);
            case EvidenceEvent e -> NotificationPolicy.notices(e, NAMES);
            default -> throw new IllegalArgumentException("Not an event of a case or a request: " + event);
        };
        assertThat(notices).hasSize(1);
        assertThat(notices.getFirst().subject()).isEqualTo(subject);
        assertThat(notices.getFirst().body()).isEqualTo(body);
    }

    private static void assertCompanyWords(DecisionIssued decision, String subject, String body) {
        Notice company = NotificationPolicy.notices(decision, NAMES, null).get(1);
        assertThat(company.subject()).isEqualTo(subject);
        assertThat(company.body()).isEqualTo(body);
    }
}
