package org.compliance.platform.problem;

/** A change arrived without {@code If-Match}: the server cannot tell whether the sender saw the latest version. */
public class PreconditionRequired extends RuntimeException {

    public PreconditionRequired(String message) {
        super(message);
    }
}
