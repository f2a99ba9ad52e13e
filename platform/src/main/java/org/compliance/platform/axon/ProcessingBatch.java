package org.compliance.platform.axon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.jboss.logging.Logger;

/**
 * One processor batch of one processing group, as its handlers see it (docs/decisions/0023-projections-in-batches.md):
 * a resource of the batch's unit of work, holding the writes its projections have deferred to the batch's commit,
 * and whether the event being handled is handled <em>in the batch</em> or <em>one by one</em>.
 * <ul>
 *   <li>In the batch (the usual case): a projection folds the event into rows it keeps in memory and writes each
 *   touched row once, when the batch's unit of work prepares to commit, in the transaction that moves the token. No
 *   savepoint is taken. Any failure, in a handler or in the writes, rolls the whole batch back (nothing is parked),
 *   and the group handles the events up to the failure one by one when the batch comes again.</li>
 *   <li>One by one: every write happens at once, inside the event's savepoint, so a failure is the event's own and
 *   is parked as decision 6 says. That is how a batch is handled again after a failure, how a dead letter is
 *   retried, and how a handler called outside a processor (a test) writes.</li>
 * </ul>
 */
final class ProcessingBatch {

    private static final Logger LOG = Logger.getLogger(ProcessingBatch.class);
    private static final String RESOURCE = ProcessingBatch.class.getName();

    private final BatchingUnitOfWork<?> unitOfWork;
    private final AtomicLong oneByOneThrough;
    private final Map<Object, BatchedProjection.Batch> pending = new LinkedHashMap<>();
    private final List<Runnable> writes = new ArrayList<>();
    private boolean oneByOne;
    private long lastPosition = -1;

    private ProcessingBatch(BatchingUnitOfWork<?> unitOfWork, AtomicLong oneByOneThrough) {
        this.unitOfWork = unitOfWork;
        this.oneByOneThrough = oneByOneThrough;
    }

    /**
     * The batch the current unit of work is handling {@code event} in, told whether the event is handled one by one
     * (its position at or before {@code oneByOneThrough}); none when the event is not handled in a processor's batch
     * (a dead letter retried, a handler called directly): then everything is one by one.
     */
    static ProcessingBatch enter(EventMessage<?> event, AtomicLong oneByOneThrough) {
        if (!CurrentUnitOfWork.isStarted()
                || !(CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> unitOfWork)
                || unitOfWork.resources().containsKey(DeadLetter.class.getName())) {
            return null;
        }
        ProcessingBatch batch = unitOfWork.getOrComputeResource(RESOURCE,
                key -> new ProcessingBatch(unitOfWork, oneByOneThrough));
        long position = position(event);
        batch.oneByOne = position >= 0 && position <= oneByOneThrough.get();
        batch.lastPosition = Math.max(batch.lastPosition, position);
        return batch;
    }

    /** The batch of the event being handled, when it is handled in a batch (not one by one); else none. */
    static ProcessingBatch inBatch() {
        if (!CurrentUnitOfWork.isStarted()
                || !(CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> unitOfWork)) {
            return null;
        }
        ProcessingBatch batch = unitOfWork.getResource(RESOURCE);
        return batch == null || batch.oneByOne ? null : batch;
    }

    /** Whether the event being handled is handled in this batch, its writes deferred to the batch's commit. */
    boolean deferring() {
        return !oneByOne;
    }

    /** Whether the event being handled in the current unit of work is handled in a batch, its writes deferred. */
    static boolean handlingInBatch() {
        return inBatch() != null;
    }

    /** A handler failed on the event, handled in the batch: the batch's events up to it go one by one next time. */
    void failedAt(EventMessage<?> event) {
        long position = position(event);
        oneByOneThrough.accumulateAndGet(position, Math::max);
        LOG.debugf("Batch failed at position %d; handled again one event at a time up to it", position);
    }

    /** The messages of the batch, the current one first, then those after it: what the batch is going to touch. */
    List<EventMessage<?>> fromCurrentOn() {
        List<EventMessage<?>> events = new ArrayList<>();
        boolean reached = false;
        for (Object message : unitOfWork.getMessages()) {
            reached |= message == unitOfWork.getMessage();
            if (reached && message instanceof EventMessage<?> event) {
                events.add(event);
            }
        }
        return events;
    }

    /** The batch of one projection in this processor batch, created at first use; written when the batch commits. */
    @SuppressWarnings("unchecked")
    <B extends BatchedProjection.Batch> B pending(Object projection, Supplier<B> create, Consumer<B> write) {
        B batch = (B) pending.get(projection);
        if (batch == null) {
            B created = create.get();
            pending.put(projection, created);
            if (writes.isEmpty()) {
                unitOfWork.onPrepareCommit(u -> writeAll());
            }
            writes.add(() -> write.accept(created));
            batch = created;
        }
        return batch;
    }

    private void writeAll() {
        try {
            writes.forEach(Runnable::run);
        } catch (RuntimeException | Error e) {
            // Which event the rows cannot take is not known here: the batch goes again one event at a time, each
            // written in its own savepoint, so that the event at fault is the one parked. An outage is retried as it
            // is: going one by one would not help it.
            if (!ParkingPolicy.isTransient(e)) {
                oneByOneThrough.accumulateAndGet(lastPosition, Math::max);
                LOG.infof("The writes of a batch failed (%s); its events, through position %d, are handled again one "
                        + "at a time", e, lastPosition);
            }
            throw e;
        }
    }

    static long position(EventMessage<?> event) {
        return event instanceof TrackedEventMessage<?> tracked
                ? tracked.trackingToken().position().orElse(-1) : -1;
    }
}
