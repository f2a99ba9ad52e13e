package org.compliance.platform.directory;

import io.quarkus.oidc.client.reactive.filter.runtime.AbstractOidcClientRequestReactiveFilter;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import java.util.Optional;

/**
 * Puts the service account's access token on every call to Keycloak's admin API. The OIDC client {@code directory}
 * (quarkus-oidc-client, client-credentials grant) acquires it and refreshes it before it expires.
 */
@Singleton
@Priority(Priorities.AUTHENTICATION)
public class DirectoryToken extends AbstractOidcClientRequestReactiveFilter {

    public static final String OIDC_CLIENT = "directory";

    @Override
    protected Optional<String> clientId() {
        return Optional.of(OIDC_CLIENT);
    }
}
