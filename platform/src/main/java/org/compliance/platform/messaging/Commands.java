package org.compliance.platform.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.compliance.platform.identity.CurrentCaller;
import org.compliance.platform.identity.RequestCorrelation;
import org.compliance.platform.reactive.CallerContext;

/** Sends a command on behalf of the current HTTP caller, stamped with the suite's metadata. */
@ApplicationScoped
public class Commands {

    private final CommandGateway gateway;
    private final CurrentCaller caller;
    private final RequestCorrelation request;

    public Commands(CommandGateway gateway, CurrentCaller caller, RequestCorrelation request) {
        this.gateway = gateway;
        this.caller = caller;
        this.request = request;
    }

    /** Sends and waits for the outcome; a refusal surfaces as the exception the handler threw. */
    public <R> R send(Object command) {
        return sendAndWait(stamped(command));
    }

    /**
     * For non-blocking endpoints: stamps the command with the caller's metadata on the request's thread and
     * runs it (JDBC, JTA) on a worker thread. Non-blocking endpoints receive their body whole, which spares
     * the event loop the blocking-input hand-off a blocking endpoint pays for on every request.
     */
    public <R> Uni<R> dispatch(Object command) {
        return dispatchStamped(stamped(command));
    }

    /**
     * As {@link #dispatch(Object)}, for a change to an existing aggregate the sender saw at
     * {@code expectedVersion}: if it has changed since, the command fails with a version conflict (409).
     */
    public <R> Uni<R> dispatch(Object command, long expectedVersion) {
        return dispatchStamped(stamped(command).andMetaData(java.util.Map.of(EventMetadata.EXPECTED_VERSION,
                expectedVersion)));
    }

    private <R> Uni<R> dispatchStamped(CommandMessage<Object> message) {
        return Uni.createFrom().<R>item(() -> sendAndWait(message))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(CallerContext.current());
    }

    private CommandMessage<Object> stamped(Object command) {
        return GenericCommandMessage.asCommandMessage(command)
                .andMetaData(EventMetadata.forCommand(caller.get(), request.requestId()));
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
