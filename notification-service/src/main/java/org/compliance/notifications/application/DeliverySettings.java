package org.compliance.notifications.application;

import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Set;
import org.compliance.notifications.domain.RetrySchedule;
import org.compliance.notifications.domain.WebhookEndpointPolicy;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The retry schedule of e-mail and webhook deliveries, and which webhook endpoints may be called, from configuration. */
public class DeliverySettings {

    @Produces
    @Singleton
    RetrySchedule retries(@ConfigProperty(name = "compliance.notifications.retry.first") Duration first,
                          @ConfigProperty(name = "compliance.notifications.retry.longest") Duration longest,
                          @ConfigProperty(name = "compliance.notifications.retry.max-attempts") int maxAttempts) {
        return new RetrySchedule(first, longest, maxAttempts);
    }

    @Produces
    @Singleton
    WebhookEndpointPolicy webhookEndpoints(WebhookSettings settings) {
        return new WebhookEndpointPolicy(settings.plainHttpHosts().orElse(Set.of()),
                settings.privateHosts().orElse(Set.of()), InetAddress::getAllByName);
    }
}
