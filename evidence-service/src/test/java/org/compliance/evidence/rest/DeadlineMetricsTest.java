package org.compliance.evidence.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.compliance.testing.RealPeers;
import org.junit.jupiter.api.Test;

/**
 * The deadline scheduler's table as operators see it on /q/metrics: deadlines waiting, overdue (due, yet picked by
 * no scheduler: here a task no scheduler of this service knows, which is how a scheduler that has fallen behind
 * looks from outside) with the age of the oldest, and executing.
 */
@QuarkusTest
@WithTestResource(RealPeers.class)
class DeadlineMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TASK = "metrics-test-" + UUID.randomUUID();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    @Test
    void waiting_overdue_and_executing_deadlines_are_counted() throws SQLException {
        try {
            // Beyond any offset the tests' movable clock may have reached.
            insert("waiting", Instant.now().plus(Duration.ofDays(3650)), false);
            insert("behind", Instant.now().minus(Duration.ofMinutes(10)), false);
            insert("running", Instant.now().minus(Duration.ofSeconds(1)), true);

            // Other tests' deadlines share the table and change state as the movable clock goes, so the metric is
            // compared with the rows as they are, not with a count read before: it is refreshed on a schedule.
            await().atMost(WAIT).untilAsserted(() -> {
                List<String> lines = metrics();
                Instant now = clock.instant();
                assertThat(value(lines, "compliance_deadlines", "state=\"scheduled\""))
                        .isEqualTo(rows("NOT picked AND execution_time > ?", now, TASK) + 1);
                assertThat(value(lines, "compliance_deadlines", "state=\"overdue\""))
                        .isEqualTo(rows("NOT picked AND execution_time <= ?", now, TASK) + 1);
                assertThat(value(lines, "compliance_deadlines", "state=\"executing\""))
                        .isEqualTo(rows("picked", now, TASK) + 1);
                assertThat(value(lines, "compliance_deadlines_oldest_overdue_seconds"))
                        .isGreaterThanOrEqualTo(Duration.ofMinutes(10).toSeconds());
            });
        } finally {
            delete();
        }
        await().atMost(WAIT).untilAsserted(() -> {
            List<String> lines = metrics();
            assertThat(value(lines, "compliance_deadlines", "state=\"scheduled\""))
                    .isEqualTo(rows("NOT picked AND execution_time > ?", clock.instant(), TASK));
            assertThat(value(lines, "compliance_deadlines_oldest_overdue_seconds"))
                    .isLessThan(Duration.ofMinutes(10).toSeconds());
        });
    }

    /** Rows of the table other than this test's that match {@code condition} at {@code now}. */
    private double rows(String condition, Instant now, String excludedTask) throws SQLException {
        try (var c = dataSource.getConnection(); var q = c.prepareStatement("SELECT count(*) FROM "
                + "evidence_service.scheduled_tasks WHERE task_name <> ? AND " + condition)) {
            q.setString(1, excludedTask);
            if (condition.contains("?")) {
                q.setObject(2, now.atOffset(ZoneOffset.UTC));
            }
            try (var result = q.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private void insert(String instance, Instant executionTime, boolean picked) throws SQLException {
        try (var c = dataSource.getConnection(); var q = c.prepareStatement("INSERT INTO evidence_service.scheduled_tasks "
                + "(task_name, task_instance, execution_time, picked, picked_by, last_heartbeat, version) "
                + "VALUES (?, ?, ?, ?, ?, ?, 1)")) {
            q.setString(1, TASK);
            q.setString(2, instance);
            q.setObject(3, executionTime.atOffset(ZoneOffset.UTC));
            q.setBoolean(4, picked);
            q.setString(5, picked ? "another-node" : null);
            q.setObject(6, picked ? Instant.now().atOffset(ZoneOffset.UTC) : null);
            q.executeUpdate();
        }
    }

    private void delete() throws SQLException {
        try (var c = dataSource.getConnection();
             var q = c.prepareStatement("DELETE FROM evidence_service.scheduled_tasks WHERE task_name = ?")) {
            q.setString(1, TASK);
            q.executeUpdate();
        }
    }

    private static List<String> metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString().lines().toList();
    }

    private static double value(List<String> lines, String name, String... labels) {
        return lines.stream().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> List.of(labels).stream().allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no series " + name + " with " + List.of(labels)));
    }
}
