package org.compliance.platform.input;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;

/**
 * Gives {@code @NotBlank} the meaning a reader of the page would give it: a value of zero-width spaces,
 * joiners, fillers or other invisible characters is blank, though {@link Character#isWhitespace} says
 * otherwise. Every {@code @NotBlank} of every service takes this meaning, so no field can be forgotten.
 */
@ApplicationScoped
public class VisiblyNotBlank implements ValidatorFactoryCustomizer {

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        var mapping = configuration.createConstraintMapping();
        mapping.constraintDefinition(NotBlank.class)
                .includeExistingValidators(false)
                .validatedBy(Validator.class);
        configuration.addMapping(mapping);
    }

    public static class Validator implements ConstraintValidator<NotBlank, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value != null && !Text.isVisiblyBlank(value);
        }
    }
}
