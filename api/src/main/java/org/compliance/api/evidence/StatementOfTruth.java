package org.compliance.api.evidence;

/** "I believe the facts stated are true": who makes it, and in what position. */
public record StatementOfTruth(String name, String position) {
}
