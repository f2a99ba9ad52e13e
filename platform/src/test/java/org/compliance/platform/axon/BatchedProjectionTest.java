package org.compliance.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A projection folded per processor batch (decision 23), driven as Axon's pooled processor drives a group: a batching
 * unit of work over the batch's events, the group's handlers in {@link GroupHandlersInSavepoint}. Each row a batch
 * touches is written once, and ends as folding the events one at a time leaves it; a failure leaves nothing of the
 * batch, and the batch then goes one event at a time up to the failure (all of it when the writes failed).
 */
class BatchedProjectionTest {

    private static PGSimpleDataSource dataSource;

    private final AtomicBoolean failFolding = new AtomicBoolean();
    private final AtomicBoolean failWriting = new AtomicBoolean();
    private GroupHandlersInSavepoint group;
    private long position;

    @BeforeAll
    static void database() throws SQLException {
        String database = EventStoreDatabase.recreate("compliance_test_platform_batches");
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(EventStoreDatabase.url(database));
        dataSource.setUser("postgres");
        try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE tally (key text PRIMARY KEY, folded text NOT NULL, writes int NOT NULL)");
        }
    }

    @BeforeEach
    void projection() {
        group = new GroupHandlersInSavepoint(List.of(tally()), NoTransactionManager.INSTANCE);
    }

    @Test
    void a_batch_writes_each_row_once_and_leaves_what_folding_one_event_at_a_time_leaves() throws Exception {
        List<TrackedEventMessage<?>> batch = events("a", "b", "a", "a", "b", "a", "c");
        assertThat(handle(batch).isExceptional()).isFalse();

        assertThat(rows("a", "b", "c")).containsExactly(row("a", "a0 a2 a3 a5", 1), row("b", "b1 b4", 1),
                row("c", "c6", 1));

        // The same events, each on its own (no processor batch: a handler called directly), written at once.
        for (TrackedEventMessage<?> event : renamed(batch, "one-by-one-")) {
            group.handle(event);
        }
        assertThat(rows("one-by-one-a", "one-by-one-b", "one-by-one-c")).containsExactly(
                row("one-by-one-a", "a0 a2 a3 a5", 4), row("one-by-one-b", "b1 b4", 2), row("one-by-one-c", "c6", 1));
    }

    @Test
    void a_handler_failing_amid_a_batch_leaves_nothing_and_the_batch_goes_one_by_one_up_to_it() throws Exception {
        List<TrackedEventMessage<?>> batch = events("d", "e", "poison-f", "d", "e");
        failFolding.set(true);
        assertThat(handle(batch).isExceptional()).isTrue();
        assertThat(rows("d", "e", "poison-f")).as("nothing of the failed batch").isEmpty();

        // Again (the failure was passing): up to the failing event one by one, each written at once, then in a batch.
        assertThat(handle(batch).isExceptional()).isFalse();
        assertThat(rows("d", "e", "poison-f")).containsExactly(row("d", "d0 d3", 2), row("e", "e1 e4", 2),
                row("poison-f", "poison-f2", 1));
    }

    @Test
    void writes_failing_at_the_batchs_commit_leave_nothing_and_the_whole_batch_goes_one_by_one() throws Exception {
        List<TrackedEventMessage<?>> batch = events("g", "h", "g", "h", "g");
        failWriting.set(true);
        assertThat(handle(batch).isExceptional()).isTrue();
        assertThat(rows("g", "h")).isEmpty();

        assertThat(handle(batch).isExceptional()).isFalse();
        assertThat(rows("g", "h")).containsExactly(row("g", "g0 g2 g4", 3), row("h", "h1 h3", 2));

        // Past the failed batch, the next one is a batch again.
        assertThat(handle(events("g", "h", "g")).isExceptional()).isFalse();
        assertThat(rows("g", "h")).containsExactly(row("g", "g0 g2 g4 g5 g7", 4), row("h", "h1 h3 h6", 3));
    }

    /**
     * A rebuild empties a projection's tables and refills them. A statement the connection had prepared while they were
     * small keeps a generic plan made then (for an array of keys PostgreSQL assumes ten, so the generic plan looks
     * cheaper than one planned for a batch's thousand): a sequential scan, which each batch then ran over the whole
     * growing table. A batch's statements are planned for their own parameters.
     */
    @Test
    void a_batchs_statements_are_planned_for_its_own_keys_not_by_a_plan_cached_while_the_table_was_empty()
            throws Exception {
        try (Connection physical = dataSource.getConnection(); var statement = physical.createStatement()) {
            physical.setAutoCommit(false);
            String keys = IntStream.rangeClosed(1, 1000).mapToObj(i -> "k" + i)
                    .collect(Collectors.joining(",", "'{", "}'"));
            statement.execute("CREATE TABLE grown (key text PRIMARY KEY, payload text)");
            // rows as wide as a case's document, as a projection's are
            String fill = "INSERT INTO grown SELECT 'k' || n, repeat('p', 400) FROM generate_series(1, 200000) n";
            statement.execute(fill);
            statement.execute("ANALYZE grown");
            physical.commit();
            statement.execute("PREPARE touched(text[]) AS SELECT count(*) FROM grown WHERE key = ANY ($1)");
            for (int i = 0; i < 10; i++) {
                statement.execute("EXECUTE touched(" + keys + ")");
            }
            // a rebuild: emptied, read once while empty (the plan made again, for an empty table), filled again
            statement.execute("TRUNCATE grown");
            physical.commit();
            statement.execute("EXECUTE touched(" + keys + ")");
            statement.execute(fill);
            physical.commit();
            String explain = "EXPLAIN EXECUTE touched(" + keys + ")";
            assertThat(plan(physical, explain)).as("the trap: the plan cached while the table was empty")
                    .contains("Seq Scan");

            List<String> plans = new ArrayList<>();
            DataSource inTransaction = oneConnection(physical);
            BatchedProjection<BatchedProjection.Batch> projection = new BatchedProjection<>(inTransaction,
                    events -> connection -> plans.add(plan(connection, explain)));
            group = new GroupHandlersInSavepoint(List.of(new EachEvent(
                    event -> projection.fold((batch, connection) -> plans.add(plan(connection, explain))))),
                    NoTransactionManager.INSTANCE);
            assertThat(handle(events("grown-a", "grown-b")).isExceptional()).isFalse();

            assertThat(plans).as("folding each event, then writing the batch").hasSize(3)
                    .allSatisfy(plan -> assertThat(plan).contains("Index").doesNotContain("Seq Scan"));
            physical.commit();
            assertThat(plan(physical, explain)).as("only the batch's transaction").contains("Seq Scan");
            statement.execute("DROP TABLE grown");
            physical.commit();
        }
    }

    private static String plan(Connection connection, String explain) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (var statement = connection.createStatement(); var lines = statement.executeQuery(explain)) {
            while (lines.next()) {
                plan.append(lines.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    /** The one connection of a transaction, as a JTA datasource hands out the transaction's connection. */
    private static DataSource oneConnection(Connection physical) {
        Connection kept = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, arguments) -> method.getName().equals("close")
                        ? null : invoke(method, physical, arguments));
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("getConnection")) {
                        return kept;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Object invoke(Method method, Object target, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** As the pooled processor's work package does: one batching unit of work, every event through the group. */
    private ResultMessage<?> handle(List<TrackedEventMessage<?>> batch) {
        BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        return unitOfWork.executeWithResult(() -> group.handle(unitOfWork.getMessage()));
    }

    /** One event per key, each with the next global position; the payload names the key and its index. */
    private List<TrackedEventMessage<?>> events(String... keys) {
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        Map<String, Long> sequences = new HashMap<>();
        int start = (int) (position == 0 ? 0 : position);
        for (int i = 0; i < keys.length; i++) {
            long sequence = sequences.merge(keys[i], 1L, Long::sum) - 1;
            events.add(new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(++position),
                    new GenericDomainEventMessage<>("Tallied", keys[i], sequence, keys[i] + (start + i))));
        }
        return events;
    }

    private static List<TrackedEventMessage<?>> renamed(List<TrackedEventMessage<?>> events, String prefix) {
        List<TrackedEventMessage<?>> renamed = new ArrayList<>();
        for (TrackedEventMessage<?> event : events) {
            GenericTrackedDomainEventMessage<?> domain = (GenericTrackedDomainEventMessage<?>) event;
            renamed.add(new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(0),
                    new GenericDomainEventMessage<>("Tallied", prefix + domain.getAggregateIdentifier(),
                            domain.getSequenceNumber(), domain.getPayload())));
        }
        return renamed;
    }

    private static String row(String key, String folded, int writes) {
        return key + "|" + folded + "|" + writes;
    }

    private static List<String> rows(String... keys) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); var select = connection.prepareStatement(
                "SELECT key, folded, writes FROM tally WHERE key = ANY (?) ORDER BY key")) {
            select.setArray(1, connection.createArrayOf("text", keys));
            try (var result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(row(result.getString(1), result.getString(2), result.getInt(3)));
                }
            }
        }
        return rows;
    }

    /** A projection keeping, per key, its events' payloads in order and how often its row was written. */
    private EachEvent tally() {
        BatchedProjection<TallyBatch> rows = new BatchedProjection<>(dataSource, TallyBatch::new);
        return new EachEvent(event -> {
            String key = ((GenericTrackedDomainEventMessage<?>) event).getAggregateIdentifier();
            String payload = (String) event.getPayload();
            rows.fold((batch, connection) -> batch.fold(connection, key, payload));
        });
    }

    /** A handler doing what it is given with each event. */
    private record EachEvent(Handling handling) implements EventMessageHandler {

        interface Handling {
            void handle(EventMessage<?> event) throws Exception;
        }

        @Override
        public Object handle(EventMessage<?> event) throws Exception {
            handling.handle(event);
            return null;
        }

        @Override
        public boolean canHandle(EventMessage<?> event) {
            return true;
        }

        @Override
        public boolean canHandleType(Class<?> payloadType) {
            return true;
        }

        @Override
        public Class<?> getTargetType() {
            return EachEvent.class;
        }
    }

    private final class TallyBatch implements BatchedProjection.Batch {

        private final TouchedRows<String, String> touched;

        TallyBatch(List<? extends EventMessage<?>> events) {
            touched = new TouchedRows<>(BatchedProjectionTest::read, events.stream()
                    .map(e -> ((GenericTrackedDomainEventMessage<?>) e).getAggregateIdentifier()).toList());
        }

        void fold(Connection connection, String key, String payload) throws SQLException {
            if (key.startsWith("poison") && failFolding.getAndSet(false)) {
                throw new IllegalStateException("Cannot fold " + payload);
            }
            String folded = touched.get(connection, key);
            touched.put(key, folded == null ? payload : folded + " " + payload);
        }

        @Override
        public void write(Connection connection) throws SQLException {
            if (failWriting.getAndSet(false)) {
                throw new SQLException("Refused", "23514");
            }
            try (var upsert = connection.prepareStatement("INSERT INTO tally VALUES (?, ?, 1) ON CONFLICT (key)"
                    + " DO UPDATE SET folded = excluded.folded, writes = tally.writes + 1")) {
                for (Map.Entry<String, String> row : touched.changed().entrySet()) {
                    upsert.setString(1, row.getKey());
                    upsert.setString(2, row.getValue());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        }
    }

    private static Map<String, String> read(Connection connection, Set<String> keys) throws SQLException {
        Map<String, String> rows = new LinkedHashMap<>();
        try (var select = connection.prepareStatement("SELECT key, folded FROM tally WHERE key = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("text", keys.toArray()));
            try (var result = select.executeQuery()) {
                while (result.next()) {
                    rows.put(result.getString(1), result.getString(2));
                }
            }
        }
        return rows;
    }
}
