package org.compliance.system.fuzz;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.ToIntFunction;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * The fuzzer's seed and number of tries, from system properties so that one command line changes them:
 * {@code -Dfuzz.seed=random} or {@code -Dfuzz.seed=1234} (default: a fixed seed, the same run every time),
 * {@code -Dfuzz.tries-per-operation=N} (tries of a property: N for each operation it covers).
 */
public class FuzzSettings implements AroundPropertyHook {

    static final String DEFAULT_SEED = "20261201";
    static final int DEFAULT_TRIES_PER_OPERATION = 25;

    /** On a property: how many operations it covers, so that its tries scale with them. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Covers {
        /** A key for {@link #operations}. */
        String value();
    }

    /** How many operations each {@link Covers} key stands for; filled once the documents are read. */
    static volatile ToIntFunction<String> operations = key -> 1;

    static String seed() {
        String seed = System.getProperty("fuzz.seed", DEFAULT_SEED).strip();
        return seed.equalsIgnoreCase("random") ? String.valueOf(new java.security.SecureRandom().nextLong()) : seed;
    }

    static int triesPerOperation() {
        return Integer.parseInt(System.getProperty("fuzz.tries-per-operation",
                String.valueOf(DEFAULT_TRIES_PER_OPERATION)));
    }

    static boolean survey() {
        return "survey".equals(System.getProperty("fuzz.mode"));
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        context.attributes().setSeed(seed());
        context.attributes().setAfterFailure(AfterFailureMode.RANDOM_SEED);
        context.attributes().setEdgeCases(EdgeCasesMode.NONE);
        context.findAnnotation(Covers.class).ifPresent(covers ->
                context.attributes().setTries(triesPerOperation() * operations.applyAsInt(covers.value())));
        return property.execute();
    }

    @Override
    public PropagationMode propagateTo() {
        // registered on the test class, it must reach each property in it
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public int aroundPropertyProximity() {
        // outside jqwik's own hooks, so the attributes are set before they are read
        return -100;
    }
}
