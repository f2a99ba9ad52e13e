package org.compliance.cases.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.compliance.api.cases.Allegation;
import org.compliance.api.cases.CaseEvent;
import org.compliance.api.cases.CaseNoteAdded;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.Complainant;
import org.compliance.api.cases.ComplainantAdded;
import org.compliance.api.cases.Confidentiality;
import org.compliance.api.cases.InvestigationStarted;
import org.compliance.api.cases.Priority;
import org.compliance.api.cases.Respondent;
import org.compliance.api.cases.RespondentAdded;
import org.compliance.api.cases.RespondentWithdrawn;
import org.compliance.api.cases.TeamMemberAdded;
import org.compliance.api.shared.StaffMember;
import org.compliance.cases.domain.InvestigationCase;
import org.compliance.testing.RealPeers;
import org.compliance.testing.Sql;
import org.junit.jupiter.api.Test;

/**
 * The case views are folded per processor batch (decision 23): a batch that touches a case many times writes it once
 * (or once per batch it was split into), and leaves exactly what folding its events one at a time leaves; an event
 * that fails amid a batch is parked alone, and the batch's other events are neither lost nor half applied.
 */
@QuarkusTest
@WithTestResource(RealPeers.class)
class CaseViewBatchesTest {

    private static final String CASE = InvestigationCase.class.getSimpleName();
    // a poisoned event is tried three times, seconds apart, before it is parked and its segment goes on
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final StaffMember IRIS = new StaffMember("u-iris", "Iris Investigator");
    private static final Instant START = Instant.parse("2026-11-02T09:30:00Z");
    private static final int NOTES = 150;

    @Inject
    EventStore eventStore;
    @Inject
    CaseViewProjection projection;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_batch_writes_each_case_it_touches_once_and_leaves_what_folding_event_by_event_leaves() throws Exception {
        String batched = "batched-" + UUID.randomUUID();
        String oneByOne = "one-by-one-" + UUID.randomUUID();
        String counter = "case_view_writes_" + UUID.randomUUID().toString().replace("-", "");
        countWrites(counter);
        try {
            List<DomainEventMessage<?>> events = history(batched, "Northwind");
            // Appended in one transaction: the processor finds them together and folds them in one batch (or the
            // few the processor's first look split them into), not one write per event.
            eventStore.publish(events);
            awaitVersion(batched, events.size() - 1);
            long writes = Sql.count(dataSource, "SELECT coalesce(sum(writes), 0) FROM case_service." + counter
                    + " WHERE case_id = ?", batched);
            assertThat(writes).as("writes of the case's view row for %d events", events.size())
                    .isBetween(1L, 3L);

            // The same events of another case, each delivered on its own, written at once.
            for (DomainEventMessage<?> event : history(oneByOne, "Northwind")) {
                QuarkusTransaction.requiringNew().run(() -> deliver(event));
            }
            assertThat(Sql.count(dataSource, "SELECT coalesce(sum(writes), 0) FROM case_service." + counter
                    + " WHERE case_id = ?", oneByOne)).isEqualTo(events.size());
            assertThat(rows(batched).replace(batched, "<case>")).isEqualTo(rows(oneByOne).replace(oneByOne, "<case>"))
                    .contains("version=" + (events.size() - 1));
        } finally {
            Sql.execute(RealPeers.databaseOwner(), "DROP TABLE case_service." + counter + " CASCADE;"
                    + " DROP FUNCTION case_service." + counter + "() CASCADE");
            // The copy's events are not in the store: its rows go, so that the views stay what a rebuild gives.
            for (String table : List.of("case_note", "case_party", "case_view")) {
                Sql.execute(dataSource, "DELETE FROM case_service." + table + " WHERE case_id = '" + oneByOne + "'");
            }
        }
    }

    @Test
    void an_event_that_fails_amid_a_batch_is_parked_alone_and_the_rest_of_the_batch_is_kept() throws Exception {
        String healthy = "healthy-" + UUID.randomUUID();
        String poisoned = "poisoned-" + UUID.randomUUID();
        String otherHealthy = "healthy-" + UUID.randomUUID();
        String text = "Poisoned note " + UUID.randomUUID();
        String poison = "batch_test_" + UUID.randomUUID().toString().replace("-", "");
        Sql.execute(RealPeers.databaseOwner(), "ALTER TABLE case_service.case_note ADD CONSTRAINT " + poison
                + " CHECK (text <> '" + text + "') NOT VALID");
        List<DomainEventMessage<?>> events = new ArrayList<>();
        List<DomainEventMessage<?>> poisonedHistory = notes(poisoned, 10, 5, text);
        List<DomainEventMessage<?>> healthyHistory = notes(healthy, 10, -1, null);
        List<DomainEventMessage<?>> otherHistory = notes(otherHealthy, 10, -1, null);
        for (int i = 0; i < poisonedHistory.size(); i++) {
            events.add(healthyHistory.get(i));
            events.add(poisonedHistory.get(i));
            events.add(otherHistory.get(i));
        }
        try {
            eventStore.publish(events);
            awaitVersion(healthy, 10);
            awaitVersion(otherHealthy, 10);
            // The poisoned note (event 5) and the later events of its case wait; what came before is in the view,
            // nothing of what came after.
            await().atMost(WAIT).until(() -> Sql.count(dataSource, "SELECT count(*) FROM case_service.dead_letter_entry"
                    + " WHERE processing_group = 'case-views' AND sequence_identifier = ?", poisoned) == 6);
            assertThat(rows(poisoned)).contains("version=4|");
            assertThat(noteCount(poisoned)).isEqualTo(4);
            assertThat(noteCount(healthy)).isEqualTo(10);
            assertThat(noteCount(otherHealthy)).isEqualTo(10);
        } finally {
            Sql.execute(RealPeers.databaseOwner(), "ALTER TABLE case_service.case_note DROP CONSTRAINT " + poison);
        }
        given().auth().oauth2(RealPeers.tokenFor("otto.operator")).when()
                .post("/operations/dead-letters/case-views/" + poisoned + "/retry")
                .then().statusCode(200).body("handled", equalTo(true)).body("remainingLetters", equalTo(0));
        awaitVersion(poisoned, 10);
        assertThat(noteCount(poisoned)).isEqualTo(10);
    }

    /** A case with parties, people and many notes: the views' every table and the words known to search. */
    private static List<DomainEventMessage<?>> history(String caseId, String respondent) {
        List<CaseEvent> events = new ArrayList<>();
        events.add(opened(caseId));
        events.add(new InvestigationStarted(caseId));
        events.add(new RespondentAdded(caseId, new Respondent("contoso-models", "Contoso Models plc")));
        events.add(new ComplainantAdded(caseId, new Complainant("C-1", Complainant.Kind.ORGANISATION,
                "Fabrikam Data Trust", null)));
        events.add(new TeamMemberAdded(caseId, new StaffMember("u-sam", "Sam Supervisor")));
        for (int n = 0; n < NOTES; n++) {
            events.add(new CaseNoteAdded(caseId, "N-" + n, respondent + " note number " + n + " about retention",
                    IRIS, START.plusSeconds(60L * n)));
        }
        events.add(new RespondentWithdrawn(caseId, "contoso-models", "Named in error"));
        return messages(caseId, events);
    }

    private static List<DomainEventMessage<?>> notes(String caseId, int notes, int poisonedAt, String poisonedText) {
        List<CaseEvent> events = new ArrayList<>();
        events.add(opened(caseId));
        for (int n = 1; n <= notes; n++) {
            events.add(new CaseNoteAdded(caseId, "N-" + n, n == poisonedAt ? poisonedText : "Note " + n, IRIS,
                    START.plusSeconds(n)));
        }
        return messages(caseId, events);
    }

    private static CaseOpened opened(String caseId) {
        return new CaseOpened(caseId, "Batched views", "A case folded in batches",
                "Information Commissioner's Office", List.of("UK GDPR"), Priority.HIGH, Confidentiality.STANDARD,
                List.of(new Respondent("northwind-cloud", "Northwind Cloud Ltd")), List.of(),
                List.of(new Allegation("A1", "UK GDPR Art. 5", "Kept too long", null, null)), IRIS, START);
    }

    /** Fixed timestamps, so that two cases with the same events get the same views. */
    private static List<DomainEventMessage<?>> messages(String caseId, List<CaseEvent> events) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (int sequence = 0; sequence < events.size(); sequence++) {
            messages.add(new GenericDomainEventMessage<>(CASE, caseId, sequence, events.get(sequence), Map.of(),
                    UUID.randomUUID().toString(), START.plusSeconds(sequence)));
        }
        return messages;
    }

    private void deliver(DomainEventMessage<?> event) {
        try {
            projection.on((CaseEvent) event.getPayload(), event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts the writes of each case's document (inserts and updates of its view row), in a table of the test's own. */
    private static void countWrites(String counter) {
        Sql.execute(RealPeers.databaseOwner(), "CREATE TABLE case_service." + counter
                + " (case_id text PRIMARY KEY, writes bigint NOT NULL);"
                + " CREATE FUNCTION case_service." + counter + "() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER"
                + " SET search_path = case_service, pg_temp AS $$ BEGIN"
                + " INSERT INTO case_service." + counter + " VALUES (NEW.case_id, 1)"
                + " ON CONFLICT (case_id) DO UPDATE SET writes = " + counter + ".writes + 1; RETURN NEW; END $$;"
                + " CREATE TRIGGER " + counter + " AFTER INSERT OR UPDATE OF document ON case_service.case_view"
                + " FOR EACH ROW EXECUTE FUNCTION case_service." + counter + "()");
    }

    private void awaitVersion(String caseId, long version) {
        await().atMost(WAIT).until(() -> rows(caseId).contains("version=" + version + "|"));
    }

    private long noteCount(String caseId) {
        return Sql.count(dataSource, "SELECT count(*) FROM case_service.case_note WHERE case_id = ?", caseId);
    }

    /** Every view row of the case, as text (the staff search document and its notes' words included). */
    private String rows(String caseId) throws Exception {
        StringBuilder rows = new StringBuilder();
        try (var connection = dataSource.getConnection()) {
            for (String sql : List.of(
                    "SELECT 'version=' || version, document, members, status, search_text, respondent_search_text,"
                            + " notes_search::text, updated_at::text FROM case_service.case_view WHERE case_id = ?",
                    "SELECT role, party_key, name, organisation_alias FROM case_service.case_party WHERE case_id = ? ORDER BY 1, 2",
                    "SELECT note_id, text, author_id, added_at::text FROM case_service.case_note WHERE case_id = ? ORDER BY 1")) {
                try (var query = connection.prepareStatement(sql)) {
                    query.setString(1, caseId);
                    try (var result = query.executeQuery()) {
                        while (result.next()) {
                            for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                                rows.append(result.getString(i)).append('|');
                            }
                            rows.append('\n');
                        }
                    }
                }
            }
        }
        return rows.toString();
    }
}
