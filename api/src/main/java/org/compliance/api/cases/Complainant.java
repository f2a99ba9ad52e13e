package org.compliance.api.cases;

/** Who complained: an organisation (with its Keycloak alias when it has one) or a person. */
public record Complainant(String complainantId, Kind kind, String name, String organisationAlias) {

    public enum Kind { ORGANISATION, PERSON }
}
