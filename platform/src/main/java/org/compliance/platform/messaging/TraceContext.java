package org.compliance.platform.messaging;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;

/**
 * The trace a message belongs to, as W3C Trace Context ({@code traceparent}, {@code tracestate}): written into the
 * metadata of commands and events (and into notification-service's outbox rows) so that a handler in another
 * service, or a sender running later, continues the trace of the HTTP request that started it all. Always W3C,
 * whatever propagators the HTTP layer uses: the keys are stored with events and read by every service.
 */
public final class TraceContext {

    /** W3C {@code traceparent}: version, trace id, parent span id, flags. */
    public static final String TRACEPARENT = "traceparent";
    /** W3C {@code tracestate}: vendors' entries; present only when the trace has some. */
    public static final String TRACESTATE = "tracestate";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Map<String, ?>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, ?> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, ?> carrier, String key) {
            return carrier != null && carrier.get(key) instanceof String value ? value : null;
        }
    };

    private TraceContext() {
    }

    /** The W3C entries of the span current on this thread; empty when none is (tracing off, or outside a trace). */
    public static Map<String, String> current() {
        return of(Context.current());
    }

    /** The W3C entries of a context's span; empty when it has no valid one. */
    public static Map<String, String> of(Context context) {
        Map<String, String> entries = new HashMap<>();
        W3C.inject(context, entries, (carrier, key, value) -> carrier.put(key, value));
        return entries;
    }

    /**
     * The remote span that metadata (or any map of W3C entries) names, as a parent for a span of one's own; the root
     * context when it names none or a malformed one.
     */
    public static Context from(Map<String, ?> entries) {
        return W3C.extract(Context.root(), entries, FROM_MAP);
    }
}
