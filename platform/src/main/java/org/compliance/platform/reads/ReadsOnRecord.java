package org.compliance.platform.reads;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.compliance.api.audit.CaseContentRead;
import org.compliance.platform.identity.Caller;
import org.compliance.platform.messaging.EventMetadata;
import org.compliance.platform.reactive.CallerContext;
import org.jboss.logging.Logger;

/**
 * Puts a read of a case's content on the record (issue 22 part 3): an event {@link CaseContentRead} of the case's reads
 * aggregate {@code reads-<caseId>}, appended to the event store, where the store's trigger chains it like any event and
 * the checkpoints cover its chain. Reads of one case take turns within an instance (a lock per case, striped), so many
 * people opening the same case at once append one after another instead of racing for its next sequence number; a
 * race with another instance is lost by one of them, which reads the new end and appends again after a short random
 * pause. Should it lose every time, the read is refused with 503 (nothing was shown), never 500. Blocking (JDBC): call it
 * on a worker thread.
 */
@ApplicationScoped
public class ReadsOnRecord {

    /** The aggregate type of the reads' chains. */
    public static final String TYPE = "CaseReads";
    private static final Logger LOG = Logger.getLogger(ReadsOnRecord.class);
    private static final int ATTEMPTS = 10;
    private static final int STRIPES = 64;

    private final Lock[] turns = new Lock[STRIPES];

    private final EventStore store;
    private final Clock clock;

    public ReadsOnRecord(EventStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        for (int i = 0; i < STRIPES; i++) {
            turns[i] = new ReentrantLock();
        }
    }

    /** The aggregate whose events are the reads of a case. */
    public static String readsOf(String caseId) {
        return "reads-" + caseId;
    }

    private static MetaData metaData(Caller reader) {
        return MetaData.with(EventMetadata.ACTOR_SUBJECT, reader.subject())
                .and(EventMetadata.ACTOR_NAME, reader.name())
                .and(EventMetadata.ACTOR_ROLES, reader.roles().stream().sorted().toList())
                .and(EventMetadata.ACTOR_ORGANISATIONS, reader.organisations());
    }

    /** For non-blocking endpoints: puts the read on the record on a worker thread, then goes on in the caller's context. */
    public Uni<Void> recordAside(String caseId, String what, String detail, Caller reader) {
        return Uni.createFrom().<Void>item(() -> {
                    record(caseId, what, detail, reader);
                    return null;
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(CallerContext.current());
    }

    public void record(String caseId, String what, String detail, Caller reader) {
        String aggregate = readsOf(caseId);
        CaseContentRead read = new CaseContentRead(caseId, what, detail, reader.subject(), reader.name(),
                clock.instant());
        Lock turn = turns[Math.floorMod(caseId.hashCode(), STRIPES)];
        turn.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                long next = store.lastSequenceNumberFor(aggregate).map(last -> last + 1).orElse(0L);
                try {
                    DefaultUnitOfWork.startAndGet(null).execute(() -> store.publish(new GenericDomainEventMessage<>(
                            TYPE, aggregate, next, read, metaData(reader))));
                    return;
                } catch (ConcurrencyException | EventStoreException e) {
                    if (attempt == ATTEMPTS) {
                        throw new NotRecorded(caseId, attempt, e);
                    }
                    LOG.debugf("Read of case %s raced another instance for position %d; appending again", caseId,
                            next);
                    pauseBeforeAttempt(attempt);
                }
            }
        } finally {
            turn.unlock();
        }
    }

    /** A few milliseconds, more with each attempt, at random: two instances that raced do not race again in step. */
    private static void pauseBeforeAttempt(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while putting a read on the record", e);
        }
    }

    /** The read could not be put on the record (other instances kept taking its place): it is not shown either. */
    public static final class NotRecorded extends RuntimeException {
        NotRecorded(String caseId, int attempts, RuntimeException cause) {
            super("The read of case " + caseId + " could not be put on the record after " + attempts
                    + " attempts: other reads of it kept taking its place", cause);
        }
    }
}
