package org.compliance.platform.axon;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.json.JacksonSerializer;
import org.compliance.platform.personaldata.PersonalDataIntrospector;

/**
 * The one serializer for events, snapshots, metadata and tokens. It owns its ObjectMapper: the REST
 * mapper may change with API needs, the stored form of an event must not.
 */
public final class EventSerialization {

    private EventSerialization() {
    }

    public static ObjectMapper storageObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(StoredInstants.module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // Events written by a newer version of the published language stay readable.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // Snapshots and sagas keep state in fields without getters.
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .build();
    }

    /**
     * The stored form of events and snapshots: {@link #storageObjectMapper()} with personal data sealed under its
     * subjects' keys (decision 29). Read models use the plain mapper: they keep text in clear and erase it on
     * {@code DataSubjectErased}.
     */
    public static ObjectMapper eventObjectMapper() {
        ObjectMapper mapper = storageObjectMapper();
        mapper.setAnnotationIntrospector(AnnotationIntrospector.pair(new PersonalDataIntrospector(),
                mapper.getSerializationConfig().getAnnotationIntrospector()));
        return mapper;
    }

    public static JacksonSerializer serializer() {
        return JacksonSerializer.builder().objectMapper(eventObjectMapper()).build();
    }
}
