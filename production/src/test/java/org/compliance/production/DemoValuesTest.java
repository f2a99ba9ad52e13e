package org.compliance.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DemoValuesTest {

    private final Path demoSecrets = Path.of(System.getProperty("compliance.root"), "infra", "local", "demo-secrets.env");

    @Test
    void every_value_the_demo_publishes_is_known_as_a_demo_value() throws IOException {
        Map<String, String> published = published();
        assertThat(published).containsKeys("RECEIPT_PRIVATE_KEY", "CHECKPOINT_PRIVATE_KEY", "PORTAL_CLIENT_SECRET");
        assertThat(DemoValues.heldBy(published)).isEqualTo(published.keySet());
    }

    @Test
    void a_value_of_ones_own_is_not_refused_nor_is_an_empty_one() {
        assertThat(DemoValues.isDemoValue(UUID.randomUUID().toString())).isFalse();
        assertThat(DemoValues.isDemoValue("")).isFalse();
        assertThat(DemoValues.isDemoValue(null)).isFalse();
    }

    @Test
    void names_the_settings_that_hold_demo_values_whatever_they_are_called() throws IOException {
        String demoKey = published().get("RECEIPT_PRIVATE_KEY");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("compliance.receipts.private-key", demoKey);
        settings.put("SOME_COPY_OF_IT", " " + demoKey + "\n");
        settings.put("quarkus.http.port", "8082");
        assertThat(DemoValues.heldBy(settings)).containsExactly("SOME_COPY_OF_IT", "compliance.receipts.private-key");
    }

    private Map<String, String> published() throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(demoSecrets)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return values;
    }
}
