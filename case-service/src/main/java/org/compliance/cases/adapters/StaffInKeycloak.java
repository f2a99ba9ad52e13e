package org.compliance.cases.adapters;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import org.compliance.api.shared.StaffMember;
import org.compliance.cases.application.StaffDirectory;
import org.compliance.platform.directory.KeycloakDirectory;
import org.compliance.platform.reactive.CallerContext;

/**
 * Regulator staff as Keycloak knows them, through the platform's directory client with case-service's service
 * account (realm-management {@code view-users} only): a user holding the realm role investigator or supervisor.
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
}
