package org.compliance.cases.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.compliance.cases.rest.CaseApi.change;
import static org.compliance.cases.rest.CaseApi.openCase;
import static org.compliance.cases.rest.CaseApi.token;
import static org.compliance.cases.rest.CaseApi.viewAt;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.compliance.api.evidence.EvidenceFile;
import org.compliance.api.evidence.EvidenceRequestOverdue;
import org.compliance.api.evidence.EvidenceSubmitted;
import org.compliance.api.evidence.StatementOfTruth;
import org.compliance.api.shared.CompanyUser;
import org.compliance.testing.RealPeers;
import org.junit.jupiter.api.Test;

/** Changing cases through the API: versions, roles, transitions, decisions, and rebuilding the views. */
@QuarkusTest
@WithTestResource(RealPeers.class)
class CaseLifecycleTest {

    @Inject
    EventStore eventStore;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void staff_reads_of_a_case_page_are_on_the_record_and_a_companys_are_not() {
        String caseId = openCase("iris.investigator", "Who looked");
        int before = eventsOf("reads-" + caseId).size();

        given().auth().oauth2(token("ada.auditor")).when().get("/cases/" + caseId).then().statusCode(200);
        given().auth().oauth2(token("nora.northwind")).when().get("/cases/" + caseId).then().statusCode(200);

        assertThat(eventsOf("reads-" + caseId)).hasSize(before + 1);
        try (var connection = dataSource.getConnection(); var query = connection.prepareStatement(
                "SELECT convert_from(payload, 'UTF8'), convert_from(meta_data, 'UTF8') FROM event_store.domain_event_entry "
                        + "WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1")) {
            query.setString(1, "reads-" + caseId);
            try (var rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).contains("\"what\":\"CASE_PAGE\"").contains(caseId);
                assertThat(rows.getString(2)).contains("auditor");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void many_people_opening_one_case_at_once_are_each_shown_it_and_each_on_the_record() throws Exception {
        String caseId = openCase("iris.investigator", "Everyone looks at once");
        String auditor = token("ada.auditor");
        int before = eventsOf("reads-" + caseId).size();
        int readers = 24;
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> reads = new ArrayList<>();
        ExecutorService people = Executors.newFixedThreadPool(readers);
        for (int i = 0; i < readers; i++) {
            reads.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return given().auth().oauth2(auditor).when().get("/cases/" + caseId).then().extract().statusCode();
            }, people));
        }
        start.countDown();

        try {
            assertThat(reads.stream().map(CompletableFuture::join).toList()).containsOnly(200);
        } finally {
            people.shutdown();
        }
        assertThat(eventsOf("reads-" + caseId)).hasSize(before + readers);
    }

    @Test
    void a_case_goes_from_opened_to_closed_with_a_penalty_within_the_cap() {
        String caseId = openCase("iris.investigator", "Journey to a penalty");
        String c = "/cases/" + caseId;

        change("iris.investigator", "POST", c + "/investigation", 0, null).statusCode(200).header("ETag", "\"1\"")
                .body("version", equalTo(1));
        change("iris.investigator", "POST", c + "/team", 1, "{\"userId\":\"" + CaseApi.IVAN_ID + "\"}")
                .statusCode(200);
        change("ivan.investigator", "POST", c + "/notes", 2, "{\"text\":\"Data protection officer interviewed\"}")
                .statusCode(200);
        change("iris.investigator", "POST", c + "/findings", 3, "{\"findings\":\"Training used data without consent\"}")
                .statusCode(200);
        change("iris.investigator", "POST", c + "/decision", 4, penalty("50000000", "1000000000"))
                .statusCode(403);
        change("sam.supervisor", "POST", c + "/decision", 4, penalty("40000000.01", "1000000000"))
                .statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("A penalty of GBP 40,000,000.01 exceeds the maximum under UK GDPR "
                        + "higher maximum"))
                .body("detail", containsString("the greater of GBP 17,500,000.00 and 4% of worldwide annual turnover "
                        + "GBP 1,000,000,000.00 = GBP 40,000,000.00"));
        change("sam.supervisor", "POST", c + "/decision", 4, penalty("1000", "1000000000")
                .replace("\"currency\"", "\"regime\": \"competition-act-1998-s36\", \"currency\""))
                .statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("[uk-gdpr-higher-maximum, uk-gdpr-standard-maximum]"));
        change("sam.supervisor", "POST", c + "/decision", 4, penalty("40000000", "1000000000")).statusCode(200);
        change("iris.investigator", "POST", c + "/closure", 5, "{\"reason\":\"Penalty issued\"}").statusCode(200);

        viewAt("sam.supervisor", caseId, 6)
                .body("status", equalTo("CLOSED"))
                .body("team.name", hasItem("Ivan Investigator"))
                .body("decision.kind", equalTo("MONETARY_PENALTY"))
                .body("decision.monetaryPenalty.statutoryMaximum", equalTo(40000000.00f))
                .body("decision.monetaryPenalty.regime", equalTo("uk-gdpr-higher-maximum"))
                .body("decision.decidedBy.name", equalTo("Sam Supervisor"));
        given().auth().oauth2(token("iris.investigator")).when().get(c + "/notes").then().statusCode(200)
                .body("text", hasItem("Data protection officer interviewed"))
                .body("authorName", hasItem("Ivan Investigator"));
        given().auth().oauth2(token("nora.northwind")).when().get(c).then().statusCode(200)
                .body("decision.kind", equalTo("MONETARY_PENALTY")).body("notes", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void staff_can_use_every_change_endpoint() {
        String caseId = openCase("iris.investigator", "Every endpoint");
        String c = "/cases/" + caseId;
        long v = 0;
        v = version(change("iris.investigator", "POST", c + "/respondents", v,
                "{\"organisationAlias\":\"contoso-models\",\"name\":\"Contoso Models plc\"}"));
        v = version(change("iris.investigator", "POST", c + "/respondents/contoso-models/withdrawal", v,
                "{\"reason\":\"Not involved after all\"}"));
        v = version(change("ivan.investigator", "POST", c + "/complainants", v,
                "{\"kind\":\"ORGANISATION\",\"name\":\"Consumer Data Watch\"}"));
        v = version(change("ivan.investigator", "POST", c + "/complainants/C1/withdrawal", v,
                "{\"reason\":\"Complaint withdrawn\"}"));
        v = version(change("sam.supervisor", "POST", c + "/allegations", v,
                "{\"legalBasis\":\"UK GDPR Art. 35\",\"description\":\"No impact assessment\"}"));
        v = version(change("iris.investigator", "PUT", c + "/allegations/A1", v,
                "{\"legalBasis\":\"UK GDPR Art. 6(1)(a)\",\"description\":\"No consent for training\"}"));
        v = version(change("iris.investigator", "POST", c + "/allegations/A2/withdrawal", v,
                "{\"reason\":\"Privacy notice was adequate\"}"));
        v = version(change("iris.investigator", "POST", c + "/team", v, "{\"userId\":\"" + CaseApi.IVAN_ID + "\"}"));
        v = version(change("iris.investigator", "DELETE", c + "/team/" + CaseApi.IVAN_ID, v, null));
        v = version(change("iris.investigator", "POST", c + "/suspension", v, "{\"reason\":\"Court ruling awaited\"}"));
        v = version(change("iris.investigator", "POST", c + "/resumption", v, null));
        v = version(change("iris.investigator", "POST", c + "/investigation", v, null));
        v = version(change("iris.investigator", "POST", c + "/findings", v, "{\"findings\":\"Minor breach\"}"));
        v = version(change("sam.supervisor", "POST", c + "/decision", v,
                "{\"kind\":\"ENFORCEMENT_NOTICE\",\"reasons\":\"Stop the processing\",\"enforcementNotice\":"
                        + "{\"stepsRequired\":[\"Delete the training set\"],\"complianceDate\":\"2030-01-31\"}}"));
        v = version(change("iris.investigator", "POST", c + "/closure", v, "{\"reason\":\"Notice issued\"}"));
        v = version(change("iris.investigator", "POST", c + "/reopening", v, "{\"reason\":\"Notice not complied with\"}"));

        viewAt("iris.investigator", caseId, v)
                .body("status", equalTo("INVESTIGATING"))
                .body("respondents.organisationAlias", org.hamcrest.Matchers.contains("northwind-cloud"))
                .body("complainants.name", org.hamcrest.Matchers.contains("Consumer Data Watch"))
                .body("allegations.find { it.allegation.allegationId == 'A1' }.allegation.legalBasis",
                        equalTo("UK GDPR Art. 6(1)(a)"))
                .body("allegations.find { it.allegation.allegationId == 'A2' }.withdrawn", equalTo(true))
                .body("team", empty())
                .body("reopeningReason", equalTo("Notice not complied with"));
    }

    @Test
    void every_change_needs_the_current_version() {
        String caseId = openCase("iris.investigator", "Versions");
        String c = "/cases/" + caseId;
        given().auth().oauth2(token("iris.investigator")).contentType(ContentType.JSON)
                .when().post(c + "/investigation").then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(token("iris.investigator")).contentType(ContentType.JSON).header("If-Match", "yesterday")
                .when().post(c + "/investigation").then().statusCode(400);
        change("iris.investigator", "POST", c + "/investigation", 0, null).statusCode(200);
        change("iris.investigator", "POST", c + "/suspension", 0, "{\"reason\":\"Stale\"}")
                .statusCode(409).body("detail", containsString("changed since version 0"));
        change("iris.investigator", "POST", "/cases/no-such-case/investigation", 0, null).statusCode(404);
    }

    @Test
    void a_refused_transition_is_a_409_that_says_why_and_records_nothing() {
        String caseId = openCase("iris.investigator", "Refused transitions");
        String c = "/cases/" + caseId;
        change("iris.investigator", "POST", c + "/closure", 0, "{\"reason\":\"Done\"}").statusCode(409)
                .body("detail", equalTo("A case cannot be closed without a decision or a referral"));
        change("iris.investigator", "POST", c + "/findings", 0, "{\"findings\":\"Early\"}").statusCode(409)
                .body("detail", startsWith("Cannot record findings on a case that is OPENED"));
        change("iris.investigator", "POST", c + "/reopening", 0, "{\"reason\":\"x\"}").statusCode(409);
        assertThat(eventsOf(caseId)).hasSize(1);
    }

    @Test
    void a_legal_hold_keeps_a_case_open_until_lifted() {
        String caseId = openCase("iris.investigator", "Held");
        String c = "/cases/" + caseId;
        change("iris.investigator", "POST", c + "/referral", 0,
                "{\"authority\":\"Competition and Markets Authority\",\"theirReference\":\"CMA-1\",\"reason\":\"Theirs\"}")
                .statusCode(200);
        change("iris.investigator", "POST", c + "/legal-hold", 1, "{\"reason\":\"Litigation expected\"}")
                .statusCode(403);
        change("sam.supervisor", "POST", c + "/legal-hold", 1, "{\"reason\":\"Litigation expected\"}").statusCode(200);
        change("iris.investigator", "POST", c + "/closure", 2, "{\"reason\":\"Referred\"}").statusCode(409)
                .body("detail", containsString("legal hold"));
        change("sam.supervisor", "POST", c + "/legal-hold/lifting", 2, "{\"reason\":\"Settled\"}").statusCode(200);
        change("iris.investigator", "POST", c + "/closure", 3, "{\"reason\":\"Referred\"}").statusCode(200);
    }

    @Test
    void only_staff_can_be_assigned() {
        String caseId = openCase("iris.investigator", "Assignments");
        String c = "/cases/" + caseId;
        change("iris.investigator", "PUT", c + "/lead-investigator", 0, "{\"userId\":\"" + CaseApi.NORA_ID + "\"}")
                .statusCode(422).body("detail", containsString("is not regulator staff"));
        change("iris.investigator", "POST", c + "/team", 0, "{\"userId\":\"no-such-user\"}").statusCode(422);
        change("iris.investigator", "PUT", c + "/lead-investigator", 0, "{\"userId\":\"" + CaseApi.SAM_ID + "\"}")
                .statusCode(200);
        viewAt("iris.investigator", caseId, 1).body("leadInvestigator.name", equalTo("Sam Supervisor"));
    }

    @Test
    void auditors_and_companies_change_nothing() {
        String caseId = openCase("iris.investigator", "Read only for some");
        String c = "/cases/" + caseId;
        List<String[]> changes = List.of(
                new String[] {"POST", c + "/respondents", "{\"organisationAlias\":\"contoso-models\",\"name\":\"Contoso\"}"},
                new String[] {"POST", c + "/respondents/northwind-cloud/withdrawal", "{\"reason\":\"x\"}"},
                new String[] {"POST", c + "/complainants", "{\"kind\":\"PERSON\",\"name\":\"B. Person\"}"},
                new String[] {"POST", c + "/complainants/C1/withdrawal", "{\"reason\":\"x\"}"},
                new String[] {"POST", c + "/allegations", "{\"legalBasis\":\"UK GDPR Art. 5\",\"description\":\"x\"}"},
                new String[] {"PUT", c + "/allegations/A1", "{\"legalBasis\":\"UK GDPR Art. 5\",\"description\":\"x\"}"},
                new String[] {"POST", c + "/allegations/A1/withdrawal", "{\"reason\":\"x\"}"},
                new String[] {"PUT", c + "/lead-investigator", "{\"userId\":\"" + CaseApi.IVAN_ID + "\"}"},
                new String[] {"POST", c + "/team", "{\"userId\":\"" + CaseApi.IVAN_ID + "\"}"},
                new String[] {"DELETE", c + "/team/" + CaseApi.IVAN_ID, null},
                new String[] {"POST", c + "/investigation", null},
                new String[] {"POST", c + "/findings", "{\"findings\":\"x\"}"},
                new String[] {"POST", c + "/decision", "{\"kind\":\"REPRIMAND\",\"reasons\":\"x\"}"},
                new String[] {"POST", c + "/closure", "{\"reason\":\"x\"}"},
                new String[] {"POST", c + "/suspension", "{\"reason\":\"x\"}"},
                new String[] {"POST", c + "/resumption", null},
                new String[] {"POST", c + "/referral", "{\"authority\":\"a\",\"theirReference\":\"b\",\"reason\":\"c\"}"},
                new String[] {"POST", c + "/reopening", "{\"reason\":\"x\"}"},
                new String[] {"POST", c + "/legal-hold", "{\"reason\":\"x\"}"},
                new String[] {"POST", c + "/legal-hold/lifting", "{\"reason\":\"x\"}"},
                new String[] {"POST", c + "/notes", "{\"text\":\"x\"}"},
                new String[] {"POST", "/cases", CaseApi.caseBody("x", "northwind-cloud", "Northwind", "STANDARD")});
        for (String user : List.of("ada.auditor", "nora.northwind", "otto.operator")) {
            for (String[] request : changes) {
                change(user, request[0], request[1], 0, request[2]).statusCode(403);
            }
        }
        assertThat(eventsOf(caseId)).hasSize(1);
    }

    @Test
    void two_changes_from_the_same_version_one_wins_the_other_is_a_409_and_nothing_is_lost() throws Exception {
        String caseId = openCase("iris.investigator", "Concurrent edits");
        String c = "/cases/" + caseId;
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> racers = new ArrayList<>();
        for (String reason : List.of("Respondent asked for time", "Awaiting a court ruling")) {
            racers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return change("iris.investigator", "POST", c + "/suspension", 0, "{\"reason\":\"" + reason + "\"}")
                        .extract().statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = racers.stream().map(CompletableFuture::join).sorted().toList();
        assertThat(statuses).containsExactly(200, 409);
        assertThat(eventsOf(caseId)).containsExactly(0L, 1L);
    }

    @Test
    void overdue_evidence_makes_a_case_under_investigation_referable() {
        String caseId = openCase("iris.investigator", "Overdue evidence");
        String c = "/cases/" + caseId;
        change("iris.investigator", "POST", c + "/investigation", 0, null).statusCode(200);
        String referral = "{\"authority\":\"Competition and Markets Authority\",\"theirReference\":\"CMA-7\","
                + "\"reason\":\"Respondent does not cooperate\"}";
        change("iris.investigator", "POST", c + "/referral", 1, referral).statusCode(409)
                .body("detail", containsString("evidence it requested is overdue"));

        Instant due = Instant.parse("2026-11-16T23:59:59Z");
        var overdue = new EvidenceRequestOverdue("R-1", caseId, "northwind-cloud", due);
        eventStore.publish(new GenericDomainEventMessage<>("EvidenceRequest", "R-1", 0, overdue));
        viewAt("iris.investigator", caseId, 2).body("overdueEvidence.requestId", hasItem("R-1"));

        change("iris.investigator", "POST", c + "/referral", 2, referral).statusCode(200);
    }

    @Test
    void late_evidence_ends_the_wait_for_overdue_evidence() {
        String caseId = openCase("iris.investigator", "Late evidence");
        String c = "/cases/" + caseId;
        change("iris.investigator", "POST", c + "/investigation", 0, null).statusCode(200);
        Instant due = Instant.parse("2026-11-16T23:59:59Z");
        eventStore.publish(new GenericDomainEventMessage<>("EvidenceRequest", "R-2", 0,
                new EvidenceRequestOverdue("R-2", caseId, "northwind-cloud", due)));
        viewAt("iris.investigator", caseId, 2).body("overdueEvidence.requestId", hasItem("R-2"));

        var late = new EvidenceSubmitted("R-2", caseId, "S-1",
                List.of(new EvidenceFile("F-1", "policy.pdf", "application/pdf", 1024, "ab".repeat(32))),
                "Retention policy", new StatementOfTruth("Nora Northwind", "Data Protection Officer"),
                new CompanyUser("u-nora", "Nora Northwind", "northwind-cloud"), due.plus(Duration.ofDays(2)), true);
        eventStore.publish(new GenericDomainEventMessage<>("EvidenceRequest", "R-2", 1, late));
        viewAt("iris.investigator", caseId, 3).body("overdueEvidence", empty());

        String referral = "{\"authority\":\"Competition and Markets Authority\",\"theirReference\":\"CMA-8\","
                + "\"reason\":\"Respondent does not cooperate\"}";
        change("iris.investigator", "POST", c + "/referral", 3, referral).statusCode(409);
    }

    @Test
    void the_case_views_rebuild_from_the_event_store_to_the_same_state() {
        String caseId = openCase("iris.investigator", "Rebuild me");
        change("iris.investigator", "POST", "/cases/" + caseId + "/investigation", 0, null).statusCode(200);
        change("iris.investigator", "POST", "/cases/" + caseId + "/notes", 1, "{\"text\":\"Kept across rebuilds\"}")
                .statusCode(200);
        String before = viewAt("sam.supervisor", caseId, 2).extract().asString();
        List<Map<String, Object>> listBefore = given().auth().oauth2(token("sam.supervisor"))
                .when().get("/cases?size=100").then().statusCode(200).extract().path("items");

        given().auth().oauth2(token("iris.investigator")).when().post("/operations/read-models/rebuild")
                .then().statusCode(403);
        given().auth().oauth2(token("otto.operator")).when().post("/operations/read-models/rebuild")
                .then().statusCode(202);

        String sam = token("sam.supervisor");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(given().auth().oauth2(sam).when().get("/cases/" + caseId).then().extract().asString())
                    .isEqualTo(before);
            assertThat(given().auth().oauth2(sam).when().get("/cases?size=100").then().extract()
                    .<List<Map<String, Object>>>path("items")).isEqualTo(listBefore);
        });
        given().auth().oauth2(sam).when().get("/cases/" + caseId + "/notes").then().statusCode(200)
                .body("text", hasItem("Kept across rebuilds"));
        given().auth().oauth2(token("otto.operator")).when().get("/operations/read-models").then().statusCode(200)
                .body("processingGroups", equalTo(List.of("case-views", "overdue-evidence", "data-subject-keys")))
                .body("projections", equalTo(List.of("case-views")));
    }

    private static long version(io.restassured.response.ValidatableResponse response) {
        return response.statusCode(200).extract().jsonPath().getLong("version");
    }

    private static String penalty(String amount, String turnover) {
        return """
                {"kind": "MONETARY_PENALTY", "reasons": "Serious, negligent infringement affecting millions",
                 "monetaryPenalty": {"amount": %s, "currency": "GBP", "worldwideAnnualTurnover": %s}}
                """.formatted(amount, turnover);
    }

    private List<Long> eventsOf(String caseId) {
        try (var connection = dataSource.getConnection();
             var query = connection.prepareStatement("SELECT sequence_number FROM event_store.domain_event_entry "
                     + "WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            query.setString(1, caseId);
            try (var rows = query.executeQuery()) {
                List<Long> sequence = new ArrayList<>();
                while (rows.next()) {
                    sequence.add(rows.getLong(1));
                }
                return sequence;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
