package org.compliance.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.compliance.api.cases.CaseDocument;
import org.compliance.api.cases.views.NextStep;
import org.compliance.api.cases.views.PenaltyRegimeView;
import org.compliance.api.cases.views.RespondentCaseView;
import org.compliance.api.shared.PersonalData;
import org.junit.jupiter.api.Test;

/**
 * The case page renders each audience's view as case-service answers it: a company's (its organisation, the
 * allegations themselves, the decision; no respondents, team, notes or findings) and the staff's full one. The
 * answers are read into the api module's records, as the portal's clients read them.
 */
@QuarkusTest
@TestProfile(FailuresTest.WithoutSignIn.class)
class CasePageTest {

    @Inject
    @Location("case.html")
    Template page;

    @Inject
    ObjectMapper json;

    @Inject
    AsAnswered asAnswered;

    @Test
    @ActivateRequestContext
    void a_company_sees_its_view_of_a_decided_case() throws Exception {
        String html = render("""
                {"caseId": "c-1", "title": "Northwind: consent boxes pre-ticked", "authority": "ICO",
                 "status": "DECISION_ISSUED", "legalBases": ["UK GDPR"], "yourOrganisation": "northwind-cloud",
                 "allegations": [{"allegationId": "a-1", "legalBasis": "UK GDPR Art. 6(1)",
                                  "description": "Consent assumed", "conductFrom": "2025-03-01", "conductTo": null}],
                 "decision": {"kind": "REPRIMAND", "reasons": "Consent must be given, not assumed",
                              "enforcementNotice": null, "monetaryPenalty": null, "issuedAt": "2026-11-30T10:00:00Z"},
                 "openedAt": "2026-10-01T09:00:00Z", "version": 3}
                """, RespondentCaseView.class, false);
        assertThat(html).contains("Northwind: consent boxes pre-ticked", "northwind-cloud (your organisation)",
                        "UK GDPR Art. 6(1)", "Consent assumed", "conduct from 1 Mar 2025", "Reprimand",
                        "Consent must be given, not assumed")
                .doesNotContain("NOT_FOUND", "<h2>Respondents</h2>", "<h2>Notes</h2>", "Findings", "Withdrawn");
    }

    @Test
    @ActivateRequestContext
    void staff_see_the_full_case() throws Exception {
        String html = render("""
                {"caseId": "c-2", "version": 4, "title": "Contoso: bulk extraction", "summary": "API misuse",
                 "authority": "CMA", "legalBases": ["Competition Act 1998"], "priority": "HIGH",
                 "confidentiality": "RESTRICTED", "status": "FINDINGS", "statusBeforeSuspension": null,
                 "suspensionReason": null,
                 "respondents": [{"organisationAlias": "contoso-models", "name": "Contoso Models plc"}],
                 "complainants": [],
                 "allegations": [{"allegation": {"allegationId": "a-2", "legalBasis": "s.18", "description": "Scraping",
                                                 "conductFrom": null, "conductTo": null},
                                  "withdrawn": true, "withdrawalReason": "Not pursued"}],
                 "leadInvestigator": {"userId": "u-1", "name": "Iris Investigator"}, "team": [],
                 "findings": "Bulk extraction shown", "decision": null, "referral": null, "legalHoldReason": null,
                 "overdueEvidence": [], "closingReason": null, "reopeningReason": null,
                 "openedAt": "2026-10-01T09:00:00Z", "updatedAt": "2026-11-01T09:00:00Z"}
                """, CaseDocument.class, true);
        assertThat(html).contains("Contoso Models plc", "Iris Investigator", "Scraping", "Withdrawn: Not pursued",
                        "Bulk extraction shown", "<h2>Notes</h2>")
                .doesNotContain("NOT_FOUND", "your organisation");
    }

    @Test
    @ActivateRequestContext
    void a_company_sees_its_own_decision_and_only_the_public_reasons() throws Exception {
        String html = render("""
                {"caseId": "c-3", "title": "Two companies", "authority": "ICO", "status": "CLOSED",
                 "legalBases": ["UK GDPR"], "yourOrganisation": "contoso-models", "allegations": [],
                 "decision": {"kind": "ENFORCEMENT_NOTICE", "reasons": "The notice did not mention training",
                              "enforcementNotice": {"stepsRequired": ["Rewrite the privacy notice"],
                                                    "complianceDate": "2027-01-31"},
                              "monetaryPenalty": null, "issuedAt": "2026-11-30T10:00:00Z",
                              "addressee": "Contoso Models plc"},
                 "closingReason": "Decisions issued to both", "referredTo": null, "referralReason": null,
                 "openedAt": "2026-10-01T09:00:00Z", "version": 5}
                """, RespondentCaseView.class, false);
        assertThat(html).contains("Enforcement notice", "addressed to Contoso Models plc",
                        "Steps required of Contoso Models plc", "Rewrite the privacy notice",
                        "The notice did not mention training", "Closed because", "Decisions issued to both")
                .doesNotContain("Internal reasoning", "(internal)");
    }

    @Test
    @ActivateRequestContext
    void staff_see_every_decision_with_its_addressee_and_internal_reasoning() throws Exception {
        String html = render("""
                {"caseId": "c-4", "version": 5, "title": "Two companies", "summary": "Training data",
                 "authority": "ICO", "legalBases": ["UK GDPR"], "priority": "HIGH", "confidentiality": "STANDARD",
                 "status": "CLOSED",
                 "respondents": [{"organisationAlias": "northwind-cloud", "name": "Northwind Cloud Ltd"},
                                 {"organisationAlias": "contoso-models", "name": "Contoso Models plc"}],
                 "complainants": [], "allegations": [],
                 "leadInvestigator": {"userId": "u-1", "name": "Iris Investigator"}, "team": [],
                 "decisions": [
                   {"caseId": "c-4", "kind": "MONETARY_PENALTY", "reasons": "Trained without a basis",
                    "monetaryPenalty": {"amount": 20000000, "currency": "GBP", "worldwideAnnualTurnover": 1234567890,
                                        "statutoryMaximum": 49382715.60, "regime": "uk-gdpr-higher-maximum"},
                    "decidedBy": {"userId": "u-2", "name": "Sam Supervisor"}, "issuedAt": "2026-11-30T10:00:00Z",
                    "addresseeOrganisationAlias": "northwind-cloud", "internalReasoning": "The board overruled its DPO"},
                   {"caseId": "c-4", "kind": "REPRIMAND", "reasons": "The notice was silent",
                    "decidedBy": {"userId": "u-2", "name": "Sam Supervisor"}, "issuedAt": "2026-11-30T11:00:00Z",
                    "addresseeOrganisationAlias": "contoso-models", "internalReasoning": null}],
                 "closingReason": "No appeal expected", "publicClosingReason": "Decisions issued to both",
                 "overdueEvidence": [], "openedAt": "2026-10-01T09:00:00Z", "updatedAt": "2026-11-30T12:00:00Z"}
                """, CaseDocument.class, true);
        assertThat(html).contains("<h2>Decisions</h2>", "Northwind Cloud Ltd", "Monetary penalty",
                "Trained without a basis", "The board overruled its DPO", "uk-gdpr-higher-maximum", "1234567890",
                "Contoso Models plc", "Reprimand", "The notice was silent", "None recorded",
                "Closed because (internal)", "No appeal expected", "Respondents are told", "Decisions issued to both");
    }

    @Test
    @ActivateRequestContext
    void the_decision_form_offers_the_undecided_respondents_and_the_regimes() throws Exception {
        CaseDocument c = json.readValue("""
                {"caseId": "c-5", "version": 3, "title": "Two companies", "authority": "ICO",
                 "legalBases": ["UK GDPR"], "status": "FINDINGS",
                 "respondents": [{"organisationAlias": "northwind-cloud", "name": "Northwind Cloud Ltd"},
                                 {"organisationAlias": "contoso-models", "name": "Contoso Models plc"}],
                 "complainants": [], "allegations": [], "team": [],
                 "leadInvestigator": {"userId": "u-1", "name": "Iris Investigator"},
                 "decisions": [{"caseId": "c-5", "kind": "REPRIMAND", "reasons": "Silent notice",
                                "decidedBy": {"userId": "u-2", "name": "Sam Supervisor"},
                                "issuedAt": "2026-11-30T11:00:00Z", "addresseeOrganisationAlias": "contoso-models"}],
                 "openedAt": "2026-10-01T09:00:00Z", "updatedAt": "2026-11-30T12:00:00Z"}
                """, CaseDocument.class);
        List<PenaltyRegimeView> regimes = List.of(
                new PenaltyRegimeView("uk-gdpr-standard-maximum", "UK GDPR standard maximum", "UK GDPR Art. 83(4)",
                        List.of("ICO"), null, null, null, "GREATER", "GBP", List.of()),
                new PenaltyRegimeView("uk-gdpr-higher-maximum", "UK GDPR higher maximum", "UK GDPR Art. 83(5)",
                        List.of("ICO"), null, null, null, "GREATER", "GBP", List.of("ICO")));
        String html = page.data("c", asAnswered.of(c)).data("version", 3L).data("done", null)
                .data("notes", List.of()).data("requests", List.of()).data("staffView", true)
                .data("nextSteps", asAnswered.of(List.of(new NextStep("ISSUE_DECISION", "DECISION_ISSUED", "POST",
                        "/cases/c-5/decision"))))
                .data("decisionForm", asAnswered.of(CasePages.DecisionForm.of(c, regimes)))
                .data("canChange", true).data("canHold", false)
                .data("organisations", List.of()).data("staff", List.of()).render();
        assertThat(html).contains("<option value=\"northwind-cloud\">Northwind Cloud Ltd</option>",
                        "name=\"internalReasoning\"", "name=\"turnoverCurrency\"", "name=\"exchangeRateDate\"")
                .doesNotContain("<option value=\"contoso-models\">", "The whole case (every respondent)");
        assertThat(html.indexOf("uk-gdpr-higher-maximum")).as("the authority's default regime first")
                .isLessThan(html.indexOf("uk-gdpr-standard-maximum"));
    }

    @Test
    @ActivateRequestContext
    void a_supervisor_may_erase_a_complainant_who_is_a_person_and_not_an_organisation() throws Exception {
        String html = renderForErasure(PARTIES.formatted("null", "Pat Jones"), true);
        assertThat(html).contains("<h2 id=\"personal-data-heading\">Personal data</h2>",
                        "action=\"/cases/c-6/complainants/p-1/erasure\"", "Erase Pat Jones",
                        "Reason (the law that requires the erasure)", "read “[erased]” for good",
                        "refused while the case is under legal hold")
                .doesNotContain("/complainants/o-1/erasure", "Erase Which? Ltd", "must wait", "NOT_FOUND");
    }

    @Test
    @ActivateRequestContext
    void an_investigator_is_offered_no_erasure() throws Exception {
        String html = renderForErasure(PARTIES.formatted("null", "Pat Jones"), false);
        assertThat(html).contains("Pat Jones").doesNotContain("Personal data", "/erasure", "Erase Pat Jones");
    }

    @Test
    @ActivateRequestContext
    void under_legal_hold_erasure_waits_for_the_hold_to_be_lifted() throws Exception {
        String html = renderForErasure(PARTIES.formatted("\"Litigation pending\"", "Pat Jones"), true);
        assertThat(html).contains("Personal data", "erasure must wait until the hold is lifted", "Pat Jones")
                .doesNotContain("/erasure", "Erase Pat Jones");
    }

    @Test
    @ActivateRequestContext
    void an_erased_complainant_reads_erased_with_no_form() throws Exception {
        String html = renderForErasure(PARTIES.formatted("null", "[erased]"), true);
        assertThat(html).contains("[erased] <span class=\"muted\">complainant</span> <span class=\"muted\">erased</span>")
                .doesNotContain("/complainants/p-1/erasure", "Erase [erased]", "Pat Jones");
    }

    @Test
    @ActivateRequestContext
    void a_person_the_case_names_is_listed_for_staff_and_may_be_erased_by_a_supervisor() throws Exception {
        String answer = PARTIES.formatted("null", "Pat Jones").replace("\"allegations\": [],",
                "\"namedPersons\": [{\"personId\": \"P-0000000a\", \"name\": \"Jonah Pettigrew\", "
                        + "\"role\": \"witness\", \"dataSubject\": \"c-6/P-0000000a\"}], \"allegations\": [],");
        String html = renderForErasure(answer, true);
        assertThat(html).contains("<h2>People the case names</h2>", "Jonah Pettigrew <span class=\"muted\">witness</span>",
                "action=\"/cases/c-6/named-persons\"", "action=\"/cases/c-6/named-persons/P-0000000a/erasure\"",
                "Erase Jonah Pettigrew");
        assertThat(renderForErasure(answer, false)).contains("Jonah Pettigrew")
                .doesNotContain("/named-persons/P-0000000a/erasure");
    }

    @Test
    @ActivateRequestContext
    void a_withdrawn_person_complainant_is_no_party_and_is_listed_for_erasure() throws Exception {
        String answer = open(PARTIES.formatted("null", "Pat Jones")).replace("\"allegations\": [],",
                WITHDRAWN.formatted("Robin Vale") + ", \"allegations\": [],");
        String html = renderForErasure(answer, true);
        assertThat(html).contains("Robin Vale <span class=\"muted\">complainant, withdrawn</span>",
                        "action=\"/cases/c-6/complainants/p-2/erasure\"", "Erase Robin Vale",
                        "Withdraw Pat Jones")
                .doesNotContain("Withdraw Robin Vale", "/complainants/p-2/withdrawal");
        assertThat(between(html, "<h2>Complainants</h2>", "<h2>Allegations</h2>")).contains("Pat Jones")
                .doesNotContain("Robin Vale");
        assertThat(renderForErasure(answer, false)).doesNotContain("Robin Vale");
    }

    @Test
    @ActivateRequestContext
    void no_action_or_confirmation_names_an_erased_subject_by_the_placeholder() throws Exception {
        String answer = open(PARTIES.formatted("null", "[erased]")).replace("\"allegations\": [],",
                WITHDRAWN.formatted("[erased]") + ", \"namedPersons\": [{\"personId\": \"P-1\", \"name\": \"[erased]\","
                        + " \"role\": \"witness\", \"dataSubject\": \"c-6/P-1\"}], \"allegations\": [{\"allegation\":"
                        + " {\"allegationId\": \"a-1\", \"legalBasis\": \"UK GDPR Art. 17\", \"description\": \"[erased]\"},"
                        + " \"withdrawn\": false}],");
        String html = renderForErasure(answer, true);
        assertThat(html).contains("Withdraw the erased complainant", "Amend or withdraw: UK GDPR Art. 17",
                        "Its description was erased", "name=\"description\" rows=\"2\" required maxlength=\"5000\"></textarea>")
                .doesNotContain("/erasure\"", "Erase [erased]", "Withdraw [erased]");
        assertThat(labels(html)).isNotEmpty().noneMatch(label -> label.contains(PersonalData.ERASED));
    }

    /** The case opened for changes (the editing panel is shown). */
    private static String open(String answer) {
        return answer.replace("\"status\": \"CLOSED\"", "\"status\": \"INVESTIGATING\"");
    }

    /** A person complainant (p-2, named by the argument) withdrawn from the case. */
    private static final String WITHDRAWN = "\"withdrawnComplainants\": [{\"complainantId\": \"p-2\", \"kind\": \"PERSON\","
            + " \"name\": \"%s\", \"dataSubject\": \"c-6/p-2\"}]";

    private static final Pattern LABEL = Pattern.compile(
            "<summary>(.*?)</summary>|<button[^>]*>(.*?)</button>|data-confirm=\"([^\"]*)\"", Pattern.DOTALL);

    /**
     * What the page's actions say: every summary opening a form, every button and every confirmation, leaving out
     * what a confirmation says erasure does ("read “[erased]”").
     */
    static List<String> labels(String html) {
        List<String> labels = new java.util.ArrayList<>();
        Matcher m = LABEL.matcher(html);
        while (m.find()) {
            for (int g = 1; g <= 3; g++) {
                if (m.group(g) != null) {
                    labels.add(m.group(g).replace("read “" + PersonalData.ERASED + "”", "read erased"));
                }
            }
        }
        return labels;
    }

    private static String between(String html, String from, String to) {
        int start = html.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        return html.substring(start, html.indexOf(to, start));
    }

    /** A case with a person (p-1, named by the second argument) and an organisation (o-1) among its complainants. */
    private static final String PARTIES = """
            {"caseId": "c-6", "version": 7, "title": "Which? complaint", "authority": "ICO",
             "legalBases": ["UK GDPR"], "status": "CLOSED", "legalHoldReason": %s,
             "respondents": [{"organisationAlias": "northwind-cloud", "name": "Northwind Cloud Ltd"}],
             "complainants": [{"complainantId": "p-1", "kind": "PERSON", "name": "%s", "dataSubject": "c-6/p-1"},
                              {"complainantId": "o-1", "kind": "ORGANISATION", "name": "Which? Ltd",
                               "organisationAlias": "which"}],
             "allegations": [], "team": [], "decisions": [],
             "leadInvestigator": {"userId": "u-1", "name": "Iris Investigator"},
             "openedAt": "2026-10-01T09:00:00Z", "updatedAt": "2026-11-30T12:00:00Z"}
            """;

    private String renderForErasure(String answer, boolean supervisor) throws Exception {
        CaseDocument c = json.readValue(answer, CaseDocument.class);
        return page.data("c", asAnswered.of(c)).data("version", 7L).data("done", null)
                .data("notes", List.of()).data("nextSteps", List.of()).data("requests", List.of())
                .data("staffView", true).data("canChange", true).data("canHold", supervisor)
                .data("organisations", List.of()).data("staff", List.of())
                .data("canErase", supervisor).data("dataSubjects", asAnswered.of(CasePages.DataSubject.of(c)))
                .render();
    }

    private String render(String answer, Class<?> view, boolean staffView) throws Exception {
        return page.data("c", asAnswered.of(json.readValue(answer, view))).data("version", 3L).data("done", null)
                .data("notes", List.of()).data("nextSteps", List.of()).data("requests", List.of())
                .data("staffView", staffView).data("canChange", false).data("canHold", false).render();
    }
}
