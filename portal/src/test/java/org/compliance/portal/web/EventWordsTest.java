package org.compliance.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.compliance.api.audit.EventKinds;
import org.junit.jupiter.api.Test;

/** Every kind of event reads as words wherever an auditor sees it: one rule, a few names said better. */
class EventWordsTest {

    @Test
    void a_kind_is_its_name_in_words_or_what_the_table_says_better() {
        assertThat(Formats.eventName("EvidenceRequestAcknowledged")).isEqualTo("Evidence request acknowledged");
        assertThat(Formats.eventName("LegalHoldPlaced")).isEqualTo("Legal hold placed");
        assertThat(Formats.eventName("CaseAwaitingOverdueEvidence")).isEqualTo("Case waiting on overdue evidence");
        assertThat(Formats.eventName("EvidenceClockStopped")).isEqualTo("Clock stopped");
        assertThat(EventKinds.words("legalHoldReason")).isEqualTo("Legal hold reason");
        assertThat(EventKinds.words("sha256")).isEqualTo("Sha256");
        assertThat(EventKinds.words("respondentOrganisationAlias")).isEqualTo("Respondent organisation alias");
    }

    @Test
    void every_kind_of_case_and_request_reads_as_a_sentence() {
        assertThat(EventKinds.names()).contains("CaseOpened", "DecisionIssued", "EvidenceRequestIssued",
                "ExtensionGranted").doesNotHaveDuplicates();
        assertThat(EventKinds.names()).allSatisfy(kind -> assertThat(EventKinds.inWords(kind))
                .as(kind).matches("[A-Z][a-z]*( [a-z]+)*"));
        assertThat(EventKinds.byName("CaseOpened")).hasValueSatisfying(k -> assertThat(k.getName())
                .isEqualTo("org.compliance.api.cases.CaseOpened"));
        assertThat(EventKinds.byName("%")).isEmpty();
    }
}
