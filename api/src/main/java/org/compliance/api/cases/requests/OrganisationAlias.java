package org.compliance.api.cases.requests;

/** An organisation's alias in Keycloak, as the realm spells it. */
final class OrganisationAlias {

    static final String PATTERN = "[a-z0-9][a-z0-9-]{1,62}";

    private OrganisationAlias() {
    }
}
