package org.compliance.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.compliance.api.cases.CaseDocument;
import org.compliance.api.evidence.views.DueMomentPreview;
import org.compliance.api.evidence.views.RequestDetail;
import org.junit.jupiter.api.Test;

/**
 * A request's period on the pages (issue 18): the issuing form starts from the authority's period as
 * evidence-service previews it, with the days it skipped; a request shows its period as counted.
 */
@QuarkusTest
@TestProfile(FailuresTest.WithoutSignIn.class)
class PeriodPagesTest {

    private static final String CASE = """
            {"caseId": "c-2", "version": 4, "title": "Contoso: bulk extraction", "authority": "CMA",
             "legalBases": [], "status": "INVESTIGATING",
             "respondents": [{"organisationAlias": "contoso-models", "name": "Contoso Models plc"}],
             "complainants": [], "allegations": [], "team": [], "overdueEvidence": [],
             "openedAt": "2026-10-01T09:00:00Z", "updatedAt": "2026-11-01T09:00:00Z"}
            """;

    @Inject
    @Location("new-request.html")
    Template newRequest;

    @Inject
    @Location("request.html")
    Template request;

    @Inject
    ObjectMapper json;

    @Inject
    AsAnswered asAnswered;

    @Test
    @ActivateRequestContext
    void the_issuing_form_starts_from_the_authority_s_period_and_names_the_days_skipped() throws Exception {
        DueMomentPreview due = json.readValue("""
                {"dueAt": "2026-01-07T23:59:59Z", "zone": "Europe/London",
                 "period": {"days": 10, "count": "WORKING", "calendar": "SCOTLAND"},
                 "skippedDays": [{"date": "2025-12-20", "name": "Saturday", "bankHoliday": false},
                                 {"date": "2025-12-25", "name": "Christmas Day", "bankHoliday": true},
                                 {"date": "2026-01-02", "name": "2nd January", "bankHoliday": true}]}
                """, DueMomentPreview.class);
        String html = newRequest.data("c", asAnswered.of(json.readValue(CASE, CaseDocument.class)))
                .data("due", asAnswered.of(due)).render();
        assertThat(html).contains("value=\"10\"", "<option value=\"WORKING\" selected>",
                        "<option value=\"SCOTLAND\" selected>", "Wed 7 Jan 2026, 23:59:59 GMT",
                        "20 Dec 2025 (Saturday)", "25 Dec 2025 (Christmas Day)", "2 Jan 2026 (2nd January)")
                .doesNotContain("NOT_FOUND", "<option value=\"CALENDAR\" selected>");
    }

    @Test
    @ActivateRequestContext
    void the_issuing_form_in_calendar_days_names_no_day_skipped() throws Exception {
        DueMomentPreview due = json.readValue("""
                {"dueAt": "2026-11-16T23:59:59Z", "zone": "Europe/London",
                 "period": {"days": 14, "count": "CALENDAR", "calendar": null}, "skippedDays": []}
                """, DueMomentPreview.class);
        String html = newRequest.data("c", asAnswered.of(json.readValue(CASE, CaseDocument.class)))
                .data("due", asAnswered.of(due)).render();
        assertThat(html).contains("value=\"14\"", "<option value=\"CALENDAR\" selected>", "No day skipped.")
                .doesNotContain("NOT_FOUND", "<option value=\"WORKING\" selected>");
    }

    @Test
    @ActivateRequestContext
    void a_request_shows_its_period_as_counted() throws Exception {
        RequestDetail detail = json.readValue("""
                {"request": {"requestId": "r-1", "version": 0, "caseId": "c-2", "organisationAlias": "contoso-models",
                             "items": ["Logs"], "legalBasis": "Competition Act 1998 s.26", "status": "OPEN",
                             "dueAt": "2026-01-06T23:59:59Z", "zone": "Europe/London",
                             "period": {"days": 10, "count": "WORKING", "calendar": "ENGLAND_AND_WALES"},
                             "skippedDays": [{"date": "2025-12-25", "name": "Christmas Day", "bankHoliday": true}],
                             "overdue": false, "issuedBy": {"userId": "u-1", "name": "Iris Investigator"},
                             "issuedAt": "2025-12-18T09:30:00Z"},
                 "secondsLeft": 1000, "timeLeft": "PT1000S"}
                """, RequestDetail.class);
        String html = request.data("r", asAnswered.of(detail.request())).data("version", 0L)
                .data("standing", "ACKNOWLEDGED").data("due", true).data("clockRunning", true)
                .data("lastSubmittedAt", null)
                .data("subject", "Records of processing").data("caseTitle", "Northwind: consent")
                .data("organisationName", "Northwind Cloud Ltd")
                .data("secondsLeft", 1000L).data("done", null).data("canAcknowledge", false)
                .data("canSubmit", false).data("canAskForTime", false).data("pendingExtension", false)
                .data("canDecideExtension", false).data("canReview", false).data("canWithdraw", false).render();
        assertThat(html).contains("10 working days, without weekends or the bank holidays of England and Wales",
                "25 Dec 2025 (Christmas Day)").doesNotContain("NOT_FOUND");
    }
}
