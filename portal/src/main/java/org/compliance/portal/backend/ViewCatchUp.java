package org.compliance.portal.backend;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Waits (at most a few seconds) until a service's view shows a change it accepted, so that the page shown next
 * already shows it. Views follow the events a moment later; a new case or request may not be in them yet (404).
 */
public final class ViewCatchUp {

    private static final Logger LOG = Logger.getLogger(ViewCatchUp.class);
    private static final Duration WITHIN = Duration.ofSeconds(5);

    private ViewCatchUp() {
    }

    public static void await(String what, BooleanSupplier caughtUp) {
        long giveUp = System.nanoTime() + WITHIN.toNanos();
        long pause = 20;
        while (System.nanoTime() < giveUp) {
            try {
                if (caughtUp.getAsBoolean()) {
                    return;
                }
            } catch (ServiceProblem e) {
                if (e.status() != 404) {
                    throw e;
                }
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pause = Math.min(pause * 2, 250);
        }
        LOG.debugf("The view of %s did not catch up within %s", what, WITHIN);
    }
}
