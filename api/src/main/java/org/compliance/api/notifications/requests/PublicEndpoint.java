package org.compliance.api.notifications.requests;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A webhook URL the suite may call; the message says why one may not. notification-service binds its validator
 * (the installation's endpoint policy), so that this module carries the rule without depending on the service.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {})
public @interface PublicEndpoint {

    String message() default "The endpoint cannot be called";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
