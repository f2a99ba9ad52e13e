package org.compliance.platform.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.compliance.api.shared.Addressed;
import org.compliance.platform.messaging.EventMetadata;

/**
 * Finds the aggregate a command is for through {@link Addressed} (so the published language needs no Axon
 * annotations) and the version the sender expects from the command's metadata. Axon refuses the command
 * with a version conflict when the aggregate has moved past that version.
 */
final class AddressedTargetResolver implements CommandTargetResolver {

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (!(command.getPayload() instanceof Addressed addressed)) {
            throw new IllegalArgumentException(command.getPayloadType().getName() + " does not say which aggregate "
                    + "it is for; it must implement " + Addressed.class.getName());
        }
        Object expected = command.getMetaData().get(EventMetadata.EXPECTED_VERSION);
        Long version = expected instanceof Number number ? number.longValue() : null;
        return new VersionedAggregateIdentifier(addressed.aggregateId(), version);
    }
}
