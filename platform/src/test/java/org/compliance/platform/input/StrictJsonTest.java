package org.compliance.platform.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    enum Kind { ORGANISATION, PERSON }

    record Party(Kind kind) {
    }

    private final ObjectMapper json = StrictJson.apply(new ObjectMapper());

    @Test
    void an_enum_value_is_one_of_the_names_exactly() throws Exception {
        assertThat(json.readValue("{\"kind\":\"PERSON\"}", Party.class).kind()).isEqualTo(Kind.PERSON);
        for (String near : new String[] {"ORGANISATION\\u0000", " PERSON", "PERSON\\t", "PERSON\\n", "person", ""}) {
            assertThatThrownBy(() -> json.readValue("{\"kind\":\"" + near + "\"}", Party.class))
                    .as(near).isInstanceOf(InvalidFormatException.class);
        }
    }
}
