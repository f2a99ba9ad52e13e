package org.compliance.notifications.application;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.compliance.platform.axon.AxonRuntime;
import org.jboss.logging.Logger;

/**
 * {@code notifications_deliveries{channel, status}}: how many deliveries are pending, sent, failed,
 * dead-lettered (and, for e-mail, held for the digest or of unknown outcome), per channel; and
 * {@code notifications_processor_lag_events}: how many events the processor is behind the head of the store.
 * Counted every few seconds from the outbox tables, so that a scrape never waits for the database.
 */
@ApplicationScoped
public class DeliveryMetrics {

    private static final Logger LOG = Logger.getLogger(DeliveryMetrics.class);
    private static final List<String> EMAIL = List.of("PENDING", "DIGEST", "SENDING", "SENT", "FAILED", "DEAD",
            "UNKNOWN", "DIGESTED");
    private static final List<String> WEBHOOK = List.of("PENDING", "SENDING", "SENT", "FAILED", "DEAD");

    private final AgroalDataSource dataSource;
    private final AxonRuntime axon;
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final AtomicLong lag = new AtomicLong();

    public DeliveryMetrics(AgroalDataSource dataSource, AxonRuntime axon, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.axon = axon;
        this.registry = registry;
        EMAIL.forEach(status -> gauge("email", status));
        WEBHOOK.forEach(status -> gauge("webhook", status));
        gauge("inbox", "SENT");
        Gauge.builder("notifications.processor.lag.events", lag, AtomicLong::get)
                .description("Events in the store not yet processed by notification-service").register(registry);
    }

    @Scheduled(every = "${compliance.notifications.metrics-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            count("email", "SELECT status, count(*) FROM notification_service.email_delivery GROUP BY status");
            count("webhook", "SELECT status, count(*) FROM notification_service.webhook_delivery GROUP BY status");
            count("inbox", "SELECT 'SENT', count(*) FROM notification_service.inbox_notification");
            lag.set(axon.processorLag());
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("Delivery metrics not refreshed: %s", e.getMessage());
        }
    }

    private void gauge(String channel, String status) {
        AtomicLong value = counts.computeIfAbsent(channel + "/" + status, k -> new AtomicLong());
        Gauge.builder("notifications.deliveries", value, AtomicLong::get).tag("channel", channel)
                .tag("status", status.toLowerCase()).description("Deliveries by channel and status")
                .register(registry);
    }

    private void count(String channel, String sql) throws SQLException {
        try (var connection = dataSource.getConnection(); var query = connection.prepareStatement(sql);
             var rows = query.executeQuery()) {
            counts.entrySet().stream().filter(e -> e.getKey().startsWith(channel + "/"))
                    .forEach(e -> e.getValue().set(0));
            while (rows.next()) {
                AtomicLong value = counts.get(channel + "/" + rows.getString(1));
                if (value != null) {
                    value.set(rows.getLong(2));
                }
            }
        }
    }
}
