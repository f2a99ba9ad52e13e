package org.compliance.api.cases.views;

/**
 * An organisation as a picker offers it (a respondent, an addressee): its alias, which case and evidence commands
 * name as {@code organisationAlias}, and its display name.
 */
public record OrganisationEntry(String alias, String name) {
}
