package org.compliance.notifications.inbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.compliance.api.cases.CaseOpened;
import org.compliance.notifications.domain.Notice;
import org.compliance.notifications.domain.NotificationPolicy;
import org.jboss.logging.Logger;

/**
 * Puts the notices the policy decides into recipients' inboxes, in the processor's transaction (so the
 * token and the notices commit together) and at most once per (event, recipient, kind).
 */
@ApplicationScoped
@Unremovable
public class InboxProjection {

    private static final Logger LOG = Logger.getLogger(InboxProjection.class);

    private final AgroalDataSource dataSource;

    public InboxProjection(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @EventHandler
    void on(CaseOpened event, EventMessage<CaseOpened> message) throws SQLException {
        deliver(message.getIdentifier(), message.getTimestamp(), NotificationPolicy.on(event));
    }

    private void deliver(String eventId, Instant at, List<Notice> notices) throws SQLException {
        try (var connection = dataSource.getConnection();
             var insert = connection.prepareStatement("""
                     INSERT INTO notification_service.inbox_notification
                         (id, event_id, recipient_id, kind, case_id, subject, body, created_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                     ON CONFLICT ON CONSTRAINT inbox_notification_once DO NOTHING""")) {
            for (Notice notice : notices) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, eventId);
                insert.setString(3, notice.recipientId());
                insert.setString(4, notice.kind().name());
                insert.setString(5, notice.caseId());
                insert.setString(6, notice.subject());
                insert.setString(7, notice.body());
                insert.setTimestamp(8, Timestamp.from(at));
                if (insert.executeUpdate() == 1) {
                    LOG.infof("Inbox: %s for %s on case %s (event %s)", notice.kind(), notice.recipientId(),
                            notice.caseId(), eventId);
                } else {
                    LOG.debugf("Inbox: %s for %s from event %s was already delivered", notice.kind(),
                            notice.recipientId(), eventId);
                }
            }
        }
    }
}
