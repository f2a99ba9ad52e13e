package org.compliance.platform.domain;

/**
 * A business rule refused a command. Framework-free so that domain code can throw it; the REST layer
 * answers {@link Kind#CONFLICT} with 409 (the current state forbids it) and {@link Kind#UNPROCESSABLE}
 * with 422 (the request itself can never be satisfied).
 */
public class RuleViolation extends RuntimeException {

    public enum Kind { CONFLICT, UNPROCESSABLE }

    private final Kind kind;
    private final String field;

    public RuleViolation(Kind kind, String reason) {
        this(kind, reason, null);
    }

    private RuleViolation(Kind kind, String reason, String field) {
        super(reason);
        this.kind = kind;
        this.field = field;
    }

    public static RuleViolation conflict(String reason) {
        return new RuleViolation(Kind.CONFLICT, reason);
    }

    public static RuleViolation unprocessable(String reason) {
        return new RuleViolation(Kind.UNPROCESSABLE, reason);
    }

    /**
     * Refused because of one field of the request, named as the API documents it ({@code team[1]},
     * {@code allegations[0].conductFrom}), so that a form can show the reason beside that field.
     */
    public static RuleViolation unprocessable(String field, String reason) {
        return new RuleViolation(Kind.UNPROCESSABLE, reason, field);
    }

    /** The request's field this refusal is about, if it is about one. */
    public java.util.Optional<String> field() {
        return java.util.Optional.ofNullable(field);
    }

    public Kind kind() {
        return kind;
    }
}
