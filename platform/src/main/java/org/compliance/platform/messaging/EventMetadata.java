package org.compliance.platform.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.compliance.platform.identity.Caller;

/**
 * The one event-metadata convention of the suite. Every command sent in an HTTP request carries the actor and
 * request keys ({@link CallerOnCommands}), and every message a message causes inherits them and is linked to its
 * cause and to the chain's first message ({@link #correlationDataProviders()}), so an auditor can tell who did
 * what, in which HTTP request, as part of which chain of messages. The key names are in stored events (audit-service
 * and bundles read them): never rename one.
 */
public final class EventMetadata {

    public static final String ACTOR_SUBJECT = "actorSubject";
    public static final String ACTOR_NAME = "actorName";
    public static final String ACTOR_ROLES = "actorRoles";
    public static final String ACTOR_ORGANISATIONS = "actorOrganisations";
    public static final String REQUEST_ID = "requestId";
    /** Id of the first message of the chain (the command a user sent). */
    public static final String CORRELATION_ID = "correlationId";
    /** Id of the message that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";

    /**
     * The trace the message belongs to, W3C Trace Context ({@link TraceContext}): the span current where the message
     * was made, when tracing is on; written and read by {@link TraceOnMessages} and the handlers' spans.
     */
    public static final String TRACEPARENT = TraceContext.TRACEPARENT;
    public static final String TRACESTATE = TraceContext.TRACESTATE;

    /** The aggregate version the sender last saw (HTTP If-Match); only on commands, never inherited. */
    public static final String EXPECTED_VERSION = "expectedVersion";

    private static final List<String> INHERITED = List.of(ACTOR_SUBJECT, ACTOR_NAME, ACTOR_ROLES, ACTOR_ORGANISATIONS,
            REQUEST_ID);

    private EventMetadata() {
    }

    /**
     * Axon's own providers, registered in the configuration: what a message's handling copies onto every message
     * it causes. Axon's {@link MessageOriginProvider} calls the direct cause its "correlation" and the chain's
     * first message its "trace": under our names, {@code causationId} and {@code correlationId}. The OpenTelemetry
     * trace goes on as {@code traceparent} ({@link TraceOnMessages}).
     */
    public static List<CorrelationDataProvider> correlationDataProviders() {
        return List.of(new MessageOriginProvider(CAUSATION_ID, CORRELATION_ID),
                new SimpleCorrelationDataProvider(INHERITED.toArray(String[]::new)),
                new TraceOnMessages());
    }

    /** The actor and request keys of a command sent by this caller in this HTTP request. */
    public static MetaData forCommand(Caller caller, String requestId) {
        Map<String, Object> values = new HashMap<>();
        values.put(ACTOR_SUBJECT, caller.subject());
        values.put(ACTOR_NAME, caller.name());
        values.put(ACTOR_ROLES, caller.roles().stream().sorted().toList());
        values.put(ACTOR_ORGANISATIONS, caller.organisations());
        values.put(REQUEST_ID, requestId);
        return MetaData.from(values);
    }
}
