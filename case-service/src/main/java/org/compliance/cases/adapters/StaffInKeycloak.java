package org.compliance.cases.adapters;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.compliance.api.cases.views.StaffEntry;
import org.compliance.api.shared.StaffMember;
import org.compliance.cases.application.StaffDirectory;
import org.compliance.platform.directory.DirectoryPerson;
import org.compliance.platform.directory.KeycloakDirectory;
import org.compliance.platform.reactive.CallerContext;

/**
 * Regulator staff as Keycloak knows them, through the platform's directory client with case-service's service
 * account (realm-management {@code view-users}, {@code query-users}, {@code view-realm} for a role's holders): a user
 * holding the realm role investigator or supervisor.
 */
@ApplicationScoped
public class StaffInKeycloak implements StaffDirectory {

    private static final Set<String> STAFF_ROLES = Set.of("investigator", "supervisor");

    private final KeycloakDirectory keycloak;

    public StaffInKeycloak(KeycloakDirectory keycloak) {
        this.keycloak = keycloak;
    }

    @Override
    public Uni<Optional<StaffMember>> staffMember(String userId) {
        return keycloak.person(userId)
                .flatMap(person -> person.isEmpty() ? Uni.createFrom().item(Optional.<StaffMember>empty())
                        : keycloak.realmRoles(userId).map(roles -> roles.stream().anyMatch(STAFF_ROLES::contains)
                                ? Optional.of(new StaffMember(userId, person.get().name()))
                                : Optional.<StaffMember>empty()))
                .emitOn(CallerContext.current());
    }

    @Override
    public Uni<List<StaffEntry>> staff() {
        List<Uni<Map.Entry<String, List<DirectoryPerson>>>> holders = STAFF_ROLES.stream()
                .map(role -> keycloak.withRole(role).map(people -> Map.entry(role, people))).toList();
        return Uni.join().all(holders).andFailFast().map(StaffInKeycloak::entries).emitOn(CallerContext.current());
    }

    /** One entry per person, with every staff role they hold (a supervisor may be an investigator too). */
    private static List<StaffEntry> entries(List<Map.Entry<String, List<DirectoryPerson>>> holders) {
        Map<String, DirectoryPerson> people = new HashMap<>();
        Map<String, Set<String>> roles = new HashMap<>();
        holders.forEach(holding -> holding.getValue().forEach(person -> {
            people.putIfAbsent(person.userId(), person);
            roles.computeIfAbsent(person.userId(), ignored -> new TreeSet<>()).add(holding.getKey());
        }));
        return people.values().stream()
                .map(person -> new StaffEntry(person.userId(), person.name(), List.copyOf(roles.get(person.userId()))))
                .toList();
    }
}
