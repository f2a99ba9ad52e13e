package org.compliance.audit.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.compliance.api.cases.LegalHoldPlaced;
import org.compliance.audit.verifier.Bundle;
import org.compliance.testing.RealPeers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several instances of audit-service take checkpoints as one: callers at the same moment (as two instances' schedules
 * can be) neither collide on a position nor take two checkpoints in one interval.
 */
@QuarkusTest
@WithTestResource(RealPeers.class)
@TestProfile(CheckpointsInClusterTest.ShortInterval.class)
class CheckpointsInClusterTest {

    private static final Duration EVERY = Duration.ofSeconds(2);

    /** A short interval, and no schedule of its own to interfere. */
    public static class ShortInterval implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("compliance.audit.checkpoint-every", "2s", "compliance.audit.checkpoint-poll", "1h");
        }
    }

    private static ExecutorService callers;

    @Inject
    Checkpoints checkpoints;
    @Inject
    EventStore eventStore;
    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void twoCallers() {
        callers = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void two_instances_asked_at_once_take_one_checkpoint_between_them() throws Exception {
        long before = count();
        newEvent();

        List<Bundle.SignedCheckpoint> taken = atOnce(checkpoints::take);

        assertThat(taken.get(0)).isEqualTo(taken.get(1));
        assertThat(count()).as("checkpoints stored").isEqualTo(before + 1);
    }

    @Test
    void a_checkpoint_is_taken_once_per_interval_whichever_instance_looks_first() throws Exception {
        newEvent();
        Bundle.SignedCheckpoint latest = checkpoints.take();
        newEvent();
        long before = count();

        assertThat(atOnce(checkpoints::takeIfDue)).as("within the interval").containsOnly(Optional.empty());
        assertThat(count()).isEqualTo(before);

        Instant due = Instant.parse(latest.createdAt()).plus(EVERY);
        await().atMost(Duration.ofSeconds(10)).until(() -> !Instant.now().isBefore(due));
        List<Optional<Bundle.SignedCheckpoint>> once = atOnce(checkpoints::takeIfDue);

        assertThat(once).filteredOn(Optional::isPresent).as("the instance that looked first").hasSize(1);
        assertThat(once).filteredOn(Optional::isEmpty).as("the other, finding it taken").hasSize(1);
        assertThat(count()).isEqualTo(before + 1);
        assertThat(checkpoints.latest().orElseThrow().position()).isGreaterThan(latest.position());
    }

    /** Both callers released at the same moment; what each answered. */
    private static <T> List<T> atOnce(Callable<T> call) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            futures.add(callers.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        List<T> answers = new ArrayList<>();
        for (Future<T> future : futures) {
            answers.add(future.get());
        }
        return answers;
    }

    private void newEvent() {
        String caseId = "case-" + UUID.randomUUID();
        eventStore.publish(new GenericDomainEventMessage<>("InvestigationCase", caseId, 0,
                new LegalHoldPlaced(caseId, "Checkpoint in a cluster")));
    }

    private long count() throws Exception {
        try (var connection = dataSource.getConnection();
             var rows = connection.createStatement().executeQuery("SELECT count(*) FROM audit_service.checkpoint")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
