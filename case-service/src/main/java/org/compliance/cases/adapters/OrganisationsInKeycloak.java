package org.compliance.cases.adapters;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.compliance.api.cases.views.OrganisationEntry;
import org.compliance.cases.application.OrganisationDirectory;
import org.compliance.platform.directory.KeycloakDirectory;
import org.compliance.platform.reactive.CallerContext;

/**
 * Organisations as Keycloak knows them (Keycloak Organizations, whose alias is the suite's organisation alias),
 * through the platform's directory client with case-service's service account ({@code view-organizations}).
 */
@ApplicationScoped
public class OrganisationsInKeycloak implements OrganisationDirectory {

    private final KeycloakDirectory keycloak;

    public OrganisationsInKeycloak(KeycloakDirectory keycloak) {
        this.keycloak = keycloak;
    }

    @Override
    public Uni<List<OrganisationEntry>> organisations() {
        return keycloak.organisations()
                .map(organisations -> organisations.stream()
                        .map(organisation -> new OrganisationEntry(organisation.alias(), organisation.name())).toList())
                .emitOn(CallerContext.current());
    }
}
