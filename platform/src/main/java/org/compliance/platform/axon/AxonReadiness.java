package org.compliance.platform.axon;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The service is ready only while Axon runs and every processor of its processing groups runs without error: a
 * stopped processor, or one whose coordinator or a segment is failing (an outage, or an event failing before it is
 * parked), leaves the service's views or side effects behind, and another replica should take the traffic. Each
 * group's state is in the check's data ({@code running}, {@code stopped} or {@code error}).
 */
@Readiness
@ApplicationScoped
public class AxonReadiness implements HealthCheck {

    private final AxonRuntime runtime;

    public AxonReadiness(AxonRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("axon");
        if (!runtime.isRunning()) {
            return response.down().withData("axon", "not running").build();
        }
        boolean up = true;
        for (String group : runtime.processingGroups()) {
            String state = state(runtime.processor(group));
            response.withData(group, state);
            up &= state.equals("running");
        }
        return response.status(up).build();
    }

    /** {@code running}, {@code stopped} or {@code error}. */
    public static String state(StreamingEventProcessor processor) {
        if (!processor.isRunning()) {
            return "stopped";
        }
        boolean failing = processor.isError() || processor.processingStatus().values().stream()
                .anyMatch(EventTrackerStatus::isErrorState);
        return failing ? "error" : "running";
    }
}
