package org.compliance.portal.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.compliance.portal.backend.NotificationsClient;
import org.compliance.portal.backend.ServiceProblem;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Who is signed in, for choosing what the pages offer. It only hides what the services would refuse anyway;
 * the services decide from the same access token. Templates read it as {@code {inject:signedInUser.name}}.
 */
@Named("signedInUser")
@RequestScoped
public class SignedInUser {

    private final SecurityIdentity identity;
    private final NotificationsClient notifications;
    private final ObjectMapper json;
    private JsonNode claims;
    private Integer unread;

    public SignedInUser(SecurityIdentity identity, @RestClient NotificationsClient notifications, ObjectMapper json) {
        this.identity = identity;
        this.notifications = notifications;
        this.json = json;
    }

    public String name() {
        JsonNode claims = claims();
        return claims.path("name").asText(claims.path("preferred_username").asText("you"));
    }

    public String subject() {
        return claims().path("sub").asText();
    }

    public boolean isCompany() {
        return identity.hasRole("company");
    }

    public boolean isStaff() {
        return identity.hasRole("investigator") || identity.hasRole("supervisor");
    }

    public boolean isSupervisor() {
        return identity.hasRole("supervisor");
    }

    public boolean isAuditor() {
        return identity.hasRole("auditor");
    }

    /** The company user's organisation alias (Keycloak organisation membership), or null for the regulator's people. */
    public String organisation() {
        List<String> aliases = new ArrayList<>();
        JsonNode claim = claims().path("organization");
        if (claim.isArray()) {
            claim.forEach(alias -> aliases.add(alias.asText()));
        } else if (claim.isObject()) {
            claim.fieldNames().forEachRemaining(aliases::add);
        } else if (claim.isTextual()) {
            aliases.add(claim.asText());
        }
        return aliases.isEmpty() ? null : aliases.get(0);
    }

    public String roleLabel() {
        if (isCompany()) {
            return organisation();
        }
        return isSupervisor() ? "Supervisor" : isStaff() ? "Investigator" : isAuditor() ? "Auditor" : "";
    }

    /** Unread notifications for the header; a notification service that is down shows no number, not an error. */
    public int unread() {
        if (unread == null) {
            try {
                unread = (int) notifications.unread().unread();
            } catch (ServiceProblem e) {
                unread = 0;
            }
        }
        return unread;
    }

    private JsonNode claims() {
        if (claims == null) {
            AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
            try {
                claims = token == null ? json.createObjectNode()
                        : json.readTree(Base64.getUrlDecoder().decode(token.getToken().split("\\.")[1]));
            } catch (IOException | RuntimeException e) {
                claims = json.createObjectNode();
            }
        }
        return claims;
    }
}
