package org.compliance.platform.axon;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.compliance.platform.messaging.TraceContext;

/**
 * Handles every command in a span, "handle &lt;Command&gt;", child of the span that sent it (from the command's
 * metadata): the events the aggregate applies are made inside it and so carry it as their parent.
 */
final class TracedCommandHandling implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final Tracer tracer;

    TracedCommandHandling(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        Span span = tracer.spanBuilder("handle " + command.getPayloadType().getSimpleName())
                .setParent(TraceContext.from(command.getMetaData()))
                .setSpanKind(SpanKind.INTERNAL)
                .setAttribute("axon.message_id", command.getIdentifier())
                .setAttribute("axon.command", command.getCommandName())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return chain.proceed();
        } catch (Exception | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }
}
