package org.compliance.testing;

import org.compliance.platform.domain.RuleViolation;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matchers for the fixture and decider tests of every aggregate: which kind of rule refused a command. */
public final class RuleViolations {

    private RuleViolations() {
    }

    /** A {@link RuleViolation} the REST layer answers with 409: the aggregate as it stands forbids the command. */
    public static Matcher<RuleViolation> conflict() {
        return ofKind(RuleViolation.Kind.CONFLICT);
    }

    /** A {@link RuleViolation} the REST layer answers with 422: the command could never succeed. */
    public static Matcher<RuleViolation> unprocessable() {
        return ofKind(RuleViolation.Kind.UNPROCESSABLE);
    }

    public static Matcher<RuleViolation> ofKind(RuleViolation.Kind kind) {
        return new TypeSafeMatcher<>(RuleViolation.class) {
            @Override
            protected boolean matchesSafely(RuleViolation violation) {
                return violation.kind() == kind;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolation of kind ").appendValue(kind);
            }

            @Override
            protected void describeMismatchSafely(RuleViolation violation, Description mismatch) {
                mismatch.appendText("was of kind ").appendValue(violation.kind()).appendText(": ")
                        .appendValue(violation.getMessage());
            }
        };
    }
}
