package org.compliance.notifications.adapters;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.compliance.notifications.application.Directory;
import org.compliance.platform.directory.DirectoryOrganisation;
import org.compliance.platform.directory.DirectoryPerson;
import org.compliance.platform.directory.DirectoryUnavailable;
import org.compliance.platform.directory.KeycloakDirectory;

/**
 * The people to tell, from Keycloak through the platform's directory client (notification-service's service
 * account: realm-management view-users, query-users, view-realm, view-organizations). The event processor asks on
 * its own threads and waits: when Keycloak cannot answer, the event fails with {@link DirectoryUnavailable}, the
 * processor rolls back and retries later, so a Keycloak outage delays notifications and never drops them.
 */
@ApplicationScoped
public class PeopleInKeycloak implements Directory {

    /** Longer than the client's own connect and read timeouts together, so those speak first. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Names only make notices readable: the notifier does not wait long for them (see OrganisationNames). */
    private static final Duration NAMES_PATIENCE = Duration.ofSeconds(2);

    private final KeycloakDirectory keycloak;

    public PeopleInKeycloak(KeycloakDirectory keycloak) {
        this.keycloak = keycloak;
    }

    @Override
    public List<Person> membersOf(String organisationAlias) {
        return await(keycloak.membersOf(organisationAlias)).stream().map(PeopleInKeycloak::person).toList();
    }

    @Override
    public List<Person> withRole(String role) {
        return await(keycloak.withRole(role)).stream().map(PeopleInKeycloak::person).toList();
    }

    @Override
    public Optional<Person> person(String userId) {
        return await(keycloak.person(userId)).map(PeopleInKeycloak::person);
    }

    @Override
    public Map<String, String> organisationNames() {
        return await(keycloak.organisations(), NAMES_PATIENCE).stream().collect(Collectors.toUnmodifiableMap(
                DirectoryOrganisation::alias, DirectoryOrganisation::name, (first, second) -> first));
    }

    private static Person person(DirectoryPerson person) {
        return new Person(person.userId(), person.name(), person.email());
    }

    private static <T> T await(Uni<T> answer) {
        return await(answer, PATIENCE);
    }

    private static <T> T await(Uni<T> answer, Duration patience) {
        try {
            return answer.await().atMost(patience);
        } catch (io.smallrye.mutiny.TimeoutException e) {
            throw new DirectoryUnavailable("Keycloak did not answer within " + patience, e);
        }
    }
}
