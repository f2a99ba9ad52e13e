package org.compliance.platform.reads;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
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
 * the checkpoints cover its chain. Two reads of one case at once race for the next sequence number: the loser reads the
 * new end and appends again. Blocking (JDBC): call it on a worker thread.
 */
@ApplicationScoped
public class ReadsOnRecord {

    /** The aggregate type of the reads' chains. */
    public static final String TYPE = "CaseReads";
    private static final Logger LOG = Logger.getLogger(ReadsOnRecord.class);
    private static final int ATTEMPTS = 10;

    private final EventStore store;
    private final Clock clock;

    public ReadsOnRecord(EventStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
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
        for (int attempt = 1; ; attempt++) {
            long next = store.lastSequenceNumberFor(aggregate).map(last -> last + 1).orElse(0L);
            try {
                DefaultUnitOfWork.startAndGet(null).execute(() -> store.publish(new GenericDomainEventMessage<>(TYPE,
                        aggregate, next, read, metaData(reader))));
                return;
            } catch (ConcurrencyException | EventStoreException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.debugf("Read of case %s raced another for position %d; appending again", caseId, next);
            }
        }
    }
}
