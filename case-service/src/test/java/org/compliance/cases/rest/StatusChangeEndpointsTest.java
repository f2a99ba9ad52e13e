package org.compliance.cases.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.compliance.cases.domain.CaseAction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every transition's next step names a request that {@link CaseChangeResource} answers. */
class StatusChangeEndpointsTest {

    @ParameterizedTest
    @EnumSource(CaseAction.class)
    void each_transition_names_an_endpoint_of_the_case_changes(CaseAction action) {
        CaseChangeResource.StatusChange change = CaseChangeResource.statusChange(action);
        Set<String> endpoints = Arrays.stream(CaseChangeResource.class.getMethods())
                .filter(method -> method.isAnnotationPresent(Path.class))
                .map(method -> httpMethod(method) + " " + method.getAnnotation(Path.class).value())
                .collect(Collectors.toSet());
        assertThat(endpoints).contains(change.method() + " " + change.path());
    }

    private static String httpMethod(Method method) {
        return Arrays.stream(method.getAnnotations()).map(Annotation::annotationType)
                .filter(type -> type.isAnnotationPresent(HttpMethod.class))
                .map(type -> type.getAnnotation(HttpMethod.class).value()).findFirst().orElse("?");
    }
}
