package org.compliance.notifications.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where people are found: organisation members, holders of a role, one person. An answer that cannot be
 * had (the directory is down) is an exception, never an empty list, so that nobody is silently left out.
 */
public interface Directory {

    /** A person who can be told: their user id, name and e-mail address (null when they have none). */
    record Person(String userId, String name, String email) {
    }

    List<Person> membersOf(String organisationAlias);

    List<Person> withRole(String role);

    Optional<Person> person(String userId);

    /** Every organisation's display name by its alias; answered promptly or not at all (an exception). */
    Map<String, String> organisationNames();
}
