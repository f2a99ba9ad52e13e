package org.compliance.platform.axon;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Tells every listening instance that events were appended: {@code NOTIFY event_store_appended} on a connection of its
 * own, after the appending transaction has committed ({@link #appended()}), never inside it. PostgreSQL serializes the
 * commits of all transactions that notify, from the notification until their commit is flushed, so a notification
 * sent by the appending transaction itself (a trigger) made every append of every service wait for the one before it.
 * Here one thread sends, one notification at a time, with {@code synchronous_commit} off (a notification needs no
 * durability); appends that commit while one is being sent are announced together by the next, so under load there
 * are far fewer notifications than appends, and appends never wait for them. A lost connection is opened again at the
 * next announcement; what could not be announced is found by the listeners' poll.
 */
public final class AppendAnnouncer extends SessionThread {

    private static final Logger LOG = Logger.getLogger(AppendAnnouncer.class);

    private final AppendListener.Connector connector;
    private final Semaphore pending = new Semaphore(0);
    private final AtomicLong requested = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private Connection connection;

    public AppendAnnouncer(AppendListener.Connector connector) {
        super("event-store-append-announcer");
        this.connector = connector;
    }

    public AppendAnnouncer start() {
        startThread();
        return this;
    }

    /** A transaction that appended events has committed: the listeners are told soon, together with any others. */
    public void appended() {
        requested.incrementAndGet();
        if (pending.availablePermits() == 0) {
            pending.release();
        }
    }

    /** Commits announced since the start. */
    public long requested() {
        return requested.get();
    }

    /** Notifications sent since the start: at most one per announced commit, fewer under load. */
    public long sent() {
        return sent.get();
    }

    @Override
    void work() {
        Duration retry = FIRST_RETRY;
        while (!isClosed()) {
            try {
                pending.acquire();
                pending.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (isClosed()) {
                break;
            }
            try {
                notifyListeners();
                sent.incrementAndGet();
                retry = FIRST_RETRY;
            } catch (SQLException | RuntimeException e) {
                dropConnection();
                LOG.warnf("Appended events not announced (%s); listeners find them at their next poll. Trying again "
                        + "at the next append, not before %d ms", e.getMessage(), retry.toMillis());
                if (awaitClose(retry)) {
                    break;
                }
                retry = nextRetry(retry);
            }
        }
        dropConnection();
    }

    private void notifyListeners() throws SQLException {
        if (connection == null) {
            connection = connector.connect();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET synchronous_commit TO off");
            }
            connection.commit();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("NOTIFY " + AppendListener.CHANNEL);
        }
        connection.commit();
    }

    private void dropConnection() {
        Connection dropped = connection;
        connection = null;
        if (dropped != null) {
            try {
                dropped.close();
            } catch (SQLException | RuntimeException e) {
                LOG.debugf("Announcing connection not closed: %s", e.getMessage());
            }
        }
    }

    @Override
    void stopWaiting() {
        pending.release();
    }
}
