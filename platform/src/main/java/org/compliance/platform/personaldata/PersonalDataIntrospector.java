package org.compliance.platform.personaldata;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.compliance.api.shared.PersonalData;

/**
 * Binds {@link PersonalData} to the stored form of events and snapshots: a text whose record names data subjects is
 * written as {@code {"sealed": {"subjects": [...], "nonce": ..., "ciphertext": ...}}} and read back as the text, or
 * as {@link PersonalData#ERASED} once a subject is erased; a text naming nobody, and every text stored before sealing
 * existed, stays a plain string. Only the event serializer's mapper has it: views and answers keep text in clear.
 */
public final class PersonalDataIntrospector extends NopAnnotationIntrospector {

    private static final String SEALED = "sealed";

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public Object findSerializer(Annotated annotated) {
        return annotated.hasAnnotation(PersonalData.class) && !texts(annotated) ? SealingSerializer.class : null;
    }

    @Override
    public Object findDeserializer(Annotated annotated) {
        return annotated.hasAnnotation(PersonalData.class) && !texts(annotated) ? OpeningDeserializer.class : null;
    }

    /** A list of texts is sealed item by item, each under the subjects its record names. */
    @Override
    public Object findContentSerializer(Annotated annotated) {
        return annotated.hasAnnotation(PersonalData.class) && texts(annotated) ? SealingSerializer.class : null;
    }

    @Override
    public Object findContentDeserializer(Annotated annotated) {
        return annotated.hasAnnotation(PersonalData.class) && texts(annotated) ? OpeningDeserializer.class : null;
    }

    private static boolean texts(Annotated annotated) {
        return Collection.class.isAssignableFrom(annotated.getRawType());
    }

    /** Every sealed text in a stored event's JSON, opened (or erased), for readers that take events as trees. */
    public static JsonNode openAll(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.size() == 1 && object.get(SEALED) instanceof ObjectNode sealed) {
                return TextNode.valueOf(Sealing.open(sealed(sealed)));
            }
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                field.setValue(openAll(field.getValue()));
            }
        } else if (node != null && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, openAll(node.get(i)));
            }
        }
        return node;
    }

    private static Sealing.Sealed sealed(JsonNode sealed) {
        List<String> subjects = new ArrayList<>();
        sealed.path("subjects").forEach(s -> subjects.add(s.asText()));
        return new Sealing.Sealed(subjects, sealed.path("nonce").asText(), sealed.path("ciphertext").asText());
    }

    /** Writes the text sealed under the subjects its record names, or plain when it names none. */
    public static final class SealingSerializer extends StdSerializer<String> implements ContextualSerializer {

        private static final Map<String, Method> ACCESSORS = new ConcurrentHashMap<>();
        private final String subjectsIn;

        public SealingSerializer() {
            this(null);
        }

        private SealingSerializer(String subjectsIn) {
            super(String.class);
            this.subjectsIn = subjectsIn;
        }

        @Override
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property) {
            PersonalData annotation = property == null ? null : property.getAnnotation(PersonalData.class);
            return annotation == null ? this : new SealingSerializer(annotation.subjectsIn());
        }

        @Override
        public void serialize(String text, JsonGenerator out, SerializerProvider provider) throws IOException {
            List<String> subjects = subjects(owner(out));
            if (subjects.isEmpty() || PersonalData.ERASED.equals(text)) {
                out.writeString(text);
                return;
            }
            Sealing.Sealed sealed = Sealing.seal(text, subjects);
            out.writeStartObject();
            out.writeObjectFieldStart(SEALED);
            out.writeArrayFieldStart("subjects");
            for (String subject : sealed.subjects()) {
                out.writeString(subject);
            }
            out.writeEndArray();
            out.writeStringField("nonce", sealed.nonce());
            out.writeStringField("ciphertext", sealed.ciphertext());
            out.writeEndObject();
            out.writeEndObject();
        }

        /** The record the text is a component of: for an item of a list, the record holding the list. */
        private static Object owner(JsonGenerator out) {
            JsonStreamContext context = out.getOutputContext();
            while (context != null && context.inArray()) {
                context = context.getParent();
            }
            return context == null ? null : context.getCurrentValue();
        }

        private List<String> subjects(Object owner) {
            if (owner == null || subjectsIn == null) {
                return List.of();
            }
            Method accessor = ACCESSORS.computeIfAbsent(owner.getClass().getName() + "#" + subjectsIn, key -> {
                try {
                    return owner.getClass().getMethod(subjectsIn);
                } catch (NoSuchMethodException e) {
                    throw new IllegalStateException(owner.getClass().getName() + " has no accessor " + subjectsIn
                            + " naming the data subjects of its personal data", e);
                }
            });
            try {
                Object subjects = accessor.invoke(owner);
                if (subjects instanceof String one) {
                    return List.of(one);
                }
                if (subjects instanceof Collection<?> many) {
                    return many.stream().map(String::valueOf).toList();
                }
                return List.of();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("The data subjects of " + owner.getClass().getName() + " cannot be read", e);
            }
        }
    }

    /** Reads a plain text as it is and a sealed one opened, or erased. */
    public static final class OpeningDeserializer extends StdDeserializer<String> {

        public OpeningDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser in, DeserializationContext context) throws IOException {
            if (in.currentToken() == JsonToken.START_OBJECT) {
                JsonNode node = in.readValueAsTree();
                return Sealing.open(sealed(node.path(SEALED)));
            }
            return in.getValueAsString();
        }
    }
}
