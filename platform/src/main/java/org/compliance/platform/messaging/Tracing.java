package org.compliance.platform.messaging;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The tracer of the suite's own spans (handling commands and events, sending e-mails and webhooks). With tracing
 * off ({@code quarkus.otel.sdk.disabled}, the default) it makes no span of its own: Quarkus' SDK would still give
 * unexported spans valid ids, which would then be written into event metadata for a trace nobody records.
 */
@ApplicationScoped
public class Tracing {

    private final Tracer tracer;

    public Tracing(OpenTelemetry openTelemetry,
                   @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false") boolean disabled) {
        this.tracer = (disabled ? OpenTelemetry.noop() : openTelemetry).getTracer("org.compliance.platform");
    }

    public Tracer tracer() {
        return tracer;
    }
}
