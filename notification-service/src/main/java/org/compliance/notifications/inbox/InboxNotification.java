package org.compliance.notifications.inbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(schema = "notification_service", name = "inbox_notification")
public class InboxNotification {

    @Id
    public UUID id;
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "recipient_id")
    public String recipientId;
    public String kind;
    @Column(name = "case_id")
    public String caseId;
    public String subject;
    public String body;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "read_at")
    public Instant readAt;
    public String urgency;
    @Column(name = "request_id")
    public String requestId;
    public String link;
}
