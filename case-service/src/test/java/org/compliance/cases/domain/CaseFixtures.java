package org.compliance.cases.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.compliance.api.cases.Allegation;
import org.compliance.api.cases.CaseClosed;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.CaseReferred;
import org.compliance.api.cases.CaseStatus;
import org.compliance.api.cases.CaseSuspended;
import org.compliance.api.cases.Complainant;
import org.compliance.api.cases.Confidentiality;
import org.compliance.api.cases.DecisionIssued;
import org.compliance.api.cases.DecisionKind;
import org.compliance.api.cases.FindingsRecorded;
import org.compliance.api.cases.InvestigationStarted;
import org.compliance.api.cases.OpenCase;
import org.compliance.api.cases.Priority;
import org.compliance.api.cases.Referral;
import org.compliance.api.cases.Respondent;
import org.compliance.api.shared.Addressed;
import org.compliance.api.shared.StaffMember;
import org.compliance.cases.application.PenaltyRegimeTable;

/**
 * The cast and the standard history shared by the investigation case fixture tests. Every organisation and
 * person here is fictional.
 */
final class CaseFixtures {

    static final Instant NOW = Instant.parse("2026-11-02T09:30:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 2);

    static final String ICO = "Information Commissioner's Office";
    static final String CMA = "Competition and Markets Authority";
    static final String OFCOM = "Ofcom";
    static final String EU_DATA_PROTECTION = "EU data protection supervisory authority";
    static final String EU_AI = "EU AI market surveillance authority";
    static final Authorities AUTHORITIES = new Authorities(List.of(ICO, CMA));
    /** The penalty regimes as shipped. */
    static final PenaltyRegimes REGIMES = PenaltyRegimeTable.load(Optional.empty());

    static final String CASE_ID = "case-2026-0042";
    static final String TITLE = "Customer data used to train language models";
    static final String SUMMARY = "Northwind Cloud Ltd is said to have trained its assistant models on customer "
            + "browsing, purchase and location data without a lawful basis.";
    static final List<String> LEGAL_BASES = List.of("UK GDPR Art. 5(1)(a)", "UK GDPR Art. 6(1)");

    /** The investigator who opens the standard case and leads it. */
    static final StaffMember IRIS = new StaffMember("u-iris", "Iris Okonkwo-Hale");
    /** An investigator who may join the team or take the case over. */
    static final StaffMember TOMAS = new StaffMember("u-tomas", "Tomas Brannigan");
    /** Another investigator. */
    static final StaffMember PRIYA = new StaffMember("u-priya", "Priya Valcourt");
    /** The supervisor who decides. */
    static final StaffMember SAMUEL = new StaffMember("u-samuel", "Samuel Ferreira-Lund");

    static final Respondent NORTHWIND = new Respondent("northwind-cloud", "Northwind Cloud Ltd");
    static final Respondent CONTOSO = new Respondent("contoso-models", "Contoso Models plc");

    static final Complainant CONSUMER_GROUP = new Complainant("cmp-consumers", Complainant.Kind.ORGANISATION,
            "Fair Data Consumers Network", null);
    static final Complainant ALEX = new Complainant("cmp-alex", Complainant.Kind.PERSON, "Alex Marlowe", null);

    static final Allegation TRAINING_WITHOUT_BASIS = new Allegation("alg-1", "UK GDPR Art. 6(1)",
            "Browsing, purchase and location data used to train language models without a lawful basis",
            LocalDate.of(2025, 3, 1), LocalDate.of(2026, 6, 30));
    static final Allegation OPAQUE_PRIVACY_NOTICE = new Allegation("alg-2", "UK GDPR Art. 13",
            "The privacy notice did not tell customers their data would train models",
            LocalDate.of(2025, 3, 1), null);
    static final Allegation NO_DPIA = new Allegation("alg-3", "UK GDPR Art. 35",
            "No data protection impact assessment before the training began", LocalDate.of(2025, 1, 15), null);

    static final Referral TO_CMA = new Referral(CMA, "CMA-50.123", "The conduct is a consumer-protection matter");

    private CaseFixtures() {
    }

    /** A fixture that finds the case the way the platform does, with a fixed clock, the authorities and the regimes. */
    static AggregateTestFixture<InvestigationCase> fixture() {
        AggregateTestFixture<InvestigationCase> fixture = new AggregateTestFixture<>(InvestigationCase.class);
        fixture.registerCommandTargetResolver(command -> new VersionedAggregateIdentifier(
                ((Addressed) command.getPayload()).aggregateId(), null));
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(AUTHORITIES);
        fixture.registerInjectableResource(REGIMES);
        return fixture;
    }

    /** The standard case: one respondent, one complainant, two allegations, led by Iris. */
    static CaseOpened caseOpened() {
        return new CaseOpened(CASE_ID, TITLE, SUMMARY, ICO, LEGAL_BASES, Priority.HIGH, Confidentiality.STANDARD,
                List.of(NORTHWIND), List.of(CONSUMER_GROUP), List.of(TRAINING_WITHOUT_BASIS, OPAQUE_PRIVACY_NOTICE),
                IRIS, NOW.minusSeconds(86_400 * 30));
    }

    /** The command that opens the standard case (as {@link #caseOpened()} records it, but opened now). */
    static OpenCaseBuilder anOpenCase() {
        return new OpenCaseBuilder();
    }

    static DecisionIssued reprimandIssued() {
        return new DecisionIssued(CASE_ID, DecisionKind.REPRIMAND, "Training began before any assessment", null, null,
                SAMUEL, NOW.minusSeconds(86_400));
    }

    /** The events that bring the standard case to {@code status} through the usual route. */
    static List<Object> historyAt(CaseStatus status) {
        List<Object> events = new ArrayList<>();
        events.add(caseOpened());
        switch (status) {
            case OPENED -> {
            }
            case INVESTIGATING -> events.add(new InvestigationStarted(CASE_ID));
            case FINDINGS -> events.addAll(List.of(new InvestigationStarted(CASE_ID), findingsRecorded()));
            case DECISION_ISSUED -> events.addAll(List.of(new InvestigationStarted(CASE_ID), findingsRecorded(),
                    reprimandIssued()));
            case CLOSED -> events.addAll(List.of(new InvestigationStarted(CASE_ID), findingsRecorded(),
                    reprimandIssued(), new CaseClosed(CASE_ID, "Reprimand issued and published")));
            case SUSPENDED -> events.add(new CaseSuspended(CASE_ID, "Parallel criminal proceedings", CaseStatus.OPENED));
            case REFERRED -> events.add(new CaseReferred(CASE_ID, TO_CMA));
        }
        return events;
    }

    /** The events that bring the standard case to {@code status}, followed by {@code then}. */
    static List<Object> historyAt(CaseStatus status, Object... then) {
        List<Object> events = historyAt(status);
        events.addAll(List.of(then));
        return events;
    }

    static FindingsRecorded findingsRecorded() {
        return new FindingsRecorded(CASE_ID, "Customer data entered the training corpus from March 2025");
    }

    static BigDecimal gbp(String amount) {
        return new BigDecimal(amount);
    }

    /** Builds an {@link OpenCase}, valid unless a test changes one part of it. */
    static final class OpenCaseBuilder {
        private String caseId = CASE_ID;
        private String title = TITLE;
        private String summary = SUMMARY;
        private String authority = ICO;
        private List<String> legalBases = LEGAL_BASES;
        private Priority priority = Priority.HIGH;
        private Confidentiality confidentiality = Confidentiality.RESTRICTED;
        private List<Respondent> respondents = List.of(NORTHWIND);
        private List<Complainant> complainants = List.of(CONSUMER_GROUP);
        private List<Allegation> allegations = List.of(TRAINING_WITHOUT_BASIS, OPAQUE_PRIVACY_NOTICE);
        private StaffMember lead = IRIS;
        private List<StaffMember> team = List.of();

        OpenCaseBuilder title(String value) {
            title = value;
            return this;
        }

        OpenCaseBuilder summary(String value) {
            summary = value;
            return this;
        }

        OpenCaseBuilder authority(String value) {
            authority = value;
            return this;
        }

        OpenCaseBuilder legalBases(List<String> value) {
            legalBases = value;
            return this;
        }

        OpenCaseBuilder priority(Priority value) {
            priority = value;
            return this;
        }

        OpenCaseBuilder confidentiality(Confidentiality value) {
            confidentiality = value;
            return this;
        }

        OpenCaseBuilder respondents(List<Respondent> value) {
            respondents = value;
            return this;
        }

        OpenCaseBuilder complainants(List<Complainant> value) {
            complainants = value;
            return this;
        }

        OpenCaseBuilder allegations(List<Allegation> value) {
            allegations = value;
            return this;
        }

        OpenCaseBuilder lead(StaffMember value) {
            lead = value;
            return this;
        }

        OpenCaseBuilder team(List<StaffMember> value) {
            team = value;
            return this;
        }

        OpenCase build() {
            return new OpenCase(caseId, title, summary, authority, legalBases, priority, confidentiality, respondents,
                    complainants, allegations, lead, team);
        }
    }
}
