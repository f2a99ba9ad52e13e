package org.compliance.cases.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.compliance.cases.rest.CaseApi.caseBody;
import static org.compliance.cases.rest.CaseApi.change;
import static org.compliance.cases.rest.CaseApi.openCaseWith;
import static org.compliance.cases.rest.CaseApi.token;
import static org.compliance.cases.rest.CaseApi.viewAt;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.compliance.testing.RealPeers;
import org.junit.jupiter.api.Test;

/**
 * A case against two companies, through the API with real sign-ins: each company reads only the decision addressed
 * to it (or the case-wide one) and only public text; staff read every decision with its internal reasoning.
 */
@QuarkusTest
@WithTestResource(RealPeers.class)
class RespondentDecisionsApiTest {

    private static final String NORTHWIND_PUBLIC = "Northwind trained its models on customer data without a basis";
    private static final String NORTHWIND_INTERNAL = "Internal: the board overruled its DPO in March";
    private static final String CONTOSO_PUBLIC = "Contoso's privacy notice did not mention model training";
    private static final String CONTOSO_INTERNAL = "Internal: Contoso cooperated; a fine would be disproportionate";
    private static final String NORTHWIND_TURNOVER = "1234567890";

    /** Opens a case against Northwind Cloud and Contoso Models and brings it to findings (version 2). */
    private static String caseAgainstTwoCompaniesWithFindings(String title) {
        String body = caseBody(title, "northwind-cloud", "Northwind Cloud Ltd", "STANDARD").replace(
                "\"respondents\": [{\"organisationAlias\": \"northwind-cloud\", \"name\": \"Northwind Cloud Ltd\"}]",
                "\"respondents\": [{\"organisationAlias\": \"northwind-cloud\", \"name\": \"Northwind Cloud Ltd\"}, "
                        + "{\"organisationAlias\": \"contoso-models\", \"name\": \"Contoso Models plc\"}]");
        String caseId = openCaseWith("iris.investigator", body);
        String c = "/cases/" + caseId;
        change("iris.investigator", "POST", c + "/investigation", 0, null).statusCode(200);
        change("iris.investigator", "POST", c + "/findings", 1, "{\"findings\":\"Both used customer data\"}")
                .statusCode(200);
        return caseId;
    }

    private static String rawView(String user, String caseId) {
        return given().auth().oauth2(token(user)).when().get("/cases/" + caseId).then().statusCode(200)
                .extract().asString();
    }

    @Test
    void each_company_reads_only_its_own_decision_and_public_text() {
        String caseId = caseAgainstTwoCompaniesWithFindings("Two companies, two decisions");
        String c = "/cases/" + caseId;

        change("sam.supervisor", "POST", c + "/decision", 2, """
                {"kind": "MONETARY_PENALTY", "reasons": "%s", "internalReasoning": "%s",
                 "addresseeOrganisationAlias": "northwind-cloud",
                 "monetaryPenalty": {"amount": 19876543, "currency": "GBP", "worldwideAnnualTurnover": %s}}
                """.formatted(NORTHWIND_PUBLIC, NORTHWIND_INTERNAL, NORTHWIND_TURNOVER)).statusCode(200);

        // one of two decided: the case stays at findings, and deciding (for Contoso) is still offered
        viewAt("sam.supervisor", caseId, 3).body("status", equalTo("FINDINGS"));
        given().auth().oauth2(token("sam.supervisor")).when().get(c + "/next-steps").then().statusCode(200)
                .body("action", hasItem("ISSUE_DECISION")).body("action", not(hasItem("REFER")));
        viewAt("colin.contoso", caseId, 3).body("decision", nullValue());
        change("sam.supervisor", "POST", c + "/decision", 3, """
                {"kind": "REPRIMAND", "reasons": "Again", "addresseeOrganisationAlias": "northwind-cloud"}
                """).statusCode(409).contentType("application/problem+json");
        change("sam.supervisor", "POST", c + "/decision", 3, """
                {"kind": "NO_FURTHER_ACTION", "reasons": "For all"}
                """).statusCode(409).contentType("application/problem+json");
        change("sam.supervisor", "POST", c + "/decision", 3, """
                {"kind": "REPRIMAND", "reasons": "Elsewhere", "addresseeOrganisationAlias": "fabrikam-data"}
                """).statusCode(422).contentType("application/problem+json");

        change("sam.supervisor", "POST", c + "/decision", 3, """
                {"kind": "REPRIMAND", "reasons": "%s", "internalReasoning": "%s",
                 "addresseeOrganisationAlias": "contoso-models"}
                """.formatted(CONTOSO_PUBLIC, CONTOSO_INTERNAL)).statusCode(200);
        change("iris.investigator", "POST", c + "/closure", 4, """
                {"reason": "Internal: both decided, no appeal expected", "publicReason": "Decisions issued to both"}
                """).statusCode(200);

        viewAt("sam.supervisor", caseId, 5)
                .body("status", equalTo("CLOSED"))
                .body("decisions.addresseeOrganisationAlias", containsInAnyOrder("northwind-cloud", "contoso-models"))
                .body("decisions.internalReasoning", containsInAnyOrder(NORTHWIND_INTERNAL, CONTOSO_INTERNAL))
                .body("decisions.find { it.addresseeOrganisationAlias == 'northwind-cloud' }.monetaryPenalty"
                        + ".statutoryMaximum", equalTo(49382715.60f))
                .body("closingReason", equalTo("Internal: both decided, no appeal expected"))
                .body("publicClosingReason", equalTo("Decisions issued to both"));

        viewAt("nora.northwind", caseId, 5)
                .body("decision.kind", equalTo("MONETARY_PENALTY"))
                .body("decision.reasons", equalTo(NORTHWIND_PUBLIC))
                .body("decision.addressee", equalTo("Northwind Cloud Ltd"))
                .body("decision.monetaryPenalty.amount", equalTo(19876543))
                .body("closingReason", equalTo("Decisions issued to both"));
        String northwind = rawView("nora.northwind", caseId);
        assertThat(northwind).contains(NORTHWIND_PUBLIC).doesNotContain("Internal:", CONTOSO_PUBLIC, "REPRIMAND",
                "internalReasoning", "contoso");

        viewAt("colin.contoso", caseId, 5)
                .body("decision.kind", equalTo("REPRIMAND"))
                .body("decision.reasons", equalTo(CONTOSO_PUBLIC))
                .body("decision.monetaryPenalty", nullValue());
        String contoso = rawView("colin.contoso", caseId);
        assertThat(contoso).contains(CONTOSO_PUBLIC, "Decisions issued to both").doesNotContain("Internal:",
                NORTHWIND_PUBLIC, "MONETARY_PENALTY", NORTHWIND_TURNOVER, "19876543", "internalReasoning",
                "northwind");
    }

    @Test
    void a_case_wide_decision_reaches_every_company_in_its_public_words() {
        String caseId = caseAgainstTwoCompaniesWithFindings("Two companies, no further action");
        String c = "/cases/" + caseId;
        change("sam.supervisor", "POST", c + "/decision", 2, """
                {"kind": "MONETARY_PENALTY", "reasons": "One fine for both",
                 "monetaryPenalty": {"amount": 1000, "currency": "GBP", "worldwideAnnualTurnover": 1000000}}
                """).statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("addressed to one respondent"));
        change("sam.supervisor", "POST", c + "/decision", 2, """
                {"kind": "NO_FURTHER_ACTION", "reasons": "The evidence does not show a breach",
                 "internalReasoning": "Internal: the complainant's logs could not be authenticated"}
                """).statusCode(200);

        viewAt("sam.supervisor", caseId, 3).body("status", equalTo("DECISION_ISSUED"))
                .body("decisions[0].internalReasoning",
                        equalTo("Internal: the complainant's logs could not be authenticated"));
        for (String company : new String[] {"nora.northwind", "colin.contoso"}) {
            viewAt(company, caseId, 3).body("decision.kind", equalTo("NO_FURTHER_ACTION"))
                    .body("decision.reasons", equalTo("The evidence does not show a breach"))
                    .body("decision.addressee", nullValue());
            assertThat(rawView(company, caseId)).doesNotContain("Internal:", "internalReasoning");
        }
    }

    @Test
    void a_company_reads_only_the_public_reason_of_a_referral() {
        String caseId = caseAgainstTwoCompaniesWithFindings("Two companies, referred");
        change("iris.investigator", "POST", "/cases/" + caseId + "/referral", 2, """
                {"authority": "Competition and Markets Authority", "theirReference": "CMA-51.007",
                 "reason": "Internal: our powers are weaker here", "publicReason": "A competition matter"}
                """).statusCode(200);
        viewAt("nora.northwind", caseId, 3).body("status", equalTo("REFERRED"))
                .body("referredTo", equalTo("Competition and Markets Authority"))
                .body("referralReason", equalTo("A competition matter"));
        assertThat(rawView("colin.contoso", caseId)).contains("A competition matter").doesNotContain("Internal:");
        viewAt("iris.investigator", caseId, 3).body("referral.reason", equalTo("Internal: our powers are weaker here"))
                .body("referral.publicReason", equalTo("A competition matter"));
    }
}
