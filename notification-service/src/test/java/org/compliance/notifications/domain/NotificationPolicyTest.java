package org.compliance.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.compliance.api.cases.Allegation;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.Confidentiality;
import org.compliance.api.cases.Priority;
import org.compliance.api.cases.Respondent;
import org.compliance.api.shared.StaffMember;
import org.junit.jupiter.api.Test;

class NotificationPolicyTest {

    @Test
    void a_new_case_is_announced_to_its_lead_investigator_only() {
        var opened = new CaseOpened("c-1", "Training data retention", "Fictional summary of the case",
                "Information Commissioner's Office", List.of("UK GDPR"), Priority.NORMAL, Confidentiality.STANDARD,
                List.of(new Respondent("northwind-cloud", "Northwind Cloud Ltd")),
                List.of(), List.of(new Allegation("A1", "UK GDPR Art. 5(1)(e)", "Kept data too long", null, null)),
                new StaffMember("u-iris", "Iris Investigator"), Instant.parse("2026-11-02T09:30:00Z"));

        assertThat(NotificationPolicy.on(opened))
                .singleElement()
                .satisfies(notice -> {
                    assertThat(notice.recipientId()).isEqualTo("u-iris");
                    assertThat(notice.kind()).isEqualTo(NoticeKind.CASE_ASSIGNED);
                    assertThat(notice.caseId()).isEqualTo("c-1");
                    assertThat(notice.body()).contains("Northwind Cloud Ltd");
                });
    }
}
