package org.compliance.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Label selectors as the manifests write them: matchLabels only, so that every check reads them exactly. */
final class Selectors {

    private Selectors() {
    }

    /** Whether a selector ({@code {}} or {@code {matchLabels: ...}}) selects an object with these labels. */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        assertThat(selector.has("matchExpressions")).as("selectors use matchLabels only: %s", selector).isFalse();
        return labels.entrySet().containsAll(strings(selector.path("matchLabels")).entrySet());
    }

    static Map<String, String> strings(JsonNode object) {
        Map<String, String> result = new LinkedHashMap<>();
        object.properties().forEach(e -> result.put(e.getKey(), e.getValue().asText()));
        return result;
    }

    static Map<String, String> podLabels(JsonNode deployment) {
        return strings(deployment.path("spec").path("template").path("metadata").path("labels"));
    }
}
