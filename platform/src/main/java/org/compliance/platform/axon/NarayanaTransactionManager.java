package org.compliance.platform.axon;

import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Axon's transactions as JTA transactions of Quarkus' Narayana: events, tokens, projection rows and
 * deadlines written through the Agroal datasource commit or roll back together. Joins a transaction
 * that is already active on the thread instead of nesting.
 */
public final class NarayanaTransactionManager implements TransactionManager {

    private final jakarta.transaction.TransactionManager jta;

    public NarayanaTransactionManager(jakarta.transaction.TransactionManager jta) {
        this.jta = jta;
    }

    @Override
    public Transaction startTransaction() {
        try {
            if (jta.getStatus() != Status.STATUS_NO_TRANSACTION) {
                return new JoinedTransaction();
            }
            jta.begin();
            return new OwnTransaction();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start a JTA transaction", e);
        }
    }

    private final class OwnTransaction implements Transaction {
        @Override
        public void commit() {
            try {
                jta.commit();
            } catch (Exception e) {
                throw new IllegalStateException("JTA commit failed", e);
            }
        }

        @Override
        public void rollback() {
            try {
                if (jta.getStatus() != Status.STATUS_NO_TRANSACTION) {
                    jta.rollback();
                }
            } catch (SystemException e) {
                throw new IllegalStateException("JTA rollback failed", e);
            }
        }
    }

    /** The outer transaction's owner commits; a failure here only marks it for rollback. */
    private final class JoinedTransaction implements Transaction {
        @Override
        public void commit() {
        }

        @Override
        public void rollback() {
            try {
                jta.setRollbackOnly();
            } catch (SystemException e) {
                throw new IllegalStateException("Could not mark the JTA transaction rollback-only", e);
            }
        }
    }
}
