package org.compliance.portal.web;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * For {@link ServiceCallsTest} and its kind only (sign-in is off there): everyone is signed in as an investigator (or
 * the role {@code portal.test.signed-in-role} names) with an access token, as Keycloak's sign-in would leave them. Does
 * nothing unless {@code portal.test.signed-in-token} is set.
 */
@ApplicationScoped
public class TestSignIn implements SecurityIdentityAugmentor {

    static final String CLAIMS = "{\"sub\":\"u-iris\",\"name\":\"Iris Investigator\"}";
    static final String TOKEN = "e30." + Base64.getUrlEncoder().withoutPadding()
            .encodeToString(CLAIMS.getBytes(StandardCharsets.UTF_8)) + ".signature";

    @ConfigProperty(name = "portal.test.signed-in-token")
    Optional<String> token;

    /** The role the token's user has: an investigator unless a test profile signs in someone else. */
    @ConfigProperty(name = "portal.test.signed-in-role", defaultValue = "investigator")
    String role;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (token.isEmpty() || !identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("u-iris"))
                .addRole(role).addCredential(new AccessTokenCredential(token.get())).build());
    }
}
