package org.compliance.platform.messaging;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.compliance.platform.identity.CurrentCaller;
import org.compliance.platform.identity.RequestCorrelation;

/**
 * Adds the acting caller and the HTTP request id to every command dispatched while an HTTP request is being served
 * (registered on Axon's command bus). A command sent while handling a message (a policy reacting to an event) has
 * no request: it inherits these keys from its cause through {@link EventMetadata#correlationDataProviders()}.
 */
@ApplicationScoped
public class CallerOnCommands implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final CurrentCaller caller;
    private final RequestCorrelation request;

    public CallerOnCommands(CurrentCaller caller, RequestCorrelation request) {
        this.caller = caller;
        this.request = request;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> Arc.container().requestContext().isActive()
                ? command.andMetaData(EventMetadata.forCommand(caller.get(), request.requestId()))
                : command;
    }
}
