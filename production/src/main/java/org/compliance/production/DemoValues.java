package org.compliance.production;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The keys and client secrets this repository publishes for the demo and the tests, known by their SHA-256 only
 * (the list is {@code compliance/demo-values.sha256}): public knowledge, so never a production secret.
 */
public final class DemoValues {

    private static final String LIST = "compliance/demo-values.sha256";
    private static final Set<String> FINGERPRINTS = load();

    private DemoValues() {
    }

    public static boolean isDemoValue(String value) {
        return value != null && !value.isBlank() && FINGERPRINTS.contains(fingerprint(value.strip()));
    }

    /** The names among {@code settings} whose value is a demo value, sorted. */
    public static Set<String> heldBy(Map<String, String> settings) {
        return settings.entrySet().stream().filter(setting -> isDemoValue(setting.getValue()))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
    }

    static String fingerprint(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static Set<String> load() {
        try (InputStream list = DemoValues.class.getClassLoader().getResourceAsStream(LIST)) {
            if (list == null) {
                throw new IllegalStateException(LIST + " is missing from platform");
            }
            try (var lines = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8))) {
                return lines.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .map(line -> line.split("\\s+")[0]).collect(Collectors.toUnmodifiableSet());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
