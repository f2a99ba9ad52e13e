package org.compliance.platform.domain;

/**
 * A business rule refused a command. Framework-free so that domain code can throw it; the REST layer
 * answers {@link Kind#CONFLICT} with 409 (the current state forbids it) and {@link Kind#UNPROCESSABLE}
 * with 422 (the request itself can never be satisfied).
 */
public class RuleViolation extends RuntimeException {

    public enum Kind { CONFLICT, UNPROCESSABLE }

    private final Kind kind;

    public RuleViolation(Kind kind, String reason) {
        super(reason);
        this.kind = kind;
    }

    public static RuleViolation conflict(String reason) {
        return new RuleViolation(Kind.CONFLICT, reason);
    }

    public static RuleViolation unprocessable(String reason) {
        return new RuleViolation(Kind.UNPROCESSABLE, reason);
    }

    public Kind kind() {
        return kind;
    }
}
