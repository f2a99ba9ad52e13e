package org.compliance.portal.web;

import java.util.List;
import org.compliance.portal.backend.ServiceProblem;

/**
 * The portal itself could not turn a form into a service's request (a name that matches no organisation or member
 * of staff): a 422 whose errors name the fields as the service's API does, shown like a service's own refusal.
 */
public class FormRefused extends RuntimeException {

    private final List<ServiceProblem.FieldError> errors;

    public FormRefused(String detail, List<ServiceProblem.FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    /** Refuses the form when reading it found any error, all of them at once. */
    static void ifAny(List<ServiceProblem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new FormRefused("Some of the form's fields need another look.", errors);
        }
    }

    public List<ServiceProblem.FieldError> errors() {
        return errors;
    }
}
