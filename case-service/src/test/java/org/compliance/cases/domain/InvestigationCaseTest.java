package org.compliance.cases.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.compliance.api.cases.Allegation;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.OpenCase;
import org.compliance.api.cases.Respondent;
import org.compliance.api.shared.StaffMember;
import org.compliance.platform.domain.RuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InvestigationCaseTest {

    private static final Instant NOW = Instant.parse("2026-11-02T09:30:00Z");
    private static final StaffMember IRIS = new StaffMember("u-iris", "Iris Investigator");
    private static final Respondent NORTHWIND = new Respondent("northwind-cloud", "Northwind Cloud Ltd");
    private static final Allegation CONSENT = new Allegation("UK GDPR Art. 6(1)",
            "Browsing, purchase and location data used to train language models without consent");

    private AggregateTestFixture<InvestigationCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InvestigationCase.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void opening_a_case_records_respondents_allegations_and_lead_investigator() {
        fixture.givenNoPriorActivity()
                .when(new OpenCase("case-1", "  Consent for model training  ", List.of(NORTHWIND), List.of(CONSENT),
                        IRIS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CaseOpened("case-1", "Consent for model training", List.of(NORTHWIND),
                        List.of(CONSENT), IRIS, NOW));
    }

    @Test
    void a_case_without_respondent_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new OpenCase("case-2", "No one", List.of(), List.of(CONSENT), IRIS))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("A case needs at least one respondent organisation")
                .expectNoEvents();
    }

    @Test
    void a_case_without_allegation_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new OpenCase("case-3", "Nothing alleged", List.of(NORTHWIND), List.of(), IRIS))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void the_same_respondent_twice_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new OpenCase("case-4", "Twice", List.of(NORTHWIND, NORTHWIND), List.of(CONSENT), IRIS))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("A respondent organisation is named twice")
                .expectNoEvents();
    }
}
