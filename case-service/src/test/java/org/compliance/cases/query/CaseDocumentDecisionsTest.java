package org.compliance.cases.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.compliance.api.cases.Allegation;
import org.compliance.api.cases.CaseClosed;
import org.compliance.api.cases.CaseDocument;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.CaseReopened;
import org.compliance.api.cases.CaseStatus;
import org.compliance.api.cases.Confidentiality;
import org.compliance.api.cases.DecisionIssued;
import org.compliance.api.cases.DecisionKind;
import org.compliance.api.cases.FindingsRecorded;
import org.compliance.api.cases.InvestigationStarted;
import org.compliance.api.cases.Priority;
import org.compliance.api.cases.Respondent;
import org.compliance.api.shared.StaffMember;
import org.compliance.platform.axon.EventSerialization;
import org.junit.jupiter.api.Test;

/**
 * The staff view's fold (the api module's {@link CaseDocument}, which audit-service replays too) over decisions
 * addressed to respondents: the case is decided once each has its own, or one case-wide decision stands.
 */
class CaseDocumentDecisionsTest {

    private static final String CASE_ID = "case-fold";
    private static final Instant AT = Instant.parse("2026-11-02T09:30:00Z");
    private static final StaffMember SAM = new StaffMember("u-sam", "Sam Supervisor");

    private static CaseDocument withFindings() {
        CaseDocument d = CaseDocument.opened(new CaseOpened(CASE_ID, "Two companies", "Training data", "ICO",
                List.of("UK GDPR"), Priority.NORMAL, Confidentiality.STANDARD,
                List.of(new Respondent("northwind-cloud", "Northwind Cloud Ltd"),
                        new Respondent("contoso-models", "Contoso Models plc")), List.of(),
                List.of(new Allegation("A1", "UK GDPR Art. 6(1)", "No basis", LocalDate.of(2025, 1, 1), null)),
                new StaffMember("u-iris", "Iris Investigator"), AT));
        d.apply(new InvestigationStarted(CASE_ID));
        d.apply(new FindingsRecorded(CASE_ID, "Both did it"));
        return d;
    }

    private static DecisionIssued reprimand(String alias) {
        return new DecisionIssued(CASE_ID, DecisionKind.REPRIMAND, "Public " + alias, null, null, SAM, AT, alias,
                "Internal " + alias);
    }

    @Test
    void the_case_is_decided_once_every_respondent_has_its_decision() {
        CaseDocument d = withFindings();
        d.apply(reprimand("contoso-models"));
        assertThat(d.status).isEqualTo(CaseStatus.FINDINGS);
        assertThat(d.decisionFor("contoso-models").reasons()).isEqualTo("Public contoso-models");
        assertThat(d.decisionFor("northwind-cloud")).isNull();
        d.apply(reprimand("northwind-cloud"));
        assertThat(d.status).isEqualTo(CaseStatus.DECISION_ISSUED);
        assertThat(d.decisions).extracting(DecisionIssued::internalReasoning)
                .containsExactly("Internal contoso-models", "Internal northwind-cloud");
        assertThat(d.decisionFor("northwind-cloud").reasons()).isEqualTo("Public northwind-cloud");
    }

    @Test
    void a_case_wide_decision_stands_for_every_respondent_until_reopening() {
        CaseDocument d = withFindings();
        d.apply(reprimand(null));
        assertThat(d.status).isEqualTo(CaseStatus.DECISION_ISSUED);
        assertThat(d.decisionFor("northwind-cloud")).isEqualTo(d.decisionFor("contoso-models")).isNotNull();
        d.apply(new CaseClosed(CASE_ID, "Internal", "Closed after a reprimand"));
        assertThat(d.publicClosingReason).isEqualTo("Closed after a reprimand");
        d.apply(new CaseReopened(CASE_ID, "New evidence"));
        assertThat(d.decisions).isEmpty();
        assertThat(d.publicClosingReason).isNull();
        assertThat(d.decisionFor("contoso-models")).isNull();
    }

    @Test
    void a_view_stored_before_addressees_reads_its_decision_as_standing() throws Exception {
        ObjectMapper json = EventSerialization.storageObjectMapper();
        CaseDocument d = withFindings();
        d.apply(reprimand(null));
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) json.valueToTree(d);
        tree.remove("decisions");
        String stored = json.writeValueAsString(tree);
        CaseDocument read = json.readValue(stored, CaseDocument.class);
        assertThat(read.decisions).isEmpty();
        read.readStoredBeforeAddressees();
        assertThat(read.decisionFor("contoso-models")).isEqualTo(d.decision);
    }
}
