package org.compliance.platform.axon;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * A storage engine that announces the events its blocking reads find. Only the embedded event store's producer reads
 * with {@code mayBlock} (the processors' own catch-up reads do not): it puts the events it reads into the cache that
 * the processors' tailing streams take theirs from. The announcement is made once such a read has run dry after
 * finding events, when every event it found is in that cache, so the processor woken by it finds them there.
 */
final class ArrivalAnnouncingStorage implements EventStorageEngine {

    private final EventStorageEngine engine;
    private final EventArrivals arrivals;

    ArrivalAnnouncingStorage(EventStorageEngine engine, EventArrivals arrivals) {
        this.engine = engine;
        this.arrivals = arrivals;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(trackingToken, mayBlock);
        if (!mayBlock) {
            return events;
        }
        return StreamSupport.stream(new Announcing<>(events.spliterator(), arrivals), false).onClose(events::close);
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        engine.appendEvents(events);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        engine.storeSnapshot(snapshot);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return engine.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        return engine.readEvents(aggregateIdentifier);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return engine.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return engine.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return engine.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return engine.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return engine.createTokenAt(dateTime);
    }

    /** Passes the events on, and announces once it has run dry after passing some. */
    private static final class Announcing<T> implements Spliterator<T> {

        private final Spliterator<T> events;
        private final EventArrivals arrivals;
        private boolean found;

        private Announcing(Spliterator<T> events, EventArrivals arrivals) {
            this.events = events;
            this.arrivals = arrivals;
        }

        @Override
        public boolean tryAdvance(Consumer<? super T> action) {
            if (events.tryAdvance(action)) {
                found = true;
                return true;
            }
            announceIfFound();
            return false;
        }

        @Override
        public void forEachRemaining(Consumer<? super T> action) {
            events.forEachRemaining(event -> {
                found = true;
                action.accept(event);
            });
            announceIfFound();
        }

        private void announceIfFound() {
            if (found) {
                found = false;
                arrivals.announce();
            }
        }

        @Override
        public Spliterator<T> trySplit() {
            return null;
        }

        @Override
        public long estimateSize() {
            return events.estimateSize();
        }

        @Override
        public int characteristics() {
            return events.characteristics() & ~(SIZED | SUBSIZED);
        }
    }
}
