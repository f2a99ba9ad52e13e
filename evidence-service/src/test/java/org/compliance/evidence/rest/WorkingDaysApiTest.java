package org.compliance.evidence.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.compliance.evidence.rest.EvidenceApi.awaitView;
import static org.compliance.evidence.rest.EvidenceApi.issue;
import static org.compliance.evidence.rest.EvidenceApi.knownCase;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.compliance.api.evidence.BankHolidayCalendar;
import org.compliance.api.evidence.DayCount;
import org.compliance.api.evidence.Period;
import org.compliance.api.evidence.SkippedDay;
import org.compliance.evidence.adapters.JollydayBankHolidays;
import org.compliance.evidence.application.PeriodRulesTable;
import org.compliance.evidence.domain.Periods;
import org.compliance.testing.RealPeers;
import org.compliance.testing.Refusals;
import org.junit.jupiter.api.Test;

/**
 * Periods in working days through the API (issue 18): the due-moment preview answers the moment and the days
 * skipped; a request issued in working days records its period; values that are not a count or a calendar are
 * refused at the boundary. The expected moments are counted by the same rules from the service's clock.
 */
@QuarkusTest
@WithTestResource(RealPeers.class)
class WorkingDaysApiTest {

    private static final Periods PERIODS = new Periods(PeriodRulesTable.load(Optional.empty()),
            new JollydayBankHolidays());

    @Inject
    AgroalDataSource dataSource;

    @Test
    void the_preview_counts_working_days_by_the_calendar_asked_and_names_the_days_skipped() throws Exception {
        String iris = RealPeers.tokenFor("iris.investigator");
        Instant now = MovableTime.now();
        JsonPath preview = given().auth().oauth2(iris)
                .when().get("/requests/due-moment?days=10&count=WORKING&calendar=SCOTLAND")
                .then().statusCode(200).extract().jsonPath();
        Periods.Counted expected = PERIODS.count(now, new Period(10, DayCount.WORKING, BankHolidayCalendar.SCOTLAND));
        assertThat(Instant.parse(preview.getString("dueAt"))).isEqualTo(expected.dueAt());
        assertThat(preview.getString("zone")).isEqualTo("Europe/London");
        assertThat(preview.getMap("period")).isEqualTo(Map.of("days", 10, "count", "WORKING", "calendar", "SCOTLAND"));
        List<Map<String, Object>> skipped = preview.getList("skippedDays");
        // ten working days always span a weekend
        assertThat(skipped).extracting(day -> day.get("name")).contains("Saturday", "Sunday");
        assertThat(skipped).hasSize(expected.skipped().size());
        for (int i = 0; i < skipped.size(); i++) {
            SkippedDay day = expected.skipped().get(i);
            assertThat(skipped.get(i)).isEqualTo(Map.of("date", day.date().toString(), "name", day.name(),
                    "bankHoliday", day.bankHoliday()));
        }
        assertThat(LocalDate.parse((String) skipped.getFirst().get("date"))).isAfter(LocalDate.ofInstant(now,
                java.time.ZoneId.of("Europe/London")));
    }

    @Test
    void the_preview_counts_as_the_case_s_authority_does_unless_told_otherwise_within_what_it_allows() throws Exception {
        String iris = RealPeers.tokenFor("iris.investigator");
        String scottish = knownCase(false, "Scottish Information Commissioner");
        Instant now = MovableTime.now();
        JsonPath preview = given().auth().oauth2(iris).when().get("/requests/due-moment?caseId=" + scottish)
                .then().statusCode(200).extract().jsonPath();
        assertThat(preview.getMap("period")).isEqualTo(Map.of("days", 20, "count", "WORKING", "calendar", "SCOTLAND"));
        assertThat(Instant.parse(preview.getString("dueAt"))).isEqualTo(PERIODS.count(now,
                new Period(20, DayCount.WORKING, BankHolidayCalendar.SCOTLAND)).dueAt());
        given().auth().oauth2(iris).when().get("/requests/due-moment?count=CALENDAR&caseId=" + scottish)
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("does not count periods in CALENDAR days"));
        // without a case: this installation's standard, 14 calendar days, nothing skipped
        given().auth().oauth2(iris).when().get("/requests/due-moment").then().statusCode(200)
                .body("period.days", equalTo(14)).body("period.count", equalTo("CALENDAR"))
                .body("skippedDays.size()", equalTo(0));
    }

    @Test
    void a_request_issued_in_working_days_shows_its_period_as_counted() throws Exception {
        String iris = RealPeers.tokenFor("iris.investigator");
        String caseId = knownCase(false);
        Instant issuedAround = MovableTime.now();
        String requestId = issue(iris, caseId,
                "{\"dueInDays\":10,\"dayCount\":\"WORKING\",\"calendar\":\"ENGLAND_AND_WALES\"}");
        JsonPath view = awaitView(iris, requestId).extract().jsonPath();
        Periods.Counted expected = PERIODS.count(issuedAround,
                new Period(10, DayCount.WORKING, BankHolidayCalendar.ENGLAND_AND_WALES));
        assertThat(Instant.parse(view.getString("request.dueAt"))).isEqualTo(expected.dueAt());
        assertThat(view.getMap("request.period"))
                .isEqualTo(Map.of("days", 10, "count", "WORKING", "calendar", "ENGLAND_AND_WALES"));
        assertThat(view.getList("request.skippedDays")).hasSize(expected.skipped().size());
        // the company sees the same period on its request
        given().auth().oauth2(RealPeers.tokenFor("nora.northwind")).when().get("/requests/" + requestId)
                .then().statusCode(200).body("request.period.count", equalTo("WORKING"));
    }

    @Test
    void values_that_are_no_count_or_calendar_are_refused_and_change_nothing() {
        String iris = RealPeers.tokenFor("iris.investigator");
        refusedUnchanged(() -> given().auth().oauth2(iris).when().get("/requests/due-moment?count=FORTNIGHTS")
                .then(), 400).body("errors[0].field", equalTo("count"));
        refusedUnchanged(() -> given().auth().oauth2(iris).when().get("/requests/due-moment?count=working")
                .then(), 400).body("errors[0].field", equalTo("count"));
        refusedUnchanged(() -> given().auth().oauth2(iris).when().get("/requests/due-moment?calendar=WALES")
                .then(), 400).body("errors[0].field", equalTo("calendar"));
        refusedUnchanged(() -> given().auth().oauth2(iris).when().get("/requests/due-moment?days=ten")
                .then(), 400).body("errors[0].field", equalTo("days"));
        refusedUnchanged(() -> given().auth().oauth2(iris).when().get("/requests/due-moment?caseId=not-a-case")
                .then(), 400).body("errors[0].field", equalTo("caseId"));
        refusedUnchanged(() -> given().auth().oauth2(iris).when().get("/requests/due-moment?days=0").then(), 422);
        given().auth().oauth2(RealPeers.tokenFor("nora.northwind")).when().get("/requests/due-moment?days=10")
                .then().statusCode(403);
        String caseId = knownCase(false);
        String body = "{\"caseId\":\"" + caseId + "\",\"respondentOrganisationAlias\":\"northwind-cloud\","
                + "\"items\":[\"Data retention policy\"],\"legalBasis\":\"UK GDPR Art. 58(1)(a)\",\"dueInDays\":10,"
                + "\"dayCount\":%s}";
        for (String count : new String[]{"\"FORTNIGHTS\"", "\"working\"", "1", "\"\""}) {
            refusedUnchanged(() -> given().auth().oauth2(iris).contentType(ContentType.JSON)
                    .body(body.formatted(count)).when().post("/requests").then(), 400)
                    .body("errors[0].pointer", equalTo("/dayCount"));
        }
    }

    private ValidatableResponse refusedUnchanged(Supplier<ValidatableResponse> request, int status) {
        return Refusals.refusedUnchanged(dataSource, request, status);
    }
}
