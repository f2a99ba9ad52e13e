package org.compliance.notifications.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.compliance.notifications.domain.WebhookEndpointPolicy;

@ApplicationScoped
public class PublicEndpointValidator implements ConstraintValidator<PublicEndpoint, String> {

    private final WebhookEndpointPolicy policy;

    public PublicEndpointValidator(WebhookEndpointPolicy policy) {
        this.policy = policy;
    }

    @Override
    public boolean isValid(String url, ConstraintValidatorContext context) {
        if (url == null) {
            return true; // @NotBlank's to say
        }
        try {
            policy.registrable(url);
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
