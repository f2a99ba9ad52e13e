package org.compliance.platform.messaging;

import io.opentelemetry.api.trace.Span;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * Writes the trace into the metadata of every command and event, where the other services find it
 * ({@link TraceContext}). Two of Axon's hooks, one rule: the span current where a message is made is its parent.
 * <ul>
 * <li>as a dispatch interceptor on the command bus: a command sent from an HTTP request carries the request's span;
 * <li>as a correlation data provider: a message made while another is handled (an event applied by a command, a
 * command sent by a policy) carries the span of that handling, or, when none is current, its cause's trace.
 * </ul>
 * With tracing off no span is current, and only a trace that arrived with a cause is passed on.
 */
public final class TraceOnMessages implements CorrelationDataProvider,
        MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> cause) {
        Map<String, String> current = TraceContext.current();
        if (!current.isEmpty()) {
            return current;
        }
        return TraceContext.of(TraceContext.from(cause.getMetaData()));
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> Span.current().getSpanContext().isValid()
                ? command.andMetaData(TraceContext.current())
                : command;
    }
}
