package org.compliance.notifications.application;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.compliance.notifications.application.Directory.Person;
import org.compliance.notifications.domain.Notice;
import org.compliance.notifications.inbox.InboxNotification;
import org.compliance.platform.messaging.TraceContext;
import org.compliance.platform.views.ViewTable;

/**
 * Writes decided notifications in the caller's transaction (the event processor's, with its token): the
 * inbox row itself, and the e-mails and webhook calls the delivery workers will send. Each insert is
 * idempotent on (event, recipient or subscription, kind), so a redelivered event adds nothing. An e-mail or webhook
 * call keeps the trace of the handling that decided it ({@link TraceContext}), which the relay continues.
 */
@ApplicationScoped
public class Outbox {

    /** An e-mail as it will be sent, kept as sent. */
    public record Email(String subject, String text, String html) {
    }

    private static final ViewTable<InboxNotification> INBOX = ViewTable.of(InboxNotification.class);

    private final AgroalDataSource dataSource;

    public Outbox(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** True when the notice was new to this person's inbox. */
    public boolean inbox(String eventId, String recipientId, Notice notice, String link, Instant at)
            throws SQLException {
        InboxNotification row = new InboxNotification();
        row.id = UUID.randomUUID();
        row.eventId = eventId;
        row.recipientId = recipientId;
        row.kind = notice.kind().name();
        row.caseId = notice.caseId();
        row.subject = notice.subject();
        row.body = notice.body();
        row.createdAt = at;
        row.urgency = notice.urgency().name();
        row.requestId = notice.requestId();
        row.link = link;
        try (var connection = dataSource.getConnection()) {
            return INBOX.insertIfAbsent(connection, row);
        }
    }

    public boolean email(String eventId, Person recipient, Notice notice, Email email, String link, boolean digest,
                         Instant now) throws SQLException {
        return insert("""
                INSERT INTO notification_service.email_delivery
                    (id, event_id, recipient_id, address, kind, case_id, subject, text_body, html_body, link, status,
                     next_attempt_at, created_at, traceparent, tracestate)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT ON CONSTRAINT email_delivery_once DO NOTHING""",
                UUID.randomUUID(), eventId, recipient.userId(), recipient.email(), notice.kind().name(),
                notice.caseId(), email.subject(), email.text(), email.html(), link, digest ? "DIGEST" : "PENDING",
                Timestamp.from(now), Timestamp.from(now), trace(TraceContext.TRACEPARENT),
                trace(TraceContext.TRACESTATE));
    }

    public boolean webhook(String eventId, UUID deliveryId, UUID subscriptionId, String caseId, String type,
                           String payload, Instant now) throws SQLException {
        return insert("""
                INSERT INTO notification_service.webhook_delivery
                    (id, subscription_id, event_id, case_id, type, payload, status, next_attempt_at, created_at,
                     traceparent, tracestate)
                VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?)
                ON CONFLICT ON CONSTRAINT webhook_delivery_once DO NOTHING""",
                deliveryId, subscriptionId, eventId, caseId, type, payload, Timestamp.from(now), Timestamp.from(now),
                trace(TraceContext.TRACEPARENT), trace(TraceContext.TRACESTATE));
    }

    /** One W3C entry of the span current here (the notifier's handling of the event), or null. */
    private static String trace(String key) {
        return TraceContext.current().get(key);
    }

    private boolean insert(String sql, Object... values) throws SQLException {
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement.executeUpdate() == 1;
        }
    }
}
