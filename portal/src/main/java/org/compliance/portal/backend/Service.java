package org.compliance.portal.backend;

/** The services the portal shows; each one's base URL is {@code portal.services.<key>}. */
public enum Service {
    CASES("cases", "case-service"),
    EVIDENCE("evidence", "evidence-service"),
    NOTIFICATIONS("notifications", "notification-service"),
    AUDIT("audit", "audit-service");

    final String key;
    final String displayName;

    Service(String key, String displayName) {
        this.key = key;
        this.displayName = displayName;
    }
}
