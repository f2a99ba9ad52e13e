package org.compliance.platform.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Names a field of a refused request both ways: as the API documents it ({@code respondents[0].name}) and as an
 * RFC 6901 pointer into the body ({@code /respondents/0/name}). Query, path and header parameters have a name
 * and no pointer.
 */
record JsonPaths(String name, String pointer) {

    /** The pointer of a field named as the API documents it: {@code team[1]} is {@code /team/1}. */
    static String pointerOf(String name) {
        StringBuilder pointer = new StringBuilder();
        for (String part : name.split("\\.")) {
            int bracket = part.indexOf('[');
            pointer.append('/').append(escape(bracket < 0 ? part : part.substring(0, bracket)));
            if (bracket >= 0) {
                for (String index : part.substring(bracket + 1, part.length() - 1).split("]\\[")) {
                    pointer.append('/').append(escape(index));
                }
            }
        }
        return pointer.toString();
    }

    static JsonPaths of(List<JsonMappingException.Reference> path) {
        StringBuilder name = new StringBuilder();
        StringBuilder pointer = new StringBuilder();
        for (var reference : path) {
            if (reference.getFieldName() != null) {
                String field = Bounded.text(reference.getFieldName());
                name.append(name.isEmpty() ? "" : ".").append(field);
                pointer.append('/').append(escape(field));
            } else if (reference.getIndex() >= 0) {
                name.append('[').append(reference.getIndex()).append(']');
                pointer.append('/').append(reference.getIndex());
            }
        }
        return new JsonPaths(name.toString(), pointer.toString());
    }

    /** From a Bean Validation path: method, parameter, then (for a body) its properties and indexes. */
    static JsonPaths of(Path path) {
        StringBuilder name = new StringBuilder();
        StringBuilder pointer = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getIndex() != null) {
                name.append('[').append(node.getIndex()).append(']');
                pointer.append('/').append(node.getIndex());
            } else if (node.getKey() != null) {
                name.append('[').append(node.getKey()).append(']');
                pointer.append('/').append(escape(String.valueOf(node.getKey())));
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                name.append(name.isEmpty() ? "" : ".").append(node.getName());
                pointer.append('/').append(escape(node.getName()));
            }
        }
        if (name.isEmpty()) {
            return new JsonPaths(parameter == null ? "" : parameter, null);
        }
        return new JsonPaths(name.toString(), pointer.toString());
    }

    /** What a client should have sent, in JSON's words. */
    static String kind(Class<?> type) {
        if (type == String.class || type.isEnum()) {
            return type.isEnum() ? "one of " + List.of(type.getEnumConstants()) : "a string";
        }
        if (type == Instant.class || type == LocalDate.class || type == java.util.UUID.class) {
            return "a string (" + type.getSimpleName() + ")";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == BigDecimal.class || type.isPrimitive()) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a value of another kind";
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
