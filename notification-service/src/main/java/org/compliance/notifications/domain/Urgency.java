package org.compliance.notifications.domain;

/** How soon the recipient should act: shown in the inbox and the e-mail subject. */
public enum Urgency {
    NORMAL, HIGH, URGENT
}
