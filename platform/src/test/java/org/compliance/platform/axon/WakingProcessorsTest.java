package org.compliance.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A caught-up pooled processor handles an event appended by another process at once, woken by PostgreSQL's
 * notification, though neither its store's poll nor its own coordinator would look again for {@link #LONG}; again
 * after the listening connection was killed; without notifications, at the store's next poll. The store tells its
 * streams of events once they can be taken (decision 22). Against the machine's PostgreSQL, with the event store's
 * migrations.
 */
class WakingProcessorsTest {

    /** The store's poll and the coordinator's own waits: far longer than any wait for an event below. */
    private static final Duration LONG = Duration.ofSeconds(60);
    /** What "at once" is given: a tenth of {@link #LONG}, so an event handled within it was not found by a poll. */
    private static final Duration PROMPTLY = Duration.ofSeconds(6);

    private static String database;

    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final Queue<String> handled = new ConcurrentLinkedQueue<>();
    private final List<Thread> storeThreads = new CopyOnWriteArrayList<>();
    /** The event each test appends before its processor starts (the tests share the database). */
    private final String warmUp = "before the start " + UUID.randomUUID();
    /** The store of "another process", once a test appends through it. */
    private WakingEventStore elsewhere;
    private AppendAnnouncer announcer;

    public record Filed(String reference) {
    }

    public class Recorder {
        @EventHandler
        public void on(Filed filed) {
            handled.add(filed.reference());
        }
    }

    @BeforeAll
    static void eventStore() {
        database = EventStoreDatabase.recreate("compliance_test_platform_arrivals");
    }

    @AfterEach
    void stop() throws Exception {
        while (!running.isEmpty()) {
            running.pop().close();
        }
    }

    @Test
    void anEventAppendedByAnotherProcessIsHandledAtOnceThroughTheNotification() {
        WakingEventStore store = store(LONG);
        AppendListener listener = listen(store);
        appendElsewhere(warmUp);
        PooledStreamingEventProcessor processor = processor(store);
        awaitRunning(processor);

        for (String reference : List.of("first", "second")) {
            awaitStorePolling();
            appendElsewhere(reference);
            await().atMost(PROMPTLY).until(() -> handled.contains(reference));
        }
        assertThat(listener.notifications()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void appendsCommittedTogetherAreAnnouncedAndAllHandledAtOnce() throws InterruptedException {
        WakingEventStore store = store(LONG);
        listen(store);
        appendElsewhere(warmUp);
        PooledStreamingEventProcessor processor = processor(store);
        awaitRunning(processor);
        awaitStorePolling();

        List<String> references = new CopyOnWriteArrayList<>();
        List<Thread> appenders = new java.util.ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int appender = t;
            appenders.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 25; i++) {
                    String reference = "appender " + appender + " event " + i;
                    appendElsewhere(reference);
                    references.add(reference);
                }
            }));
        }
        for (Thread appender : appenders) {
            appender.join();
        }

        await().atMost(PROMPTLY).until(() -> handled.containsAll(references));
        assertThat(announcer.requested()).isGreaterThanOrEqualTo(200);
        assertThat(announcer.sent()).isBetween(1L, announcer.requested());
    }

    @Test
    void theListenerListensAgainAfterItsConnectionWasKilledAndWakesTheProcessorAgain() throws SQLException {
        WakingEventStore store = store(LONG);
        AppendListener listener = listen(store);
        appendElsewhere(warmUp);
        PooledStreamingEventProcessor processor = processor(store);
        awaitRunning(processor);
        int killed = listener.backendPid().orElseThrow();

        try (var connection = EventStoreDatabase.connect(database);
             var statement = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
            statement.setInt(1, killed);
            statement.execute();
        }

        await().atMost(PROMPTLY).until(() -> listener.reconnections() == 1
                && listener.backendPid().isPresent() && listener.backendPid().getAsInt() != killed);
        awaitStorePolling();
        appendElsewhere("after reconnection");
        await().atMost(PROMPTLY).until(() -> handled.contains("after reconnection"));
    }

    @Test
    void withoutNotificationsTheStoresPollStillDeliversEvents() {
        WakingEventStore store = store(Duration.ofMillis(200));
        appendUnannounced(warmUp);
        PooledStreamingEventProcessor processor = processor(store);
        awaitRunning(processor);

        appendUnannounced("polled");

        await().atMost(PROMPTLY).until(() -> handled.contains("polled"));
    }

    @Test
    void aStreamIsToldOfEventsWhenTheyAreReadyForIt() throws InterruptedException {
        WakingEventStore store = store(Duration.ofMillis(200));
        AtomicInteger told = new AtomicInteger();
        try (TrackingEventStream stream = store.openStream(store.createHeadToken())) {
            assertThat(stream.setOnAvailableCallback(told::incrementAndGet)).isTrue();
            // Reading past the end makes the stream follow the store's own reads (and starts them).
            assertThat(stream.hasNextAvailable()).isFalse();
            awaitStorePolling();

            appendUnannounced("announced");

            await().atMost(PROMPTLY).until(() -> told.get() > 0);
            // Told only once the event can be taken without waiting: the woken processor finds it.
            assertThat(stream.hasNextAvailable()).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo(new Filed("announced"));
        }
        assertThat(store.streamsTold()).isZero();
    }

    /** The store this test's processor reads, as AxonRuntime builds it, polling every {@code poll}. */
    private WakingEventStore store(Duration poll) {
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, "test-event-store-" + storeThreads.size());
            thread.setDaemon(true);
            storeThreads.add(thread);
            return thread;
        };
        WakingEventStore store = AxonRuntime.eventStore(storage(), poll, threads);
        running.push(store::shutDown);
        return store;
    }

    private AppendListener listen(WakingEventStore store) {
        AppendListener listener = new AppendListener(() -> EventStoreDatabase.connect(database), store::fetchNow,
                Duration.ofSeconds(10)).start();
        running.push(listener);
        await().atMost(PROMPTLY).until(listener::listening);
        return listener;
    }

    private PooledStreamingEventProcessor processor(WakingEventStore store) {
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(2);
        running.push(workers::shutdownNow);
        running.push(coordinator::shutdownNow);
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name("arrivals")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(new Recorder()).build())
                .messageSource(store)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(1)
                // With an availability callback, the coordinator's own wait is the lesser of these two.
                .tokenClaimInterval(LONG.toMillis())
                .claimExtensionThreshold(LONG.toMillis())
                .build();
        processor.start();
        running.push(() -> processor.shutdownAsync().join());
        return processor;
    }

    /** Until the processor has handled an event appended before it started: it reads the store, and is at its head. */
    private void awaitRunning(PooledStreamingEventProcessor processor) {
        await().atMost(Duration.ofSeconds(10)).until(() -> handled.contains(warmUp));
    }

    /**
     * Until every thread of the store waits out its timer (the reader its poll interval, the cleaner its delay), so
     * that no read of the store is under way or about to start when an event is appended.
     */
    private void awaitStorePolling() {
        await().atMost(PROMPTLY).until(() -> !storeThreads.isEmpty() && storeThreads.stream()
                .allMatch(thread -> thread.getState() == Thread.State.TIMED_WAITING));
    }

    /**
     * Appends as another process would: through a store, a storage engine and connections of its own, announcing its
     * commit as every service's store does.
     */
    private void appendElsewhere(String reference) {
        if (elsewhere == null) {
            announcer = new AppendAnnouncer(() -> EventStoreDatabase.connect(database)).start();
            running.addLast(announcer);
            elsewhere = AxonRuntime.eventStore(storage(), LONG, Thread.ofPlatform().daemon().factory());
            elsewhere.announceAppendsWith(announcer::appended);
            running.addLast(elsewhere::shutDown);
        }
        elsewhere.publish(new GenericDomainEventMessage<>("Case", UUID.randomUUID().toString(), 0,
                new Filed(reference)));
    }

    /** Appends without announcing, as a process outside the suite writing the table would. */
    private static void appendUnannounced(String reference) {
        storage().appendEvents(new GenericDomainEventMessage<>("Case", UUID.randomUUID().toString(), 0,
                new Filed(reference)));
    }

    /** The event store's storage as AxonRuntime builds it, on connections of its own. */
    private static EventStorageEngine storage() {
        PGSimpleDataSource connections = new PGSimpleDataSource();
        connections.setUrl(EventStoreDatabase.url(database));
        connections.setUser("postgres");
        return AxonRuntime.storageEngine(new DataSourceConnectionProvider(connections),
                EventSerialization.serializer(), NoTransactionManager.INSTANCE, "event_store", Duration.ofSeconds(60), 1000);
    }
}
