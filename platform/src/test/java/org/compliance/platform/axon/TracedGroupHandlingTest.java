package org.compliance.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.compliance.platform.messaging.TraceContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TracedGroupHandlingTest {

    record CaseOpened(String caseId) {
    }

    record SomethingElse() {
    }

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exported)).build();
    private final Tracer tracer = provider.get("test");

    /** What the group's handlers saw as the current span, event by event. */
    private final List<SpanContext> seen = new ArrayList<>();

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void an_event_is_handled_in_a_consumer_span_whose_parent_is_the_span_named_in_its_metadata() throws Exception {
        Span sender = tracer.spanBuilder("POST /cases").startSpan();
        Map<String, String> trace;
        try (Scope ignored = sender.makeCurrent()) {
            trace = TraceContext.current();
        } finally {
            sender.end();
        }

        handling(handlers(null)).handle(tracked(new CaseOpened("case-1"), trace, 42));

        SpanData span = spanNamed("handle CaseOpened");
        assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(span.getTraceId()).isEqualTo(sender.getSpanContext().getTraceId());
        assertThat(span.getParentSpanId()).isEqualTo(sender.getSpanContext().getSpanId());
        assertThat(span.getAttributes().get(AttributeKey.stringKey("axon.processing_group"))).isEqualTo("notifier");
        assertThat(span.getAttributes().get(AttributeKey.stringKey("axon.aggregate_id"))).isEqualTo("case-1");
        assertThat(span.getAttributes().get(AttributeKey.longKey("axon.global_position"))).isEqualTo(42L);
        assertThat(seen).as("the span current while the handlers ran").containsExactly(span.getSpanContext());
    }

    @Test
    void an_event_without_a_trace_starts_one_and_a_failure_is_recorded_and_rethrown() {
        IllegalStateException failure = new IllegalStateException("refused");

        assertThatThrownBy(() -> handling(handlers(failure)).handle(tracked(new CaseOpened("case-2"), Map.of(), 7)))
                .isSameAs(failure);

        SpanData span = spanNamed("handle CaseOpened");
        assertThat(span.getParentSpanContext().isValid()).isFalse();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span.getEvents()).extracting(event -> event.getName()).contains("exception");
    }

    @Test
    void an_event_the_group_does_not_handle_makes_no_span() throws Exception {
        handling(handlers(null)).handle(tracked(new SomethingElse(), Map.of(), 3));

        assertThat(exported.getFinishedSpanItems()).isEmpty();
        assertThat(seen).isEmpty();
    }

    @Test
    void a_replayed_event_starts_a_trace_of_its_own_linked_to_the_stored_one() throws Exception {
        Span sender = tracer.spanBuilder("POST /cases").startSpan();
        sender.end();
        TrackedEventMessage<?> stored = tracked(new CaseOpened("case-3"), TraceContext.of(
                io.opentelemetry.context.Context.root().with(sender)), 9);
        TrackedEventMessage<?> replayed = stored.withTrackingToken(ReplayToken.createReplayToken(
                new GlobalSequenceTrackingToken(100), stored.trackingToken()));

        handling(handlers(null)).handle(replayed);

        SpanData span = spanNamed("handle CaseOpened");
        assertThat(span.getTraceId()).isNotEqualTo(sender.getSpanContext().getTraceId());
        assertThat(span.getLinks()).extracting(link -> link.getSpanContext().getSpanId())
                .containsExactly(sender.getSpanContext().getSpanId());
    }

    private TracedGroupHandling handling(EventMessageHandler handlers) {
        return new TracedGroupHandling("notifier", handlers, tracer);
    }

    private SpanData spanNamed(String name) {
        return exported.getFinishedSpanItems().stream().filter(span -> span.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in " + exported.getFinishedSpanItems()));
    }

    private static TrackedEventMessage<?> tracked(Object payload, Map<String, String> trace, long position) {
        return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(position),
                new GenericDomainEventMessage<>("Case", payload instanceof CaseOpened opened ? opened.caseId() : "x",
                        0, payload, MetaData.from(trace)));
    }

    /** The group's handlers: they handle CaseOpened only, note the current span, and fail when told to. */
    private EventMessageHandler handlers(RuntimeException failure) {
        return new EventMessageHandler() {
            @Override
            public Object handle(EventMessage<?> event) {
                seen.add(Span.current().getSpanContext());
                if (failure != null) {
                    throw failure;
                }
                return null;
            }

            @Override
            public boolean canHandle(EventMessage<?> event) {
                return event.getPayload() instanceof CaseOpened;
            }

            @Override
            public boolean canHandleType(Class<?> payloadType) {
                return payloadType == CaseOpened.class;
            }

            @Override
            public Class<?> getTargetType() {
                return Object.class;
            }
        };
    }
}
