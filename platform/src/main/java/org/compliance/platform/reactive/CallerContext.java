package org.compliance.platform.reactive;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.Executor;

/**
 * Work done off the event loop (a blocking command, an HTTP call to another system) must hand its result
 * back to the request's Vert.x context, because the request's reactive Hibernate session may only be used
 * (and closed) there.
 */
public final class CallerContext {

    private CallerContext() {
    }

    /** An executor running on the current Vert.x context, or directly when there is none. */
    public static Executor current() {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Runnable::run;
        }
        return task -> context.runOnContext(ignored -> task.run());
    }
}
