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
        var message = stamped(command);
        return Uni.createFrom().<R>item(() -> sendAndWait(message))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
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
