package org.compliance.portal.backend;

/**
 * A service said no (its problem+json title and detail, and its status), or did not answer at all (502/503).
 * The portal shows it to the user as it is: the services' rules are the rules.
 */
public class ServiceProblem extends RuntimeException {

    private final int status;
    private final String title;

    public ServiceProblem(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
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
