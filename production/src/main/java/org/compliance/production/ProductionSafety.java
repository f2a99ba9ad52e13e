package org.compliance.production;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * In the production profile a service does not start with a setting that holds one of the repository's demo keys
 * or secrets, whatever the setting's name or source (properties, environment, secret files). Missing secrets are
 * refused earlier, by the configuration itself: in {@code %prod} they have no default.
 */
@ApplicationScoped
public class ProductionSafety {

    private static final Logger LOG = Logger.getLogger(ProductionSafety.class);

    void refuseDemoSecrets(@Observes @Priority(1) StartupEvent event) {
        if (!ConfigUtils.isProfileActive("prod")) {
            return;
        }
        Set<String> demo = DemoValues.heldBy(settings(ConfigProvider.getConfig()));
        if (!demo.isEmpty()) {
            throw new IllegalStateException("Refusing to start in the production profile: " + demo
                    + " hold(s) a demo value published in the repository (infra/local/demo-secrets.env). "
                    + "Give each its own secret (an environment variable, or a file in the secrets directory); "
                    + "see production/README.md.");
        }
        LOG.info("Production profile: no setting holds a demo key or secret");
    }

    /**
     * Every setting in force, with its value; one of another profile ({@code %test.…}) is not in force, and one whose
     * expression cannot be expanded is not in use.
     */
    private static Map<String, String> settings(Config config) {
        Map<String, String> settings = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("%")) {
                continue;
            }
            try {
                config.getOptionalValue(name, String.class).ifPresent(value -> settings.put(name, value));
            } catch (RuntimeException unexpandable) {
                // e.g. an expression naming a variable that is not set: nothing to compare
            }
        }
        return settings;
    }
}
