package org.compliance.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one process of the suite reads from its environment, from its own application.properties and the shared
 * defaults it is built with (production's, and platform's for the four services).
 */
record ServiceConfiguration(String module, Properties properties) {

    /** {@code ${NAME}} or {@code ${NAME:default}}: an environment variable named in an expression. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:?)");
    private static final Pattern LOOPBACK = Pattern.compile("127\\.0\\.0\\.1|localhost");

    static ServiceConfiguration of(Path root, String module) {
        Properties properties = new Properties();
        load(properties, root.resolve("production/src/main/resources/META-INF/microprofile-config.properties"));
        if (!module.equals("portal")) {
            load(properties, root.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"));
        }
        load(properties, root.resolve(module).resolve("src/main/resources/application.properties"));
        return new ServiceConfiguration(module, properties);
    }

    private static void load(Properties properties, Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether the process reads this environment variable: it is named in an expression, or it is the environment
     * form of a setting the configuration declares (COMPLIANCE_DB_HOST for compliance.db.host, as SmallRye maps it).
     * QUARKUS_* variables set Quarkus' own settings (e.g. QUARKUS_FLYWAY_USERNAME); SmallRye's own one names the
     * directories of secret files.
     */
    boolean reads(String variable) {
        return variables(false).contains(variable) || declaredSettings().contains(variable)
                || variable.startsWith("QUARKUS_") || variable.equals("SMALLRYE_CONFIG_SOURCE_FILE_LOCATIONS");
    }

    /** The variables the production profile cannot start without (no default outside %dev and %test). */
    Set<String> required() {
        return variables(true);
    }

    /**
     * The settings whose production value names the loopback address (the demo's "everything on one machine"), each
     * with the variables that set it: its own environment form and those its expression reads. The OpenAPI document's
     * server is left out: it is written at build time.
     */
    Map<String, Set<String>> loopbackSettings() {
        Map<String, Set<String>> settings = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key);
            boolean production = !key.startsWith("%") || key.startsWith("%prod.");
            if (production && !key.startsWith("quarkus.smallrye-openapi.") && LOOPBACK.matcher(value).find()) {
                Set<String> variables = new TreeSet<>();
                variables.add(environmentForm(key));
                Matcher matcher = VARIABLE.matcher(value);
                while (matcher.find()) {
                    variables.add(matcher.group(1));
                }
                settings.put(key, variables);
            }
        }
        return settings;
    }

    int httpPort() {
        return Integer.parseInt(properties.getProperty("quarkus.http.port"));
    }

    private Set<String> variables(boolean onlyRequiredInProduction) {
        Set<String> names = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            boolean production = !key.startsWith("%") || key.startsWith("%prod.");
            if (onlyRequiredInProduction && !production) {
                continue;
            }
            Matcher matcher = VARIABLE.matcher(properties.getProperty(key));
            while (matcher.find()) {
                if (!onlyRequiredInProduction || matcher.group(2).isEmpty()) {
                    names.add(matcher.group(1));
                }
            }
        }
        return names;
    }

    private Set<String> declaredSettings() {
        Set<String> names = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            names.add(environmentForm(key));
        }
        return names;
    }

    /** How SmallRye names a setting in the environment: compliance.db.host as COMPLIANCE_DB_HOST (profile dropped). */
    private static String environmentForm(String key) {
        String setting = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
        return setting.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
