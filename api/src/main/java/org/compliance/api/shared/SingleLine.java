package org.compliance.api.shared;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field that holds one line: a title, a name, a reference. Tab and line breaks are refused there; every
 * other text rule applies to all fields already when the body is read. The validator is platform's
 * ({@code org.compliance.platform.input.NoLineBreaks}), bound where the services build their validator, so that
 * this module carries the rule without depending on platform (decision 10).
 */
@Documented
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
        ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface SingleLine {

    String message() default "must be a single line (no tab or line break)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
