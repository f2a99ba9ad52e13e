package org.compliance.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.commandhandling.CommandExecutionException;
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
        var message = GenericCommandMessage.asCommandMessage(command)
                .andMetaData(EventMetadata.forCommand(caller.get(), request.requestId()));
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
