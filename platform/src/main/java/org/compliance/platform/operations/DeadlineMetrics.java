package org.compliance.platform.operations;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.compliance.platform.axon.ServiceComponents;
import org.jboss.logging.Logger;

/**
 * The durable deadlines of a service that keeps some (db-scheduler's table, {@link ServiceComponents#deadlineTable()}):
 * {@code compliance_deadlines{state}} with state {@code scheduled} (not yet due), {@code overdue} (due and not yet
 * picked by a scheduler) and {@code executing} (picked), and {@code compliance_deadlines_oldest_overdue_seconds}: how
 * long the oldest overdue deadline has waited (0 when none). Due is judged by the suite's clock, the one the scheduler
 * runs on. Counted every {@code compliance.axon.metrics-interval} in one indexed query, so that a scrape never waits.
 */
@ApplicationScoped
public class DeadlineMetrics {

    private static final Logger LOG = Logger.getLogger(DeadlineMetrics.class);

    private final AgroalDataSource dataSource;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Optional<String> table;
    private final AtomicLong scheduled = new AtomicLong();
    private final AtomicLong overdue = new AtomicLong();
    private final AtomicLong executing = new AtomicLong();
    private final AtomicLong oldestOverdueSeconds = new AtomicLong();

    public DeadlineMetrics(AgroalDataSource dataSource, MeterRegistry registry, Clock clock,
                           ServiceComponents components) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.clock = clock;
        this.table = components.deadlineTable();
    }

    void register(@Observes @Priority(200) StartupEvent event) {
        if (table.isEmpty()) {
            return;
        }
        gauge("scheduled", scheduled, "Deadlines waiting for their time");
        gauge("overdue", overdue, "Deadlines whose time has come that no scheduler has picked yet");
        gauge("executing", executing, "Deadlines a scheduler has picked and is running");
        Gauge.builder("compliance.deadlines.oldest.overdue", oldestOverdueSeconds, AtomicLong::get).baseUnit("seconds")
                .description("How long the oldest overdue deadline has waited past its time (0 when none)")
                .register(registry);
    }

    @Scheduled(every = "${compliance.axon.metrics-interval:5s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void count() {
        if (table.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        // The table name comes from the service's code, never from input.
        String sql = "SELECT count(*) FILTER (WHERE NOT picked AND execution_time > ?), "
                + "count(*) FILTER (WHERE NOT picked AND execution_time <= ?), count(*) FILTER (WHERE picked), "
                + "min(execution_time) FILTER (WHERE NOT picked AND execution_time <= ?) FROM " + table.get();
        try (var connection = dataSource.getConnection(); var query = connection.prepareStatement(sql)) {
            OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
            query.setObject(1, at);
            query.setObject(2, at);
            query.setObject(3, at);
            try (var rows = query.executeQuery()) {
                rows.next();
                scheduled.set(rows.getLong(1));
                overdue.set(rows.getLong(2));
                executing.set(rows.getLong(3));
                OffsetDateTime oldest = rows.getObject(4, OffsetDateTime.class);
                oldestOverdueSeconds.set(oldest == null ? 0
                        : Math.max(0, now.getEpochSecond() - oldest.toInstant().getEpochSecond()));
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("Deadlines not counted: %s", e.getMessage());
        }
    }

    private void gauge(String state, AtomicLong value, String description) {
        Gauge.builder("compliance.deadlines", value, AtomicLong::get).tag("state", state).description(description)
                .register(registry);
    }
}
