package org.compliance.platform.axon;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.jboss.logging.Logger;

/**
 * Tells the open event streams of one event store that events have arrived: each stream's availability callback (a
 * pooled processor's coordinator, which then runs at once instead of waiting) is called when the store's shared
 * read has put new events where the streams find them ({@link #announcedBy}).
 */
public final class EventArrivals {

    private static final Logger LOG = Logger.getLogger(EventArrivals.class);

    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();

    /** The storage engine whose tailing reads announce what they found here. */
    public EventStorageEngine announcedBy(EventStorageEngine engine) {
        return new ArrivalAnnouncingStorage(engine, this);
    }

    void register(Runnable callback) {
        callbacks.add(callback);
    }

    void unregister(Runnable callback) {
        callbacks.remove(callback);
    }

    void announce() {
        for (Runnable callback : callbacks) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                LOG.warnf(e, "An event stream's availability callback failed; its processor waits for its next poll");
            }
        }
    }

    /** How many open streams are told of arrivals. */
    int listeners() {
        return callbacks.size();
    }
}
