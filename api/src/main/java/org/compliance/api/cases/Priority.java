package org.compliance.api.cases;

/** How urgently the authority treats a case. */
public enum Priority {
    LOW, NORMAL, HIGH, URGENT
}
