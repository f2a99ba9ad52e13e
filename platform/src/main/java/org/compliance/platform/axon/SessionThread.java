package org.compliance.platform.axon;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A daemon thread that works on a PostgreSQL session of its own until closed, opening it again after a back-off when
 * it is lost (from 100 ms, doubling up to 10 s): what {@link AppendListener} and {@link AppendAnnouncer} share.
 */
abstract class SessionThread implements AutoCloseable {

    static final Duration FIRST_RETRY = Duration.ofMillis(100);
    static final Duration LAST_RETRY = Duration.ofSeconds(10);

    private final String name;
    private final CountDownLatch closed = new CountDownLatch(1);
    private Thread thread;

    SessionThread(String name) {
        this.name = name;
    }

    /** The thread's work, until {@link #isClosed()}. */
    abstract void work();

    /** Called once closing has begun, before the thread is waited for: what would keep it from seeing that. */
    void stopWaiting() {
    }

    final synchronized void startThread() {
        if (thread == null) {
            thread = Thread.ofPlatform().daemon().name(name).start(this::work);
        }
    }

    final boolean isClosed() {
        return closed.getCount() == 0;
    }

    /** Waits {@code wait}, or less when closed meanwhile: answers whether it was closed. */
    final boolean awaitClose(Duration wait) {
        try {
            return closed.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    static Duration nextRetry(Duration retry) {
        Duration doubled = retry.multipliedBy(2);
        return doubled.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : doubled;
    }

    @Override
    public void close() {
        closed.countDown();
        stopWaiting();
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null) {
            try {
                running.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
