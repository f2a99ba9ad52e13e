package org.compliance.portal.backend;

import java.util.List;

/**
 * A service said no (its problem+json title and detail, and its status), or did not answer at all (502/503).
 * The portal shows it to the user as it is: the services' rules are the rules.
 */
public class ServiceProblem extends RuntimeException {

    /** One field of the refused request and what is wrong with it, named as the service's API names it. */
    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String title;
    private final List<FieldError> errors;

    public ServiceProblem(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public ServiceProblem(int status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** The problem's field-level errors, in its order (none when it was not about fields). */
    public List<FieldError> errors() {
        return errors;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }
}
