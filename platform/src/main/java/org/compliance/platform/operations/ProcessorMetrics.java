package org.compliance.platform.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.compliance.platform.axon.AppendListener;
import org.compliance.platform.axon.AxonReadiness;
import org.compliance.platform.axon.AxonRuntime;
import org.jboss.logging.Logger;

/**
 * Per processing group: {@code compliance_processor_lag_events} (events of the store its slowest segment on this
 * instance has still to handle, counted every {@code compliance.axon.metrics-interval}), and
 * {@code compliance_processor_running} and {@code compliance_processor_error} (1 or 0, read at each scrape from the
 * processor itself, no database involved); {@code compliance_event_store_listening} and
 * {@code compliance_event_store_listener_reconnections_total} (decision 22). Axon's own timers, counters, latency and
 * capacity come from axon-micrometer (wired in {@link AxonRuntime}).
 */
@ApplicationScoped
public class ProcessorMetrics {

    private static final Logger LOG = Logger.getLogger(ProcessorMetrics.class);

    private final AxonRuntime axon;
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> lag = new ConcurrentHashMap<>();

    public ProcessorMetrics(AxonRuntime axon, MeterRegistry registry) {
        this.axon = axon;
        this.registry = registry;
    }

    /** Registered at start (after Axon), so that every gauge is on /q/metrics before the first count. */
    void register(@Observes @Priority(200) StartupEvent event) {
        // Decision 22: while this is 0, processors see other processes' events only at the store's next poll.
        Gauge.builder("compliance.event.store.listening",
                        () -> axon.appendListener().map(listener -> listener.listening() ? 1 : 0).orElse(0))
                .description("1 while this instance listens for PostgreSQL's notifications of appended events, 0 "
                        + "while it reconnects or when listening is off (compliance.axon.listen-for-appends)")
                .register(registry);
        FunctionCounter.builder("compliance.event.store.listener.reconnections", axon,
                        runtime -> runtime.appendListener().map(AppendListener::reconnections).orElse(0L))
                .description("Times the connection listening for appended events was lost and opened again")
                .register(registry);
        for (String group : axon.processingGroups()) {
            Gauge.builder("compliance.processor.lag.events", lag.computeIfAbsent(group, g -> new AtomicLong()),
                            AtomicLong::get).tag("processing_group", group)
                    .description("Events in the store that the processing group's slowest segment on this instance "
                            + "has still to handle").register(registry);
            Gauge.builder("compliance.processor.running", () -> is(group, "running", "error") ? 1 : 0)
                    .tag("processing_group", group)
                    .description("1 while the processing group's processor runs (even if failing), 0 when stopped")
                    .register(registry);
            Gauge.builder("compliance.processor.error", () -> is(group, "error") ? 1 : 0)
                    .tag("processing_group", group)
                    .description("1 while the processing group's processor or one of its segments is failing and "
                            + "retrying (an outage, or an event failing before it is parked)")
                    .register(registry);
        }
    }

    @Scheduled(every = "${compliance.axon.metrics-interval:5s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void count() {
        if (!axon.isRunning() || lag.isEmpty()) {
            return;
        }
        try {
            long head = axon.storeHead();
            lag.forEach((group, value) -> value.set(axon.processorLag(group, head)));
        } catch (RuntimeException e) {
            LOG.debugf("Processor lag not counted: %s", e.getMessage());
        }
    }

    private boolean is(String group, String... states) {
        if (!axon.isRunning()) {
            return false;
        }
        String state = AxonReadiness.state(axon.processor(group));
        for (String wanted : states) {
            if (wanted.equals(state)) {
                return true;
            }
        }
        return false;
    }
}
