package org.compliance.platform.axon;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.compliance.platform.messaging.TraceContext;

/**
 * A processing group's handling of one event, in a span of the trace the event carries in its metadata: "handle
 * &lt;Event&gt;", kind CONSUMER, with the group, the aggregate and the store position. It covers the first attempt
 * and the retry of a dead letter alike. An event replayed into a rebuilt read model starts a trace of its own,
 * linked to the event's: a rebuild is not part of the request that once stored the event.
 */
final class TracedGroupHandling implements EventMessageHandler {

    private final String group;
    private final EventMessageHandler handlers;
    private final Tracer tracer;

    TracedGroupHandling(String group, EventMessageHandler handlers, Tracer tracer) {
        this.group = group;
        this.handlers = handlers;
        this.tracer = tracer;
    }

    @Override
    public Object handle(EventMessage<?> event) throws Exception {
        if (!handlers.canHandle(event)) {
            return null;
        }
        Span span = span(event);
        try (Scope ignored = span.makeCurrent()) {
            return handlers.handle(event);
        } catch (Exception | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }

    private Span span(EventMessage<?> event) {
        Context stored = TraceContext.from(event.getMetaData());
        SpanBuilder span = tracer.spanBuilder("handle " + event.getPayloadType().getSimpleName())
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("axon.processing_group", group)
                .setAttribute("axon.event_id", event.getIdentifier());
        if (event instanceof DomainEventMessage<?> domain) {
            span.setAttribute("axon.aggregate_id", domain.getAggregateIdentifier())
                    .setAttribute("axon.aggregate_sequence", domain.getSequenceNumber());
        }
        boolean replay = false;
        if (event instanceof TrackedEventMessage<?> tracked) {
            tracked.trackingToken().position()
                    .ifPresent(position -> span.setAttribute("axon.global_position", position));
            replay = ReplayToken.isReplay(tracked);
        }
        if (replay) {
            span.setNoParent().addLink(Span.fromContext(stored).getSpanContext())
                    .setAttribute("axon.replay", true);
        } else {
            span.setParent(stored);
        }
        return span.startSpan();
    }

    @Override
    public boolean canHandle(EventMessage<?> event) {
        return handlers.canHandle(event);
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return handlers.canHandleType(payloadType);
    }

    @Override
    public Class<?> getTargetType() {
        return handlers.getTargetType();
    }

    @Override
    public void prepareReset() {
        handlers.prepareReset();
    }

    @Override
    public <R> void prepareReset(R resetContext) {
        handlers.prepareReset(resetContext);
    }

    @Override
    public boolean supportsReset() {
        return handlers.supportsReset();
    }
}
