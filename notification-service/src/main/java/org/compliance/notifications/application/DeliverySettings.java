package org.compliance.notifications.application;

import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import org.compliance.notifications.domain.RetrySchedule;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The retry schedule of e-mail and webhook deliveries, from configuration. */
public class DeliverySettings {

    @Produces
    @Singleton
    RetrySchedule retries(@ConfigProperty(name = "compliance.notifications.retry.first") Duration first,
                          @ConfigProperty(name = "compliance.notifications.retry.longest") Duration longest,
                          @ConfigProperty(name = "compliance.notifications.retry.max-attempts") int maxAttempts) {
        return new RetrySchedule(first, longest, maxAttempts);
    }
}
