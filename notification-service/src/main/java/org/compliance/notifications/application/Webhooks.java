package org.compliance.notifications.application;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.compliance.api.notifications.views.Delivery;
import org.compliance.api.notifications.views.Registered;
import org.compliance.api.notifications.views.Subscription;
import org.compliance.notifications.domain.WebhookSignature;

/** Organisations' webhook endpoints and what was delivered to them. */
@ApplicationScoped
public class Webhooks {

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Webhooks(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public Registered register(String organisation, String url, String createdBy) throws SQLException {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String secretText = WebhookSignature.secret(secret);
        Subscription subscription = new Subscription(UUID.randomUUID(), organisation, url, createdBy, clock.instant());
        try (var connection = dataSource.getConnection(); var insert = connection.prepareStatement("""
                INSERT INTO notification_service.webhook_subscription
                    (id, organisation_alias, url, secret, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, subscription.id());
            insert.setString(2, organisation);
            insert.setString(3, url);
            insert.setString(4, secretText);
            insert.setString(5, createdBy);
            insert.setTimestamp(6, Timestamp.from(subscription.createdAt()));
            insert.executeUpdate();
        }
        return new Registered(subscription, secretText);
    }

    public List<Subscription> active(String organisation) throws SQLException {
        try (var connection = dataSource.getConnection(); var select = connection.prepareStatement("""
                SELECT id, organisation_alias, url, created_by, created_at FROM notification_service.webhook_subscription
                WHERE organisation_alias = ? AND active ORDER BY created_at""")) {
            select.setString(1, organisation);
            List<Subscription> found = new ArrayList<>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new Subscription(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getTimestamp(5).toInstant()));
                }
            }
            return found;
        }
    }

    /** True when the organisation had such an active endpoint. */
    public boolean remove(String organisation, UUID id) throws SQLException {
        try (var connection = dataSource.getConnection(); var update = connection.prepareStatement("""
                UPDATE notification_service.webhook_subscription SET active = false
                WHERE id = ? AND organisation_alias = ? AND active""")) {
            update.setObject(1, id);
            update.setString(2, organisation);
            return update.executeUpdate() == 1;
        }
    }

    public List<Delivery> deliveries(String organisation, Optional<String> status, int limit) throws SQLException {
        try (var connection = dataSource.getConnection(); var select = connection.prepareStatement("""
                SELECT d.id, d.subscription_id, d.event_id, d.type, d.status, d.attempts, d.next_attempt_at,
                       d.last_error, d.last_status, d.created_at, d.delivered_at
                FROM notification_service.webhook_delivery d
                JOIN notification_service.webhook_subscription s ON s.id = d.subscription_id
                WHERE s.organisation_alias = ? AND (?::text IS NULL OR d.status = ?)
                ORDER BY d.created_at DESC LIMIT ?""")) {
            select.setString(1, organisation);
            select.setString(2, status.orElse(null));
            select.setString(3, status.orElse(null));
            select.setInt(4, limit);
            List<Delivery> found = new ArrayList<>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(delivery(rows));
                }
            }
            return found;
        }
    }

    /** Queues a failed or dead-lettered delivery again, with the same delivery id; false if there is none. */
    public boolean redeliver(String organisation, UUID deliveryId) throws SQLException {
        try (var connection = dataSource.getConnection(); var update = connection.prepareStatement("""
                UPDATE notification_service.webhook_delivery d SET status = 'PENDING', attempts = 0,
                    next_attempt_at = ?, claimed_at = NULL
                FROM notification_service.webhook_subscription s
                WHERE d.id = ? AND s.id = d.subscription_id AND s.organisation_alias = ?
                  AND d.status IN ('FAILED', 'DEAD')""")) {
            update.setTimestamp(1, Timestamp.from(clock.instant()));
            update.setObject(2, deliveryId);
            update.setString(3, organisation);
            return update.executeUpdate() == 1;
        }
    }

    private static Delivery delivery(ResultSet rows) throws SQLException {
        Timestamp delivered = rows.getTimestamp(11);
        return new Delivery(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class), rows.getString(3),
                rows.getString(4), rows.getString(5), rows.getInt(6), rows.getTimestamp(7).toInstant(),
                rows.getString(8), (Integer) rows.getObject(9), rows.getTimestamp(10).toInstant(),
                delivered == null ? null : delivered.toInstant());
    }
}
