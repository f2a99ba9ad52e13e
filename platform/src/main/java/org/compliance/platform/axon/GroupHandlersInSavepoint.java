package org.compliance.platform.axon;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;

/**
 * The handlers of one processing group, run for one event all or nothing. In a processor's batch (decision 23) that
 * is the batch's own all or nothing: the projections' writes wait for the batch's commit, and a failure rolls the
 * whole batch back, after which the events up to the failing one are handled one by one. One by one, the handlers
 * run inside a savepoint: a dead letter is per event and group, so when one of them fails, none of the group's
 * writes for that event stay, and a retry of the letter runs them all again on a clean slate. Writes of other groups
 * and other events of the batch are untouched.
 */
final class GroupHandlersInSavepoint implements EventMessageHandler {

    private final List<EventMessageHandler> handlers;
    private final TransactionManager savepoints;
    /** Events at or before this position are handled one by one: a batch failed on them (decision 23). */
    private final AtomicLong oneByOneThrough = new AtomicLong(-1);

    GroupHandlersInSavepoint(List<EventMessageHandler> handlers, TransactionManager savepoints) {
        this.handlers = List.copyOf(handlers);
        this.savepoints = savepoints;
    }

    @Override
    public Object handle(EventMessage<?> event) throws Exception {
        if (!canHandle(event)) {
            return null;
        }
        ProcessingBatch batch = ProcessingBatch.enter(event, oneByOneThrough);
        if (batch != null && batch.deferring()) {
            try {
                for (EventMessageHandler handler : handlers) {
                    handler.handle(event);
                }
            } catch (Exception | Error e) {
                // An outage is retried as a batch: going one by one would not help it (decision 6's classification).
                if (!ParkingPolicy.isTransient(e)) {
                    batch.failedAt(event);
                }
                throw e;
            }
            return null;
        }
        Transaction savepoint = savepoints.startTransaction();
        try {
            for (EventMessageHandler handler : handlers) {
                handler.handle(event);
            }
            savepoint.commit();
        } catch (Exception | Error e) {
            savepoint.rollback();
            throw e;
        }
        return null;
    }

    @Override
    public boolean canHandle(EventMessage<?> event) {
        return handlers.stream().anyMatch(handler -> handler.canHandle(event));
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return handlers.stream().anyMatch(handler -> handler.canHandleType(payloadType));
    }

    @Override
    public Class<?> getTargetType() {
        return handlers.get(0).getTargetType();
    }

    @Override
    public void prepareReset() {
        prepareReset(null);
    }

    @Override
    public <R> void prepareReset(R resetContext) {
        // The replay starts again from the first position: what was handled one by one before does not apply to it.
        oneByOneThrough.set(-1);
        handlers.forEach(handler -> handler.prepareReset(resetContext));
    }

    @Override
    public boolean supportsReset() {
        return handlers.stream().anyMatch(EventMessageHandler::supportsReset);
    }
}
