package org.compliance.notifications.rest;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A webhook URL the suite may call (see {@code WebhookEndpointPolicy}); the message says why one may not. */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PublicEndpointValidator.class)
public @interface PublicEndpoint {

    String message() default "The endpoint cannot be called";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
