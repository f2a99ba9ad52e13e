package org.compliance.platform.identity;

import java.util.List;
import java.util.Set;

/**
 * Who is calling, as the identity provider vouched for it in the bearer token.
 *
 * @param subject       the token subject (Keycloak user id)
 * @param name          the display name (preferred username when no name is set)
 * @param roles         realm roles
 * @param organisations aliases of the Keycloak organisations the caller is a member of
 */
public record Caller(String subject, String name, Set<String> roles, List<String> organisations) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isMemberOf(String organisationAlias) {
        return organisations.contains(organisationAlias);
    }
}
