package org.compliance.platform.messaging;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.compliance.platform.reactive.CallerContext;

/**
 * Sends a command on behalf of the current HTTP caller; Axon's command bus adds the caller and the request
 * ({@link CallerOnCommands}).
 */
@ApplicationScoped
public class Commands {

    private final CommandGateway gateway;

    public Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** Sends and waits for the outcome; a refusal surfaces as the exception the handler threw. */
    public <R> R send(Object command) {
        return sendAndWait(GenericCommandMessage.asCommandMessage(command));
    }

    /**
     * For non-blocking endpoints: runs the command (JDBC, JTA) on a worker thread, in the request's context (so
     * that the caller is known where it is dispatched). Non-blocking endpoints receive their body whole, which spares
     * the event loop the blocking-input hand-off a blocking endpoint pays for on every request.
     */
    public <R> Uni<R> dispatch(Object command) {
        return dispatchMessage(GenericCommandMessage.asCommandMessage(command));
    }

    /**
     * As {@link #dispatch(Object)}, for a change to an existing aggregate the sender saw at
     * {@code expectedVersion}: if it has changed since, the command fails with a version conflict (409).
     */
    public <R> Uni<R> dispatch(Object command, long expectedVersion) {
        return dispatchMessage(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(java.util.Map.of(EventMetadata.EXPECTED_VERSION, expectedVersion)));
    }

    private <R> Uni<R> dispatchMessage(CommandMessage<Object> message) {
        // The request's span, made current on the worker too: the command carries it (TraceOnMessages).
        Context trace = Context.current();
        return Uni.createFrom().<R>item(() -> {
                    try (Scope ignored = trace.makeCurrent()) {
                        return sendAndWait(message);
                    }
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(CallerContext.current());
    }

    private <R> R sendAndWait(CommandMessage<Object> message) {
        try {
            return gateway.sendAndWait(message);
        } catch (CommandExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
