package org.compliance.notifications.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.compliance.api.cases.Allegation;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.Confidentiality;
import org.compliance.api.cases.Priority;
import org.compliance.api.cases.Respondent;
import org.compliance.api.cases.TeamMemberAdded;
import org.compliance.api.shared.StaffMember;
import org.compliance.notifications.peers.Mailbox;
import org.compliance.testing.RealPeers;
import org.compliance.testing.Sql;
import org.junit.jupiter.api.Test;

/**
 * A notice PostgreSQL refuses after the notifier already wrote to the outbox in the processor's JTA transaction
 * (which the refusal aborts) is parked, whole, with the later events of its case, instead of being retried for
 * ever; other cases are notified meanwhile, and a retry after the fix delivers every notice exactly once.
 */
@QuarkusTest
@WithTestResource(RealPeers.class)
@WithTestResource(Mailbox.class)
class DeadLetterTest {

    private static final String GROUP = "notifier";
    private static final String DEAD_LETTERS = "/operations/dead-letters/" + GROUP;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Map<String, AtomicLong> SEQUENCES = new ConcurrentHashMap<>();

    @Inject
    EventStore eventStore;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_notice_refused_after_its_inbox_row_was_written_is_parked_whole_and_delivered_once_after_the_retry()
            throws Exception {
        String iris = RealPeers.tokenFor("iris.investigator");
        String ivan = RealPeers.tokenFor("ivan.investigator");
        String poisoned = "case-" + UUID.randomUUID();
        String healthy = "case-" + UUID.randomUUID();
        // The inbox row is written first, then the e-mail row is refused: the transaction is aborted by then.
        String constraint = "dead_letter_test_" + UUID.randomUUID().toString().replace("-", "");
        assertThat(inboxKinds(iris, poisoned)).isEmpty();
        sql("ALTER TABLE notification_service.email_delivery ADD CONSTRAINT " + constraint
                + " CHECK (case_id <> '" + poisoned + "') NOT VALID");
        try {
            publish(poisoned, opened(poisoned, iris));
            publish(poisoned, new TeamMemberAdded(poisoned, new StaffMember(RealPeers.subjectOf(ivan), "Ivan")));
            publish(healthy, opened(healthy, iris));

            await().atMost(WAIT).untilAsserted(() -> assertThat(inboxKinds(iris, healthy)).contains("CASE_ASSIGNED"));
            JsonPath sequence = awaitParked(poisoned, 2);
            assertThat(sequence.getList("events.eventType")).containsExactly("CaseOpened", "TeamMemberAdded");
            assertThat(sequence.getString("events[0].causeType")).isEqualTo("org.postgresql.util.PSQLException");
            assertThat(sequence.getString("events[0].causeMessage")).contains(constraint);
            assertThat(count("SELECT count(*) FROM notification_service.inbox_notification WHERE case_id = ?",
                    poisoned)).as("the inbox row written before the refusal is undone").isZero();
            assertThat(inboxKinds(iris, poisoned)).isEmpty();
            assertThat(count("SELECT count(*) FROM notification_service.case_roster WHERE case_id = ?", poisoned))
                    .as("the roster, in the same processing group, waits with the notices").isZero();
            assertThat(count("SELECT count(*) FROM notification_service.case_title WHERE case_id = ?", poisoned))
                    .as("and so does the case's title").isZero();
        } finally {
            sql("ALTER TABLE notification_service.email_delivery DROP CONSTRAINT IF EXISTS " + constraint);
        }

        given().auth().oauth2(RealPeers.tokenFor("otto.operator")).when()
                .post(DEAD_LETTERS + "/" + poisoned + "/retry").then().statusCode(200)
                .body("handled", equalTo(true)).body("remainingLetters", equalTo(0));

        assertThat(inboxKinds(iris, poisoned)).containsExactly("CASE_ASSIGNED");
        assertThat(inboxKinds(ivan, poisoned)).containsExactly("CASE_ASSIGNED");
        await().atMost(WAIT).until(() -> mails("iris.investigator@regulator.example", "You lead the new case \""
                + title(poisoned) + "\"") == 1 && mails("ivan.investigator@regulator.example",
                "You joined the team of the case \"" + title(poisoned) + "\"") == 1);
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM notification_service.email_delivery "
                + "WHERE case_id = ? AND status = 'SENT'", poisoned) == 2);
        assertThat(count("SELECT count(*) FROM notification_service.email_delivery WHERE case_id = ?", poisoned))
                .isEqualTo(2);
        assertThat(mails("iris.investigator@regulator.example", "You lead the new case \"" + title(poisoned) + "\""))
                .isEqualTo(1);
        given().auth().oauth2(RealPeers.tokenFor("otto.operator")).when().get(DEAD_LETTERS).then()
                .statusCode(200).body("letters", equalTo(0));
    }

    private JsonPath awaitParked(String caseId, int letters) {
        String otto = RealPeers.tokenFor("otto.operator");
        String sequence = "parked.find { it.sequence == '" + caseId + "' }";
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(otto).when().get(DEAD_LETTERS).then()
                .statusCode(200).body(sequence + ".letters", equalTo(letters)));
        return given().auth().oauth2(otto).when().get(DEAD_LETTERS).then().extract().jsonPath().setRootPath(sequence);
    }

    /** Notices name a case by its title: each case here has its own. */
    private static String title(String caseId) {
        return "Dead letters " + caseId.substring(5, 13);
    }

    private static CaseOpened opened(String caseId, String lead) {
        return new CaseOpened(caseId, title(caseId), "Fictional", "Information Commissioner's Office",
                List.of("UK GDPR"), Priority.NORMAL, Confidentiality.STANDARD,
                List.of(new Respondent("northwind-cloud", "Northwind Cloud Ltd")), List.of(),
                List.of(new Allegation("A1", "UK GDPR Art. 5(1)(e)", "Kept too long", null, null)),
                new StaffMember(RealPeers.subjectOf(lead), "Lead"), Instant.now());
    }

    private void publish(String caseId, Object event) {
        long sequence = SEQUENCES.computeIfAbsent(caseId, id -> new AtomicLong()).getAndIncrement();
        eventStore.publish(new GenericDomainEventMessage<>("InvestigationCase", caseId, sequence, event));
    }

    private static List<String> inboxKinds(String token, String caseId) {
        List<Map<String, Object>> items = given().auth().oauth2(token).when().get("/inbox?size=100").then()
                .statusCode(200).extract().path("items");
        return items.stream().filter(i -> caseId.equals(i.get("caseId"))).map(i -> (String) i.get("kind")).toList();
    }

    private static long mails(String address, String subject) {
        return Mailbox.to(address).stream().filter(m -> {
            try {
                return m.getSubject() != null && m.getSubject().contains(subject);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }

    /** A change to the schema: the owner's (the service's own role may not). */
    private void sql(String statement) {
        Sql.execute(RealPeers.databaseOwner(), statement);
    }

    private long count(String query, String value) {
        return Sql.count(dataSource, query, value);
    }
}
