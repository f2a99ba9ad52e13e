package org.compliance.portal.backend;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.HashMap;
import java.util.Map;
import org.compliance.portal.http.RequestIds;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * What every call to a service carries: the signed-in user's access token, so that every rule about who may see or
 * do what stays in the services, the browser request's id, so that their logs and events carry it too, and after a
 * change the position its answer named ({@link ReadAfter}).
 * Quarkus' token propagation extension (quarkus-rest-client-oidc-token-propagation) does not resolve at our
 * Quarkus version (its parent POM is missing from Maven Central for 3.33.2), hence this factory.
 */
@ApplicationScoped
public class SignedInHeaders implements ClientHeadersFactory {

    private final SecurityIdentity identity;
    private final RoutingContext browserRequest;
    private final ReadAfter readAfter;

    public SignedInHeaders(SecurityIdentity identity, RoutingContext browserRequest, ReadAfter readAfter) {
        this.identity = identity;
        this.browserRequest = browserRequest;
        this.readAfter = readAfter;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers().forEach(headers::putSingle);
        return headers;
    }

    /** The headers themselves, also for the streamed exchanges ({@link Streams}). */
    public Map<String, String> headers() {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null) {
            throw new ServiceProblem(401, "Signed out", "Sign in again to go on");
        }
        Map<String, String> headers = new HashMap<>(Map.of("Authorization", "Bearer " + credential.getToken(),
                RequestIds.HEADER, RequestIds.of(browserRequest)));
        readAfter.position().ifPresent(position -> headers.put(ReadAfter.HEADER, position));
        return Map.copyOf(headers);
    }
}
