package org.compliance.platform.directory;

/** An organisation as the directory knows it: its alias (how the suite names it) and its display name. */
public record DirectoryOrganisation(String alias, String name) {
}
