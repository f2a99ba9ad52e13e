package org.compliance.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders a kustomization. The base is rendered here, in Java, from the parts of Kustomize it uses (resources, a
 * ConfigMap generator, common labels), so the checks run on any machine; where {@code kubectl} is installed, its
 * own Kustomize renders the base and the overlays too.
 */
final class Kustomization {

    /** What {@link #render} understands; a base using more must be rendered by Kustomize itself. */
    private static final Set<String> UNDERSTOOD = Set.of("apiVersion", "kind", "resources", "configMapGenerator",
            "generatorOptions", "labels");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Kustomization() {
    }

    static Manifests render(Path directory) {
        return new Manifests(directory + " (rendered by the test)", documents(directory));
    }

    private static List<JsonNode> documents(Path directory) {
        JsonNode kustomization = read(directory.resolve("kustomization.yaml")).getFirst();
        kustomization.fieldNames().forEachRemaining(field -> assertThat(UNDERSTOOD)
                .as("%s uses %s, which only Kustomize renders", directory, field).contains(field));
        List<JsonNode> documents = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = directory.resolve(resource.asText()).normalize();
            documents.addAll(Files.isDirectory(path) ? documents(path) : read(path));
        }
        for (JsonNode generator : kustomization.path("configMapGenerator")) {
            ObjectNode map = YAML.createObjectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
            map.putObject("metadata").put("name", generator.path("name").asText());
            ObjectNode data = map.putObject("data");
            for (JsonNode file : generator.path("files")) {
                Path path = directory.resolve(file.asText());
                data.put(path.getFileName().toString(), text(path));
            }
            documents.add(map);
        }
        return documents;
    }

    /** The rendering of {@code kubectl kustomize}, when kubectl is installed. */
    static Optional<Manifests> renderWithKubectl(Path directory) {
        Optional<Path> kubectl = onPath("kubectl");
        if (kubectl.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path output = Files.createTempFile("kustomize", ".yaml");
            Process process = new ProcessBuilder(kubectl.get().toString(), "kustomize", directory.toString())
                    .redirectOutput(output.toFile()).redirectErrorStream(false).start();
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("kubectl kustomize %s finishes", directory).isTrue();
            assertThat(process.exitValue()).as("kubectl kustomize %s: %s", directory, errors).isZero();
            List<JsonNode> documents = read(output);
            Files.delete(output);
            return Optional.of(new Manifests(directory + " (rendered by kubectl kustomize)", documents));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String entry : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(entry, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static List<JsonNode> read(Path file) {
        try (var parser = YAML.getFactory().createParser(file.toFile())) {
            return YAML.readValues(parser, JsonNode.class).readAll().stream()
                    .filter(d -> d != null && !d.isNull() && !d.isMissingNode())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
