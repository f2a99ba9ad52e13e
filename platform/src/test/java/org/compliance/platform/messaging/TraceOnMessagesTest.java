package org.compliance.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TraceOnMessagesTest {

    record CloseCase(String caseId) {
    }

    private final SdkTracerProvider provider = SdkTracerProvider.builder().build();
    private final Tracer tracer = provider.get("test");
    private final TraceOnMessages trace = new TraceOnMessages();

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void the_current_span_is_written_as_w3c_traceparent_and_read_back_as_a_remote_parent() {
        Span span = tracer.spanBuilder("POST /cases/{caseId}/closure").startSpan();
        Map<String, String> written;
        try (Scope ignored = span.makeCurrent()) {
            written = TraceContext.current();
        }
        SpanContext sent = span.getSpanContext();
        assertThat(written).containsOnlyKeys(TraceContext.TRACEPARENT)
                .containsEntry(TraceContext.TRACEPARENT, "00-" + sent.getTraceId() + "-" + sent.getSpanId() + "-01");

        SpanContext read = Span.fromContext(TraceContext.from(MetaData.from(written))).getSpanContext();
        assertThat(read.isRemote()).isTrue();
        assertThat(read.getTraceId()).isEqualTo(sent.getTraceId());
        assertThat(read.getSpanId()).isEqualTo(sent.getSpanId());
    }

    @Test
    void a_command_dispatched_inside_a_span_carries_it_and_one_dispatched_outside_any_is_left_alone() {
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage(new CloseCase("case-1"));
        Span span = tracer.spanBuilder("POST /cases/{caseId}/closure").startSpan();
        CommandMessage<?> inside;
        try (Scope ignored = span.makeCurrent()) {
            inside = trace.handle(List.of(command)).apply(0, command);
        }
        CommandMessage<?> outside = trace.handle(List.of(command)).apply(0, command);

        assertThat(inside.getMetaData()).containsEntry(TraceContext.TRACEPARENT, TraceContext.of(
                io.opentelemetry.context.Context.root().with(span)).get(TraceContext.TRACEPARENT));
        assertThat(outside.getMetaData()).doesNotContainKey(TraceContext.TRACEPARENT);
    }

    @Test
    void a_message_made_while_handling_carries_the_handling_span_or_else_its_causes_trace() {
        Span first = tracer.spanBuilder("POST /cases").startSpan();
        Map<String, String> causeTrace = TraceContext.of(io.opentelemetry.context.Context.root().with(first));
        var cause = GenericEventMessage.asEventMessage("CaseOpened").andMetaData(causeTrace);

        assertThat(trace.correlationDataFor(cause)).as("no span current: the cause's trace goes on")
                .isEqualTo(causeTrace);

        Span handling = tracer.spanBuilder("handle CaseOpened").startSpan();
        try (Scope ignored = handling.makeCurrent()) {
            assertThat((String) trace.correlationDataFor(cause).get(TraceContext.TRACEPARENT))
                    .contains(handling.getSpanContext().getSpanId());
        }
        assertThat(trace.correlationDataFor(GenericEventMessage.asEventMessage("untraced")))
                .as("neither a span nor a trace in the cause").isEmpty();
    }

    @Test
    void malformed_or_absent_trace_context_gives_no_parent() {
        assertThat(Span.fromContext(TraceContext.from(Map.of(TraceContext.TRACEPARENT, "00-zz-yy-01")))
                .getSpanContext().isValid()).isFalse();
        assertThat(Span.fromContext(TraceContext.from(Map.of(TraceContext.TRACEPARENT, 42))).getSpanContext()
                .isValid()).isFalse();
        assertThat(Span.fromContext(TraceContext.from(MetaData.emptyInstance())).getSpanContext().isValid())
                .isFalse();
    }
}
