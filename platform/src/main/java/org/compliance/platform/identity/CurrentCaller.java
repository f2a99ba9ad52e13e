package org.compliance.platform.identity;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The one way to read the caller's identity and organisation from the verified access token. */
@RequestScoped
public class CurrentCaller {

    /** Claim written by Keycloak's organisation membership mapper. */
    static final String ORGANISATION_CLAIM = "organization";

    private final SecurityIdentity identity;

    public CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller get() {
        if (identity.isAnonymous()) {
            throw new IllegalStateException("No authenticated caller in this request");
        }
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw new IllegalStateException("Caller is not authenticated with a bearer token");
        }
        String name = token.getClaim("name");
        if (name == null || name.isBlank()) {
            name = token.getClaim("preferred_username");
        }
        return new Caller(token.getSubject(), name, Set.copyOf(identity.getRoles()), organisations(token));
    }

    /** Keycloak writes the claim as a list of aliases, or as an object keyed by alias when ids are added. */
    static List<String> organisations(JsonWebToken token) {
        Object claim = token.getClaim(ORGANISATION_CLAIM);
        List<String> aliases = new ArrayList<>();
        if (claim instanceof JsonArray array) {
            for (JsonValue value : array) {
                if (value instanceof JsonString alias) {
                    aliases.add(alias.getString());
                }
            }
        } else if (claim instanceof JsonObject object) {
            aliases.addAll(object.keySet());
        } else if (claim instanceof JsonString alias) {
            aliases.add(alias.getString());
        } else if (claim instanceof String alias) {
            aliases.add(alias);
        }
        return List.copyOf(aliases);
    }
}
