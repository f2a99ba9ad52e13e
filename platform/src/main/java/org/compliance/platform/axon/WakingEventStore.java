package org.compliance.platform.axon;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, with two things its JDBC streams lack. Its streams accept an availability callback,
 * called when new events are in the store's cache ({@link EventArrivals}): a caught-up pooled processor then handles
 * them at once, where it would otherwise look again only after a fixed 500 ms. And {@link #fetchNow()} has the
 * store read new events at once rather than at its next poll, for events appended by another process (the store
 * already does so after its own appends), which the {@link AppendListener} learns of from PostgreSQL. Its own appends,
 * once committed, it announces to every listener ({@link #announceAppendsWith}).
 */
public class WakingEventStore extends EmbeddedEventStore {

    private final EventArrivals arrivals;
    private volatile Runnable appended = () -> { };

    /** {@code builder}'s storage engine must be one {@link EventArrivals#announcedBy announced by} {@code arrivals}. */
    public WakingEventStore(EmbeddedEventStore.Builder builder, EventArrivals arrivals) {
        super(builder);
        this.arrivals = arrivals;
    }

    /** Who is told, after each commit that appended events through this store: an {@link AppendAnnouncer}. */
    public void announceAppendsWith(Runnable appended) {
        this.appended = appended;
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        if (!events.isEmpty()) {
            appended.run();
        }
    }

    /** Reads new events now, if the store's reader is waiting for its next poll; else it reads again when done. */
    public void fetchNow() {
        // The embedded store's own wake-up after a local commit; it reads the storage, whatever was committed.
        afterCommit(List.of());
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new Stream(super.openStream(trackingToken));
    }

    /** How many open streams are told of arrivals: none once every stream is closed. */
    int streamsTold() {
        return arrivals.listeners();
    }

    private final class Stream implements TrackingEventStream {

        private final TrackingEventStream events;
        private volatile Runnable callback;

        private Stream(TrackingEventStream events) {
            this.events = events;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = this.callback;
            if (previous != null) {
                arrivals.unregister(previous);
            }
            this.callback = callback;
            arrivals.register(callback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return events.peek();
        }

        @Override
        public boolean hasNextAvailable() {
            return events.hasNextAvailable();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return events.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return events.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            events.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                arrivals.unregister(registered);
            }
            events.close();
        }
    }
}
