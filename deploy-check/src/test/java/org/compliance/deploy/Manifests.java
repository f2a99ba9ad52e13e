package org.compliance.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kubernetes objects one rendering of deploy/kubernetes yields. */
record Manifests(String source, List<JsonNode> documents) {

    List<JsonNode> ofKind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(d -> name.equals(name(d))).findFirst();
    }

    JsonNode one(String kind, String name) {
        Optional<JsonNode> found = find(kind, name);
        assertThat(found).as("%s %s in %s", kind, name, source).isPresent();
        return found.get();
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    /** A ConfigMap's data, by the name the manifests use (a generated one carries a hash suffix after rendering). */
    Map<String, String> configMapData(String name) {
        JsonNode map = ofKind("ConfigMap").stream()
                .filter(d -> name(d).equals(name) || name(d).startsWith(name + "-") && generatedFrom(d, name))
                .findFirst().orElseThrow(() -> new AssertionError("ConfigMap " + name + " in " + source));
        return Selectors.strings(map.path("data"));
    }

    private static boolean generatedFrom(JsonNode map, String name) {
        return name(map).substring(name.length() + 1).matches("[a-z0-9]{10}");
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    @Override
    public String toString() {
        return source;
    }
}
