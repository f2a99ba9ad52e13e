package org.compliance.platform.axon;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event handler bean as a projection: it only keeps read models, which can be emptied and rebuilt from
 * the event store. A rebuild of the read models resets the processing groups of projections, and only those;
 * a group without this mark (a policy sending commands, a notifier) has effects outside its tables, is never reset
 * and never sees an event twice. Every handler bean names its group with {@code @ProcessingGroup}; the handlers of
 * one group are all projections or none is (see docs/decisions/0008-processing-group-per-purpose.md).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Projection {
}
