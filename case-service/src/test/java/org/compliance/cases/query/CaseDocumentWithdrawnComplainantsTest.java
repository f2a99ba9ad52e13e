package org.compliance.cases.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.compliance.api.cases.CaseDocument;
import org.compliance.api.cases.CaseEvent;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.Complainant;
import org.compliance.api.cases.ComplainantAdded;
import org.compliance.api.cases.ComplainantWithdrawn;
import org.compliance.api.cases.Confidentiality;
import org.compliance.api.cases.DataSubjectErased;
import org.compliance.api.cases.Priority;
import org.compliance.api.cases.Respondent;
import org.compliance.api.shared.PersonalData;
import org.compliance.api.shared.StaffMember;
import org.compliance.platform.axon.EventSerialization;
import org.junit.jupiter.api.Test;

/**
 * The staff view's fold keeps a withdrawn complainant who is a person apart from the parties, so that they can still
 * be erased: not an organisation, not once they are back on the case; erased there like anywhere else.
 */
class CaseDocumentWithdrawnComplainantsTest {

    private static final String CASE_ID = "case-withdrawn";
    private static final Instant AT = Instant.parse("2026-11-02T09:30:00Z");
    private static final StaffMember SAM = new StaffMember("u-sam", "Sam Supervisor");
    private static final Complainant PAT = new Complainant("C1", Complainant.Kind.PERSON, "Pat Jones", null)
            .onCase(CASE_ID);
    private static final Complainant WHICH = new Complainant("C2", Complainant.Kind.ORGANISATION, "Which? Ltd",
            "which");

    private static CaseDocument fold(CaseEvent... events) {
        CaseDocument d = CaseDocument.opened(new CaseOpened(CASE_ID, "Consent", "Pre-ticked boxes", "ICO",
                List.of("UK GDPR"), Priority.NORMAL, Confidentiality.STANDARD,
                List.of(new Respondent("northwind-cloud", "Northwind Cloud Ltd")), List.of(PAT, WHICH), List.of(),
                new StaffMember("u-iris", "Iris Investigator"), AT));
        for (CaseEvent event : events) {
            d.apply(event);
        }
        return d;
    }

    @Test
    void a_withdrawn_person_is_kept_apart_from_the_parties_and_a_withdrawn_organisation_is_not_kept() {
        CaseDocument d = fold(new ComplainantWithdrawn(CASE_ID, "C1", "Left"),
                new ComplainantWithdrawn(CASE_ID, "C2", "Left too"));

        assertThat(d.complainants).isEmpty();
        assertThat(d.withdrawnComplainants).containsExactly(PAT);
        assertThat(CaseViewProjection.staffSearchText(d)).doesNotContain("Pat Jones");
    }

    @Test
    void a_withdrawn_person_is_erased_where_kept_and_a_rebuild_folds_the_same_document() throws Exception {
        CaseEvent[] history = {new ComplainantWithdrawn(CASE_ID, "C1", "Left"),
                new DataSubjectErased(CASE_ID, "C1", PAT.dataSubject(), "UK GDPR Art. 17", SAM, AT)};
        CaseDocument d = fold(history);

        assertThat(d.withdrawnComplainants).extracting(Complainant::name).containsExactly(PersonalData.ERASED);
        ObjectMapper json = EventSerialization.storageObjectMapper();
        assertThat(json.writeValueAsString(fold(history))).isEqualTo(json.writeValueAsString(d))
                .doesNotContain("Pat Jones");
    }

    @Test
    void a_person_added_again_is_a_party_again_and_no_longer_withdrawn() {
        CaseDocument d = fold(new ComplainantWithdrawn(CASE_ID, "C1", "Left"), new ComplainantAdded(CASE_ID, PAT));

        assertThat(d.complainants).contains(PAT);
        assertThat(d.withdrawnComplainants).isEmpty();
    }

    @Test
    void a_document_stored_before_withdrawn_complainants_were_kept_reads_with_none() throws Exception {
        ObjectMapper json = EventSerialization.storageObjectMapper();
        ObjectNode stored = json.valueToTree(fold(new ComplainantWithdrawn(CASE_ID, "C1", "Left")));
        stored.remove("withdrawnComplainants");

        assertThat(json.treeToValue(stored, CaseDocument.class).withdrawnComplainants).isEmpty();
    }
}
