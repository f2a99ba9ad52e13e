package org.compliance.platform.axon;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Nested transactions as PostgreSQL savepoints on the connection of the JTA transaction already running, and
 * the outer manager's own transaction when none runs. A failed statement aborts a whole PostgreSQL transaction;
 * rolling back to the savepoint taken before a handler ran undoes the handler's writes and makes the
 * transaction usable again, so the processor can still park the event and commit the rest of its batch.
 * <p>
 * The savepoints are SQL statements rather than {@link Connection#rollback(java.sql.Savepoint)}: Agroal
 * refuses the JDBC rollback calls on a connection enlisted in a JTA transaction, but not the statements.
 */
public final class SavepointTransactionManager implements TransactionManager {

    private static final AtomicLong NAMES = new AtomicLong();

    private final DataSource dataSource;
    private final jakarta.transaction.TransactionManager jta;
    private final TransactionManager outer;

    public SavepointTransactionManager(DataSource dataSource, jakarta.transaction.TransactionManager jta,
                                       TransactionManager outer) {
        this.dataSource = dataSource;
        this.jta = jta;
        this.outer = outer;
    }

    @Override
    public Transaction startTransaction() {
        if (!inTransaction()) {
            return outer.startTransaction();
        }
        String savepoint = "handled_" + NAMES.incrementAndGet();
        execute("SAVEPOINT " + savepoint);
        return new Transaction() {
            @Override
            public void commit() {
                execute("RELEASE SAVEPOINT " + savepoint);
            }

            @Override
            public void rollback() {
                execute("ROLLBACK TO SAVEPOINT " + savepoint);
            }
        };
    }

    private boolean inTransaction() {
        try {
            return jta.getStatus() != jakarta.transaction.Status.STATUS_NO_TRANSACTION;
        } catch (jakarta.transaction.SystemException e) {
            throw new IllegalStateException("Could not read the JTA transaction's status", e);
        }
    }

    /** Agroal hands out the connection already enlisted in the thread's transaction: the handlers' connection. */
    private void execute(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }
}
