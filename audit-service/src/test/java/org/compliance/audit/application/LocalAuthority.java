package org.compliance.audit.application;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.compliance.testing.LocalTimestampAuthority;

/** A real RFC 3161 authority on this machine for the service under test, its root trusted by the service. */
public class LocalAuthority implements QuarkusTestResourceLifecycleManager {

    static volatile LocalTimestampAuthority authority;

    @Override
    public Map<String, String> start() {
        authority = LocalTimestampAuthority.start();
        try {
            Path root = Files.createTempFile("tsa-root", ".pem");
            Files.writeString(root, authority.rootPem());
            return Map.of("compliance.audit.timestamp-authorities", authority.url(),
                    "compliance.audit.timestamp-trust", root.toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (authority != null) {
            authority.close();
        }
    }
}
