package org.compliance.api.shared;

/** A user of a company (a respondent organisation), identified by their Keycloak user id. */
public record CompanyUser(String userId, String name, String organisationAlias) {
}
