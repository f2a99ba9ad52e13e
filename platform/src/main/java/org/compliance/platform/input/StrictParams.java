package org.compliance.platform.input;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Typed parameters read by {@link Params}: without this, {@code overdue=maybe} is read as {@code false}, and a
 * number too large for its type is a 404.
 */
@Provider
public class StrictParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (rawType.isPrimitive()) {
            return primitive(rawType, name, annotations);
        }
        if (rawType == Boolean.class) {
            return (ParamConverter<T>) converter(name, Params::bool);
        }
        if (rawType == Integer.class) {
            return (ParamConverter<T>) converter(name, (n, v) -> Math.toIntExact(
                    Params.wholeNumber(n, v, Integer.MIN_VALUE, Integer.MAX_VALUE)));
        }
        if (rawType == Long.class) {
            return (ParamConverter<T>) converter(name, (n, v) -> Params.wholeNumber(n, v, Long.MIN_VALUE,
                    Long.MAX_VALUE));
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(name, Params::uuid);
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) converter(name, Params::instant);
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) converter(name, Params::date);
        }
        if (rawType.isEnum()) {
            return (ParamConverter<T>) converter(name, (n, v) -> Params.oneOf(n, v, (Class) rawType));
        }
        return null;
    }

    /** A primitive parameter has no "absent": an empty value is refused like any other unreadable one. */
    @SuppressWarnings("unchecked")
    private <T> ParamConverter<T> primitive(Class<T> rawType, String name, Annotation[] annotations) {
        Class<?> boxedType = rawType == int.class ? Integer.class : rawType == long.class ? Long.class
                : rawType == boolean.class ? Boolean.class : Void.class;
        ParamConverter<?> boxed = getConverter(boxedType, boxedType, annotations);
        if (boxed == null) {
            return null;
        }
        return (ParamConverter<T>) converter(name, (n, v) -> {
            Object value = boxed.fromString(v);
            if (value == null) {
                throw new InvalidParameter(n, n + " must not be empty");
            }
            return value;
        });
    }

    private static <V> ParamConverter<V> converter(String name, BiFunction<String, String, V> read) {
        return new ParamConverter<>() {
            @Override
            public V fromString(String value) {
                return read.apply(name, value);
            }

            @Override
            public String toString(V value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static String nameOf(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam query) {
                    return query.value();
                }
                if (annotation instanceof PathParam path) {
                    return path.value();
                }
                if (annotation instanceof HeaderParam header) {
                    return header.value();
                }
                if (annotation instanceof FormParam form) {
                    return form.value();
                }
                if (annotation instanceof CookieParam cookie) {
                    return cookie.value();
                }
            }
        }
        return "parameter";
    }
}
