package org.compliance.platform.axon;

import java.util.List;

/**
 * What a service hands to Axon, listed explicitly: its event-sourced aggregates and the beans whose
 * {@code @EventHandler} methods run, each in the processor of its {@code @ProcessingGroup} (see {@link Projection}).
 * Each service has exactly one bean of this type, so a reader finds every Axon component of the service in one place.
 */
public interface ServiceComponents {

    List<Class<?>> aggregates();

    /** The event handler beans; within a processing group they handle each event in this order. */
    List<Object> eventHandlers();

    /** Objects that command, deadline and event handlers may take as parameters, by the type they ask for. */
    default java.util.Map<Class<?>, Object> resources() {
        return java.util.Map.of();
    }

    /**
     * The table (schema-qualified) of the service's durable deadline manager (db-scheduler), or empty when
     * the service schedules no deadlines.
     */
    default java.util.Optional<String> deadlineTable() {
        return java.util.Optional.empty();
    }
}
