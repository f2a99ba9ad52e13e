package org.compliance.api.cases.views;

import java.util.List;

/**
 * A member of regulator staff as a picker offers them (a lead, a team member): the user id that case commands name,
 * the display name, and their staff roles (investigator, supervisor), sorted.
 */
public record StaffEntry(String userId, String name, List<String> roles) {
}
