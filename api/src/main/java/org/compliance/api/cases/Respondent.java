package org.compliance.api.cases;

/** An organisation under investigation, linked to its Keycloak organisation by alias. */
public record Respondent(String organisationAlias, String name) {
}
