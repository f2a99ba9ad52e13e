package org.compliance.notifications.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Provider;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.compliance.api.notifications.requests.PublicEndpoint;
import org.compliance.notifications.domain.WebhookEndpointPolicy;

/**
 * Checks a webhook URL with the installation's {@link WebhookEndpointPolicy}. The policy is looked up at the
 * first check, not when the validator is made: the validator factory is built while the application starts,
 * before the runtime settings the policy is made from can be read.
 */
@ApplicationScoped
public class PublicEndpointValidator implements ConstraintValidator<PublicEndpoint, String> {

    private final Provider<WebhookEndpointPolicy> policy;

    public PublicEndpointValidator(Provider<WebhookEndpointPolicy> policy) {
        this.policy = policy;
    }

    @Override
    public boolean isValid(String url, ConstraintValidatorContext context) {
        if (url == null) {
            return true; // @NotBlank's to say
        }
        try {
            policy.get().registrable(url);
            return true;
        } catch (WebhookEndpointPolicy.Refused refused) {
            context.disableDefaultConstraintViolation();
            // The reason quotes addresses from the URL: escaped, so that nothing in it is read as a template.
            context.buildConstraintViolationWithTemplate(refused.getMessage().replaceAll("([\\\\{}$])", "\\\\$1"))
                    .addConstraintViolation();
            return false;
        }
    }
}
