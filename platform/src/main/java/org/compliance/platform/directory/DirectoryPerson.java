package org.compliance.platform.directory;

/** A person as the directory knows them: user id, display name (full name, else user name), e-mail or null. */
public record DirectoryPerson(String userId, String name, String email) {

    static DirectoryPerson of(KeycloakAdminApi.User user) {
        String name = ((user.firstName() == null ? "" : user.firstName()) + " "
                + (user.lastName() == null ? "" : user.lastName())).strip();
        return new DirectoryPerson(user.id(), name.isEmpty() ? user.username() : name, user.email());
    }
}
