package org.compliance.platform.axon;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;

/**
 * The service's event handler beans sorted into their processing groups, in the order the service lists them:
 * each bean's {@code @ProcessingGroup}, and whether the group is a projection ({@link Projection}). Each group gets
 * its own processor, token and dead-letter queue.
 */
record ProcessingGroups(Map<String, Group> groups) {

    /** One purpose: its handlers, in order, and whether a rebuild may reset it. */
    record Group(String name, boolean projection, List<Object> handlers) {
    }

    static ProcessingGroups of(List<Object> handlers) {
        Map<String, List<Object>> members = new LinkedHashMap<>();
        Map<String, Boolean> projection = new LinkedHashMap<>();
        for (Object handler : handlers) {
            // Beans come as CDI client proxies: the annotations are on a superclass.
            String group = annotated(handler.getClass(), ProcessingGroup.class)
                    .map(ProcessingGroup::value)
                    .orElseThrow(() -> new IllegalStateException("Event handler " + name(handler)
                            + " names no @ProcessingGroup: every handler belongs to a group of one purpose"));
            boolean isProjection = annotated(handler.getClass(), Projection.class).isPresent();
            Boolean before = projection.putIfAbsent(group, isProjection);
            if (before != null && before != isProjection) {
                throw new IllegalStateException("Processing group " + group + " mixes projections and handlers "
                        + "with effects (" + name(handler) + "): a rebuild could not reset it");
            }
            members.computeIfAbsent(group, k -> new ArrayList<>()).add(handler);
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        members.forEach((name, list) -> groups.put(name, new Group(name, projection.get(name), List.copyOf(list))));
        return new ProcessingGroups(Collections.unmodifiableMap(groups));
    }

    List<String> names() {
        return List.copyOf(groups.keySet());
    }

    List<String> projections() {
        return groups.values().stream().filter(Group::projection).map(Group::name).toList();
    }

    private static <A extends Annotation> Optional<A> annotated(Class<?> type, Class<A> annotation) {
        for (Class<?> t = type; t != null; t = t.getSuperclass()) {
            A found = t.getAnnotation(annotation);
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    private static String name(Object handler) {
        Class<?> type = handler.getClass();
        return type.getName().contains("_ClientProxy") ? type.getSuperclass().getName() : type.getName();
    }
}
