package org.compliance.platform.input;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.compliance.api.shared.SingleLine;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;

/**
 * Gives the api module's {@link SingleLine} its validator: the annotation is declared without one, so that the
 * request bodies in {@code api} carry it without depending on platform; every service validates it by
 * {@link Text}'s rules for one line (no tab or line break).
 */
@ApplicationScoped
public class NoLineBreaks implements ValidatorFactoryCustomizer {

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        var mapping = configuration.createConstraintMapping();
        mapping.constraintDefinition(SingleLine.class)
                .includeExistingValidators(false)
                .validatedBy(Validator.class);
        configuration.addMapping(mapping);
    }

    public static class Validator implements ConstraintValidator<SingleLine, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || Text.refusal(value, false).isEmpty();
        }
    }
}
