package org.compliance.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The demo's keys and client secrets (infra/local/demo-secrets.env), as environment variables for a service. */
final class DemoSecrets {

    private DemoSecrets() {
    }

    static Map<String, String> environment() {
        Path file = Path.of(System.getProperty("compliance.root"), "infra", "local", "demo-secrets.env");
        try {
            Map<String, String> values = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
                }
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
