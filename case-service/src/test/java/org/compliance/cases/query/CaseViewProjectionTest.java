package org.compliance.cases.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.compliance.api.cases.Allegation;
import org.compliance.api.cases.CaseEvent;
import org.compliance.api.cases.CaseNoteAdded;
import org.compliance.api.cases.CaseOpened;
import org.compliance.api.cases.Confidentiality;
import org.compliance.api.cases.InvestigationStarted;
import org.compliance.api.cases.Priority;
import org.compliance.api.cases.Respondent;
import org.compliance.api.shared.StaffMember;
import org.compliance.cases.domain.InvestigationCase;
import org.compliance.testing.RealPeers;
import org.junit.jupiter.api.Test;

/** The case views are idempotent: every event delivered a second time leaves them exactly as they were. */
@QuarkusTest
@WithTestResource(RealPeers.class)
class CaseViewProjectionTest {

    private static final String CASE = InvestigationCase.class.getSimpleName();

    @Inject
    EventStore eventStore;
    @Inject
    CaseViewProjection projection;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void delivering_every_event_of_a_case_again_changes_nothing() throws Exception {
        String caseId = "projection-" + System.nanoTime();
        StaffMember iris = new StaffMember("u-iris", "Iris Investigator");
        eventStore.publish(
                new GenericDomainEventMessage<>(CASE, caseId, 0, new CaseOpened(caseId,
                        "Idempotent views", "A case delivered twice", "Information Commissioner's Office",
                        List.of("UK GDPR"), Priority.LOW, Confidentiality.STANDARD,
                        List.of(new Respondent("northwind-cloud", "Northwind Cloud Ltd")), List.of(),
                        List.of(new Allegation("A1", "UK GDPR Art. 5", "Kept too long", null, null)), iris,
                        Instant.parse("2026-11-02T09:30:00Z"))),
                new GenericDomainEventMessage<>(CASE, caseId, 1,
                        new InvestigationStarted(caseId)),
                new GenericDomainEventMessage<>(CASE, caseId, 2,
                        new CaseNoteAdded(caseId, "N-1", "First note", iris, Instant.parse("2026-11-02T10:00:00Z"))));
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshot(caseId).contains("version=2"));
        String before = snapshot(caseId);

        List<? extends DomainEventMessage<?>> history = eventStore.readEvents(caseId).asStream().toList();
        assertThat(history).hasSize(3);
        for (DomainEventMessage<?> event : history) {
            QuarkusTransaction.requiringNew().run(() -> deliver(event));
        }

        assertThat(snapshot(caseId)).isEqualTo(before);
    }

    private void deliver(DomainEventMessage<?> event) {
        try {
            projection.on((CaseEvent) event.getPayload(), event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every view row of the case, as text. */
    private String snapshot(String caseId) throws Exception {
        StringBuilder rows = new StringBuilder();
        try (var connection = dataSource.getConnection()) {
            for (String sql : List.of(
                    "SELECT 'version=' || version, document, members, status FROM case_service.case_view WHERE case_id = ?",
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
