package org.compliance.platform.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.compliance.platform.axon.AxonRuntime;
import org.jboss.logging.Logger;

/**
 * {@code compliance_dead_letters{processing_group}}: events parked per processing group. Counted every few
 * seconds ({@code compliance.axon.dead-letter-count-interval}), so that a scrape never waits for the database.
 */
@ApplicationScoped
public class DeadLetterMetrics {

    private static final Logger LOG = Logger.getLogger(DeadLetterMetrics.class);

    private final AxonRuntime axon;
    private final DeadLetters deadLetters;
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> parked = new ConcurrentHashMap<>();

    public DeadLetterMetrics(AxonRuntime axon, DeadLetters deadLetters, MeterRegistry registry) {
        this.axon = axon;
        this.deadLetters = deadLetters;
        this.registry = registry;
    }

    // The scheduler reads the key itself: its default here is AxonSettings' default.
    @Scheduled(every = "${compliance.axon.dead-letter-count-interval:5s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void count() {
        if (!axon.isRunning()) {
            return;
        }
        try {
            deadLetters.counts().forEach((group, letters) -> parked.computeIfAbsent(group, this::gauge).set(letters));
        } catch (RuntimeException e) {
            LOG.debugf("Dead letters not counted: %s", e.getMessage());
        }
    }

    private AtomicLong gauge(String group) {
        AtomicLong value = new AtomicLong();
        Gauge.builder("compliance.dead.letters", value, AtomicLong::get).tag("processing_group", group)
                .description("Events parked by a processing group after its handlers kept failing on them")
                .register(registry);
        return value;
    }
}
