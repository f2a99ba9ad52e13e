package org.compliance.cases.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.compliance.cases.rest.CaseApi.change;
import static org.compliance.cases.rest.CaseApi.token;
import static org.compliance.cases.rest.CaseApi.viewAt;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.compliance.api.shared.PersonalData;
import org.compliance.testing.RealPeers;
import org.compliance.testing.Sql;
import org.junit.jupiter.api.Test;

/**
 * Issue 22 part 4 through case-service's API and its database: a person complainant's name, and the texts that name
 * them, are stored sealed; the erasure is refused under legal hold; once done, the case, its notes and search read
 * erased, the stored events are byte for byte what they were, and the key is gone for good.
 */
@QuarkusTest
@WithTestResource(RealPeers.class)
class ErasureApiTest {

    private static final String ERASED = PersonalData.ERASED;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void an_erased_complainant_reads_erased_everywhere_while_the_stored_events_stay_as_they_were() throws Exception {
        String surname = "Quillfeather" + UUID.randomUUID().toString().substring(0, 6).replaceAll("\\d", "x");
        String name = "Rowena " + surname;
        String caseId = CaseApi.openCaseWith("iris.investigator", """
                {"title": "Voice recordings kept after deletion requests",
                 "summary": "%s says her recordings were kept after she asked for them to be deleted",
                 "authority": "%s", "legalBases": ["UK GDPR"],
                 "respondents": [{"organisationAlias": "northwind-cloud", "name": "Northwind Cloud Ltd"}],
                 "complainants": [{"kind": "PERSON", "name": "%s"},
                                  {"kind": "ORGANISATION", "name": "Fair Data Consumers Network"}],
                 "allegations": [{"legalBasis": "UK GDPR Art. 17", "description": "Erasure refused to %s"},
                                 {"legalBasis": "UK GDPR Art. 5(1)(e)", "description": "Recordings kept indefinitely"}]}
                """.formatted(name, CaseApi.ICO, name, surname));
        String complainantId = given().auth().oauth2(token("iris.investigator")).when().get("/cases/" + caseId)
                .then().statusCode(200).body("complainants.name", hasItem(name))
                .extract().path("complainants.find { it.kind == 'PERSON' }.complainantId");
        change("iris.investigator", "POST", "/cases/" + caseId + "/notes", 0,
                "{\"text\":\"Spoke to " + surname + " on the phone\"}").statusCode(200);
        change("iris.investigator", "POST", "/cases/" + caseId + "/notes", 1,
                "{\"text\":\"Respondent's solicitors asked for more time\"}").statusCode(200);
        viewAt("iris.investigator", caseId, 2);

        // Stored sealed: the event store holds no byte of the name, nor of the texts naming her.
        List<String> storedBefore = storedPayloads(caseId);
        assertThat(String.join("\n", storedBefore)).doesNotContain(surname).contains("\"sealed\"")
                .contains("Recordings kept indefinitely").contains("Respondent's solicitors asked for more time");
        assertThat(found(surname)).containsExactly(caseId);

        // Under legal hold, nothing is erased.
        change("sam.supervisor", "POST", "/cases/" + caseId + "/legal-hold", 2, "{\"reason\":\"Judicial review\"}")
                .statusCode(200);
        change("sam.supervisor", "POST", "/cases/" + caseId + "/complainants/" + complainantId + "/erasure", 3,
                "{\"reason\":\"UK GDPR Art. 17\"}")
                .statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("legal hold"));
        // Investigators may not erase, and an organisation is no data subject.
        change("iris.investigator", "POST", "/cases/" + caseId + "/complainants/" + complainantId + "/erasure", 3,
                "{\"reason\":\"UK GDPR Art. 17\"}").statusCode(403);
        viewAt("iris.investigator", caseId, 3).body("complainants.name", hasItem(name));

        change("sam.supervisor", "POST", "/cases/" + caseId + "/legal-hold/lifting", 3, "{\"reason\":\"Dismissed\"}")
                .statusCode(200);
        change("sam.supervisor", "POST", "/cases/" + caseId + "/complainants/" + complainantId + "/erasure", 4,
                "{\"reason\":\"UK GDPR Art. 17: no longer needed\"}").statusCode(200);

        // Erased in the case, its notes and search; the organisation and the other texts are untouched.
        String page = given().auth().oauth2(token("iris.investigator")).when().get("/cases/" + caseId).then()
                .statusCode(200)
                .body("complainants.name", hasItem(ERASED))
                .body("complainants.name", hasItem("Fair Data Consumers Network"))
                .body("summary", equalTo(ERASED))
                .body("allegations.allegation.description", hasItem(ERASED))
                .body("allegations.allegation.description", hasItem("Recordings kept indefinitely"))
                .extract().asString();
        assertThat(page).doesNotContain(surname);
        given().auth().oauth2(token("iris.investigator")).when().get("/cases/" + caseId + "/notes").then()
                .statusCode(200).body("text", hasItem(ERASED))
                .body("text", hasItem("Respondent's solicitors asked for more time"));
        assertThat(found(surname)).isEmpty();
        assertThat(databaseText(caseId)).doesNotContain("quillfeather");
        change("sam.supervisor", "POST", "/cases/" + caseId + "/complainants/" + complainantId + "/erasure", 5,
                "{\"reason\":\"again\"}").statusCode(409);

        // The stored events are what they were, with the erasure after them; the key is gone and stays gone.
        List<String> storedAfter = storedPayloads(caseId);
        assertThat(storedAfter.subList(0, storedBefore.size())).isEqualTo(storedBefore);
        assertThat(storedAfter.get(storedAfter.size() - 1)).contains("UK GDPR Art. 17: no longer needed")
                .doesNotContain(surname);
        try (var connection = dataSource.getConnection(); var key = connection.prepareStatement(
                "SELECT key IS NULL, erased_at IS NOT NULL FROM event_store.data_subject_key WHERE subject = ?")) {
            key.setString(1, caseId + "/" + complainantId);
            try (var row = key.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getBoolean(1)).isTrue();
                assertThat(row.getBoolean(2)).isTrue();
            }
        }
        try (var connection = dataSource.getConnection(); var restore = connection.prepareStatement(
                "UPDATE event_store.data_subject_key SET key = ?, erased_at = NULL WHERE subject = ?")) {
            restore.setBytes(1, new byte[32]);
            restore.setString(2, caseId + "/" + complainantId);
            SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    restore::executeUpdate);
            assertThat(refused.getMessage()).contains("cannot come back");
        }
    }

    @Test
    void reasons_and_findings_naming_a_complainant_are_sealed_and_read_erased_and_a_rebuild_reads_the_same()
            throws Exception {
        String surname = "Ashcombe" + UUID.randomUUID().toString().substring(0, 6).replaceAll("\\d", "x");
        String name = "Linnea " + surname;
        String caseId = CaseApi.openCaseWith("iris.investigator", """
                {"title": "Call recordings shared with a vendor",
                 "summary": "Recordings were shared with a vendor without a contract",
                 "authority": "%s", "legalBases": ["UK GDPR"],
                 "respondents": [{"organisationAlias": "northwind-cloud", "name": "Northwind Cloud Ltd"}],
                 "complainants": [{"kind": "PERSON", "name": "%s"}],
                 "allegations": [{"legalBasis": "UK GDPR Art. 28", "description": "No processor contract"},
                                 {"legalBasis": "UK GDPR Art. 5(1)(f)", "description": "Recordings sent unencrypted"}]}
                """.formatted(CaseApi.ICO, name));
        var opened = viewAt("iris.investigator", caseId, 0);
        String complainantId = opened.extract().path("complainants[0].complainantId");
        String allegationId = opened.extract()
                .path("allegations.find { it.allegation.legalBasis == 'UK GDPR Art. 5(1)(f)' }.allegation.allegationId");
        String c = "/cases/" + caseId;
        change("iris.investigator", "POST", c + "/investigation", 0, null).statusCode(200);
        change("iris.investigator", "POST", c + "/allegations/" + allegationId + "/withdrawal", 1,
                "{\"reason\":\"Ms " + surname + " no longer says they were unencrypted\"}").statusCode(200);
        change("iris.investigator", "POST", c + "/findings", 2,
                "{\"findings\":\"The vendor received " + surname + "'s recordings in 2025\"}").statusCode(200);
        change("sam.supervisor", "POST", c + "/decision", 3,
                "{\"kind\":\"REPRIMAND\",\"reasons\":\"Recordings were shared without a processor contract\","
                        + "\"internalReasoning\":\"First breach of this kind\"}").statusCode(200);
        viewAt("iris.investigator", caseId, 4);

        // Stored sealed: no byte of her name; the texts naming nobody are in clear.
        List<String> stored = storedPayloads(caseId);
        assertThat(String.join("\n", stored)).doesNotContain(surname)
                .contains("Recordings were shared without a processor contract")
                .contains("First breach of this kind");
        assertThat(stored.get(2)).contains("\"sealed\"");
        assertThat(stored.get(3)).contains("\"sealed\"");

        change("sam.supervisor", "POST", c + "/complainants/" + complainantId + "/erasure", 4,
                "{\"reason\":\"UK GDPR Art. 17\"}").statusCode(200);

        String page = viewAt("iris.investigator", caseId, 5)
                .body("findings", equalTo(ERASED))
                .body("allegations.find { it.allegation.allegationId == '" + allegationId + "' }.withdrawalReason",
                        equalTo(ERASED))
                .body("decisions[0].reasons", equalTo("Recordings were shared without a processor contract"))
                .body("decisions[0].internalReasoning", equalTo("First breach of this kind"))
                .body("decision.reasons", equalTo("Recordings were shared without a processor contract"))
                .extract().asString();
        assertThat(page).doesNotContain(surname);
        given().auth().oauth2(token("nora.northwind")).when().get(c).then().statusCode(200)
                .body("decision.reasons", equalTo("Recordings were shared without a processor contract"))
                .body("decision.enforcementNotice", nullValue());
        assertThat(databaseText(caseId)).doesNotContain(surname.toLowerCase());

        // A view rebuilt from the store (where the texts naming her are sealed under a destroyed key) reads the same.
        given().auth().oauth2(token("otto.operator")).when().post("/operations/read-models/rebuild")
                .then().statusCode(202);
        String iris = token("iris.investigator");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                given().auth().oauth2(iris).when().get(c).then().extract().asString()).isEqualTo(page));
    }

    @Test
    void a_person_the_case_names_can_be_erased_and_the_notes_naming_them_read_erased() throws Exception {
        String caseId = CaseApi.openCase("iris.investigator", "Witness statements");
        change("iris.investigator", "POST", "/cases/" + caseId + "/named-persons", 0,
                "{\"name\": \"Jonah Pettigrew\", \"role\": \"witness\"}").statusCode(200);
        String personId = viewAt("iris.investigator", caseId, 1).body("namedPersons.name", hasItem("Jonah Pettigrew"))
                .extract().path("namedPersons[0].personId");
        change("iris.investigator", "POST", "/cases/" + caseId + "/notes", 1,
                "{\"text\":\"Pettigrew saw the training logs\"}").statusCode(200);
        change("iris.investigator", "POST", "/cases/" + caseId + "/named-persons", 2,
                "{\"name\": \"\", \"role\": \"witness\"}").statusCode(422);
        assertThat(String.join("\n", storedPayloads(caseId))).doesNotContain("Pettigrew");

        change("sam.supervisor", "POST", "/cases/" + caseId + "/named-persons/" + personId + "/erasure", 2,
                "{\"reason\":\"UK GDPR Art. 17\"}").statusCode(200);
        viewAt("iris.investigator", caseId, 3).body("namedPersons.name", hasItem(ERASED))
                .body("namedPersons.role", hasItem("witness"));
        given().auth().oauth2(token("iris.investigator")).when().get("/cases/" + caseId + "/notes").then()
                .statusCode(200).body("text", hasItem(ERASED));
        assertThat(databaseText(caseId)).doesNotContain("pettigrew");
    }

    @Test
    void a_withdrawn_person_complainant_stays_erasable_though_no_longer_a_party() throws Exception {
        String surname = "Brackenbury" + UUID.randomUUID().toString().substring(0, 6).replaceAll("\\d", "x");
        String name = "Tamsin " + surname;
        String caseId = CaseApi.openCaseWith("iris.investigator", """
                {"title": "Marketing calls after objection",
                 "summary": "Calls went on after the objection",
                 "authority": "%s", "legalBases": ["UK GDPR"],
                 "respondents": [{"organisationAlias": "northwind-cloud", "name": "Northwind Cloud Ltd"}],
                 "complainants": [{"kind": "PERSON", "name": "%s"},
                                  {"kind": "ORGANISATION", "name": "Fair Data Consumers Network"}],
                 "allegations": [{"legalBasis": "UK GDPR Art. 21", "description": "Calls after objection"}]}
                """.formatted(CaseApi.ICO, name));
        var opened = viewAt("iris.investigator", caseId, 0);
        String personId = opened.extract().path("complainants.find { it.kind == 'PERSON' }.complainantId");
        String organisationId = opened.extract().path("complainants.find { it.kind == 'ORGANISATION' }.complainantId");
        change("iris.investigator", "POST", "/cases/" + caseId + "/complainants/" + personId + "/withdrawal", 0,
                "{\"reason\":\"No longer wishes to take part\"}").statusCode(200);
        change("iris.investigator", "POST", "/cases/" + caseId + "/complainants/" + organisationId + "/withdrawal", 1,
                "{\"reason\":\"Complaint taken over by the person\"}").statusCode(200);

        // No longer a party (the party list, search, a company's view), still listed as withdrawn for erasure; a
        // withdrawn organisation is not kept.
        viewAt("iris.investigator", caseId, 2).body("complainants", empty())
                .body("withdrawnComplainants.complainantId", equalTo(List.of(personId)))
                .body("withdrawnComplainants.name", equalTo(List.of(name)));
        assertThat(found(surname)).isEmpty();
        assertThat(Sql.count(dataSource, "SELECT count(*) FROM case_service.case_party WHERE case_id = ?", caseId))
                .isEqualTo(1);
        assertThat(given().auth().oauth2(token("nora.northwind")).when().get("/cases/" + caseId).then()
                .statusCode(200).extract().asString()).doesNotContain(surname).doesNotContain("withdrawnComplainants");
        assertThat(dictionaryHas(surname)).isTrue();

        change("sam.supervisor", "POST", "/cases/" + caseId + "/complainants/" + personId + "/erasure", 2,
                "{\"reason\":\"UK GDPR Art. 17\"}").statusCode(200);
        viewAt("iris.investigator", caseId, 3).body("withdrawnComplainants.name", equalTo(List.of(ERASED)))
                .body("complainants", empty());
        assertThat(databaseText(caseId)).doesNotContain(surname.toLowerCase());
        assertThat(dictionaryHas(surname)).isFalse();
    }

    /** Whether the words a search widens a typo to (tied to no case) hold {@code word}. */
    private boolean dictionaryHas(String word) throws SQLException {
        return Sql.count(dataSource, "SELECT count(*) FROM case_service.case_search_word WHERE word = ?",
                word.toLowerCase()) > 0;
    }

    private List<String> found(String words) {
        return given().auth().oauth2(token("iris.investigator")).queryParam("q", words).when().get("/cases")
                .then().statusCode(200).extract().path("items.caseId");
    }

    private List<String> storedPayloads(String caseId) throws SQLException {
        List<String> payloads = new ArrayList<>();
        try (var connection = dataSource.getConnection(); var events = connection.prepareStatement(
                "SELECT convert_from(payload, 'UTF8') FROM event_store.domain_event_entry WHERE aggregate_identifier = ?"
                        + " ORDER BY sequence_number")) {
            events.setString(1, caseId);
            try (var rows = events.executeQuery()) {
                while (rows.next()) {
                    payloads.add(rows.getString(1));
                }
            }
        }
        return payloads;
    }

    /** Every text case-service keeps of the case in its views. */
    private String databaseText(String caseId) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (var connection = dataSource.getConnection(); var rows = connection.prepareStatement("""
                SELECT v.document || v.search_text || v.summary || v.notes_search::text
                       || coalesce((SELECT string_agg(n.text, ' ') FROM case_service.case_note n WHERE n.case_id = v.case_id), '')
                       || coalesce((SELECT string_agg(p.name, ' ') FROM case_service.case_party p WHERE p.case_id = v.case_id), '')
                FROM case_service.case_view v WHERE v.case_id = ?""")) {
            rows.setString(1, caseId);
            try (var row = rows.executeQuery()) {
                while (row.next()) {
                    text.append(row.getString(1));
                }
            }
        }
        return text.toString().toLowerCase();
    }
}
