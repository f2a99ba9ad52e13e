package org.compliance.platform.axon;

import java.util.List;

/**
 * What a service hands to Axon, listed explicitly: its event-sourced aggregates and the beans whose
 * {@code @EventHandler} methods run in the service's streaming processor. Each service has exactly one
 * bean of this type, so a reader finds every Axon component of the service in one place.
 */
public interface ServiceComponents {

    List<Class<?>> aggregates();

    List<Object> eventHandlers();

    /** Objects that command and event handlers may take as parameters (by their class), e.g. configured policies. */
    default List<Object> resources() {
        return List.of();
    }
}
