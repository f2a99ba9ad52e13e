package org.compliance.platform.axon;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on its own PostgreSQL connection for the notification every instance's {@link AppendAnnouncer} sends after a
 * transaction appending events has committed, whichever process appended them, and has the event store read them at
 * once ({@code onAppend}). Polling goes on beside it: a lost notification, or
 * a lost connection, only delays events until the next poll. A lost connection is opened again, after a back-off
 * from 100 ms doubling up to 10 s, and the store reads at once on every (re)connection, for what was appended
 * meanwhile. Every instance of every service listens on its own connection: PostgreSQL sends each notification to
 * every listener.
 */
public final class AppendListener extends SessionThread {

    /** The channel the event store's trigger notifies. */
    public static final String CHANNEL = "event_store_appended";

    private static final Logger LOG = Logger.getLogger(AppendListener.class);

    /** Opens a connection of the listener's own, never one of a pool: it is held for as long as it listens. */
    @FunctionalInterface
    public interface Connector {
        Connection connect() throws SQLException;
    }

    private final Connector connector;
    private final Runnable onAppend;
    private final Duration checkInterval;
    private final AtomicLong notifications = new AtomicLong();
    private final AtomicLong reconnections = new AtomicLong();
    private volatile Connection connection;
    private volatile int backendPid = -1;

    /**
     * @param checkInterval how long the listener waits for a notification before it checks that its connection still
     *                      works (a connection dropped without a word from the network would otherwise look quiet)
     */
    public AppendListener(Connector connector, Runnable onAppend, Duration checkInterval) {
        super("event-store-append-listener");
        this.connector = connector;
        this.onAppend = onAppend;
        this.checkInterval = checkInterval;
    }

    public AppendListener start() {
        startThread();
        return this;
    }

    /** Whether it is listening now. */
    public boolean listening() {
        return backendPid != -1;
    }

    /** The PostgreSQL backend process of its connection while it listens (what {@code pg_stat_activity} shows). */
    public OptionalInt backendPid() {
        int pid = backendPid;
        return pid == -1 ? OptionalInt.empty() : OptionalInt.of(pid);
    }

    /** Notifications received since the start (each stands for one or more committed transactions). */
    public long notifications() {
        return notifications.get();
    }

    /** How often its connection was lost and opened again. */
    public long reconnections() {
        return reconnections.get();
    }

    @Override
    void work() {
        Duration retry = FIRST_RETRY;
        boolean lost = false;
        while (!isClosed()) {
            try (Connection listening = connector.connect()) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection postgres = listening.unwrap(PGConnection.class);
                backendPid = postgres.getBackendPID();
                if (lost) {
                    reconnections.incrementAndGet();
                    LOG.infof("Listening again for appended events (channel %s, backend %d)", CHANNEL, backendPid);
                } else {
                    LOG.infof("Listening for appended events (channel %s, backend %d)", CHANNEL, backendPid);
                }
                retry = FIRST_RETRY;
                lost = false;
                onAppend.run();
                awaitNotifications(listening, postgres);
            } catch (SQLException | RuntimeException e) {
                backendPid = -1;
                connection = null;
                if (isClosed()) {
                    return;
                }
                lost = true;
                LOG.warnf("Not listening for appended events (%s); processors see them at the next poll. "
                        + "Listening again in %d ms", e.getMessage(), retry.toMillis());
                if (awaitClose(retry)) {
                    return;
                }
                retry = nextRetry(retry);
            }
        }
    }

    private void awaitNotifications(Connection listening, PGConnection postgres) throws SQLException {
        int waitMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, checkInterval.toMillis()));
        while (!isClosed()) {
            PGNotification[] received = postgres.getNotifications(waitMillis);
            if (received != null && received.length > 0) {
                notifications.addAndGet(received.length);
                onAppend.run();
            } else if (!isClosed() && !listening.isValid((int) Math.max(1, checkInterval.toSeconds()))) {
                throw new SQLException("the listening connection no longer answers");
            }
        }
    }

    /** Stops listening: the connection is dropped at once, without waiting for a notification. */
    @Override
    void stopWaiting() {
        Connection listening = connection;
        if (listening != null) {
            try {
                listening.abort(Runnable::run);
            } catch (SQLException | RuntimeException e) {
                LOG.debugf("Listening connection not aborted: %s", e.getMessage());
            }
        }
    }
}
