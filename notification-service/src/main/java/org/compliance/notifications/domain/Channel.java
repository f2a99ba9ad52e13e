package org.compliance.notifications.domain;

/** Where a person is told. Webhooks belong to organisations, not to people, and have no preferences. */
public enum Channel {
    INBOX, EMAIL
}
