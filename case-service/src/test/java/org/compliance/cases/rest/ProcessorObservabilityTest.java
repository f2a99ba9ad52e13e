package org.compliance.cases.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.compliance.cases.rest.CaseApi.openCase;
import static org.compliance.cases.rest.CaseApi.viewAt;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.compliance.platform.axon.AxonRuntime;
import org.compliance.testing.RealPeers;
import org.junit.jupiter.api.Test;

/**
 * What operators watch: Axon's processor metrics and the suite's own (lag, running, error) on /q/metrics, and
 * readiness, which fails while a processor is stopped and recovers when it runs again.
 */
@QuarkusTest
@WithTestResource(RealPeers.class)
class ProcessorObservabilityTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AxonRuntime axon;

    @Test
    void processors_are_measured_per_processing_group_on_q_metrics() {
        String caseId = openCase("iris.investigator", "Measured " + UUID.randomUUID());
        viewAt("iris.investigator", caseId, 0);

        await().atMost(WAIT).untilAsserted(() -> {
            List<String> lines = metrics();
            assertThat(value(lines, "eventProcessor_successCounter_total", "processorName=\"case-views\"",
                    "payloadType=\"CaseOpened\"")).isGreaterThanOrEqualTo(1);
            assertThat(value(lines, "eventProcessor_latency", "processorName=\"case-views\"")).isNotNegative();
            assertThat(value(lines, "eventProcessor_capacity", "processorName=\"case-views\"")).isNotNegative();
            assertThat(value(lines, "commandBus_successCounter_total", "payloadType=\"OpenCase\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(lines, "compliance_processor_running", "processing_group=\"case-views\"")).isEqualTo(1);
            assertThat(value(lines, "compliance_processor_running", "processing_group=\"overdue-evidence\""))
                    .isEqualTo(1);
            assertThat(value(lines, "compliance_processor_error", "processing_group=\"case-views\"")).isZero();
            // the case's event is handled: once counted again, nothing is left before the head
            assertThat(value(lines, "compliance_processor_lag_events", "processing_group=\"case-views\"")).isZero();
            assertThat(value(lines, "compliance_dead_letters", "processing_group=\"case-views\"")).isZero();
        });
    }

    @Test
    void readiness_fails_while_a_processor_is_stopped_and_recovers_when_it_runs_again() throws Exception {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'axon' }.data.'overdue-evidence'", equalTo("running"));
        StreamingEventProcessor policy = axon.processor("overdue-evidence");
        try {
            policy.shutdownAsync().get(30, TimeUnit.SECONDS);

            given().when().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'axon' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'axon' }.data.'overdue-evidence'", equalTo("stopped"))
                    .body("checks.find { it.name == 'axon' }.data.'case-views'", equalTo("running"));
            assertThat(value(metrics(), "compliance_processor_running", "processing_group=\"overdue-evidence\""))
                    .isZero();
            // liveness is not readiness: a stopped processor is no reason to restart the process
            given().when().get("/q/health/live").then().statusCode(200);
        } finally {
            policy.start();
        }
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'axon' }.data.'overdue-evidence'", equalTo("running")));
        assertThat(value(metrics(), "compliance_processor_running", "processing_group=\"overdue-evidence\""))
                .isEqualTo(1);
    }

    private static List<String> metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString().lines().toList();
    }

    /** The value of the one series of {@code name} whose labels include every one given; fails when there is none. */
    private static double value(List<String> lines, String name, String... labels) {
        return lines.stream().filter(line -> line.startsWith(name + "{"))
                .filter(line -> List.of(labels).stream().allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no series " + name + " with " + List.of(labels)));
    }
}
