package org.compliance.notifications.rest;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import org.compliance.api.notifications.requests.PublicEndpoint;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;

/**
 * Gives the api module's {@link PublicEndpoint} its validator, {@link PublicEndpointValidator}: the annotation is
 * declared without one, so that {@code Registration} can live in {@code api}, which knows nothing of this service.
 */
@ApplicationScoped
public class PublicEndpointBinding implements ValidatorFactoryCustomizer {

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        var mapping = configuration.createConstraintMapping();
        mapping.constraintDefinition(PublicEndpoint.class)
                .includeExistingValidators(false)
                .validatedBy(PublicEndpointValidator.class);
        configuration.addMapping(mapping);
    }
}
