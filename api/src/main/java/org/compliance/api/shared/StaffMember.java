package org.compliance.api.shared;

/** A member of regulator staff, identified by their Keycloak user id (token subject). */
public record StaffMember(String userId, String name) {
}
