package org.compliance.platform.axon;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * A projection's writes, folded per processor batch (docs/decisions/0023-projections-in-batches.md). A handler hands
 * each event to {@link #fold}; the projection's {@link Batch} folds it into the rows it keeps in memory (each read
 * once per batch, see {@link TouchedRows}) and writes every touched row once, when the batch's unit of work prepares
 * to commit, in the transaction that moves the processor's token. The same code serves live handling (a batch of a
 * few events) and rebuilds (batches of {@code compliance.axon.projection-batch-size}).
 * <p>
 * When the event is handled one by one (a batch handled again after a failure, a dead letter retried, a handler
 * called outside a processor), the batch holds that event only and is written at once, so a failure to write it is
 * the event's own, inside its savepoint, and parks it as decision 6 says.
 *
 * @param <B> what the projection keeps of a batch
 */
public final class BatchedProjection<B extends BatchedProjection.Batch> {

    /** What a projection keeps of one batch: the rows it touched, folded in memory, and how to write them. */
    public interface Batch {
        /** Writes every row the batch changed, once, on the processor's transaction's connection. */
        void write(Connection connection) throws SQLException;
    }

    /** Folds one event into the batch. */
    @FunctionalInterface
    public interface Folding<B> {
        void fold(B batch, Connection connection) throws Exception;
    }

    private final DataSource dataSource;
    private final Function<List<? extends EventMessage<?>>, B> create;

    /**
     * @param dataSource the JTA datasource: its connection is the processor transaction's
     * @param create     a new batch, given the events it is going to fold (the current one first), so that it can
     *                   read the rows they touch in one query
     */
    public BatchedProjection(DataSource dataSource, Function<List<? extends EventMessage<?>>, B> create) {
        this.dataSource = dataSource;
        this.create = create;
    }

    /** Folds the event being handled into this projection's batch; writes at once when it is handled one by one. */
    public void fold(Folding<B> folding) throws Exception {
        ProcessingBatch processorBatch = ProcessingBatch.inBatch();
        try (Connection connection = dataSource.getConnection()) {
            if (processorBatch == null) {
                planEachStatement(connection);
                B alone = create.apply(currentEvent());
                folding.fold(alone, connection);
                alone.write(connection);
                return;
            }
            B batch = processorBatch.pending(this, () -> begin(connection, processorBatch), this::write);
            folding.fold(batch, connection);
        }
    }

    private B begin(Connection connection, ProcessingBatch processorBatch) {
        try {
            planEachStatement(connection);
        } catch (SQLException e) {
            throw new BatchStatementFailed(e);
        }
        return create.apply(processorBatch.fromCurrentOn());
    }

    private void write(B batch) {
        try (Connection connection = dataSource.getConnection()) {
            batch.write(connection); // in the transaction whose statements begin() had planned each time
        } catch (SQLException e) {
            throw new BatchStatementFailed(e);
        }
    }

    /**
     * Plans every statement of the batch's transaction for its own parameters. A batch runs each of its statements once,
     * so a cached generic plan saves nothing, and it can cost everything: a rebuild empties the tables and refills them,
     * and a generic plan made while they were small (a sequential scan) was kept while they grew to a million rows, making
     * each batch's reads and deletes scan the whole table (a rebuild slowing down as it went: bench/README.md).
     */
    private static void planEachStatement(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        }
    }

    private static List<? extends EventMessage<?>> currentEvent() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().getMessage() instanceof EventMessage<?> event
                ? List.of(event) : List.of();
    }

    /** The reads or writes of a batch failed; the cause says why (a transient cause is retried as it is, decision 6). */
    static final class BatchStatementFailed extends RuntimeException {
        BatchStatementFailed(SQLException cause) {
            super("The batch's rows could not be read or written: " + cause.getMessage(), cause);
        }
    }
}
