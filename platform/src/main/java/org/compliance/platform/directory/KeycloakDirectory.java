package org.compliance.platform.directory;

import io.quarkus.cache.CacheResult;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * People, organisations and roles as Keycloak knows them, read through its admin API with the service's own
 * service account (the OIDC client {@code directory}, see {@link DirectoryToken}). Every answer is cached for
 * {@code compliance.directory.cache-for} (quarkus-cache; a failure is not cached). Anything but an answer is a
 * {@link DirectoryUnavailable}, never an empty list, so that nobody is silently left out.
 *
 * <p>The admin API lives beside the realm the services already name ({@code quarkus.oidc.auth-server-url},
 * {@code .../realms/<realm>}) at {@code .../admin/realms/<realm>}: its address is derived from that one setting.
 */
@ApplicationScoped
public class KeycloakDirectory {

    private static final Logger LOG = Logger.getLogger(KeycloakDirectory.class);
    private static final int PAGE = 500;

    private final KeycloakAdminApi admin;

    public KeycloakDirectory(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl,
                             DirectoryToken token) {
        this.admin = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(realmUrl.replace("/realms/", "/admin/realms/")))
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(10, TimeUnit.SECONDS)
                .register(token)
                .build(KeycloakAdminApi.class);
    }

    /** The user with this id, enabled or not; empty when Keycloak has no such user. */
    @CacheResult(cacheName = "directory-person")
    public Uni<Optional<DirectoryPerson>> person(String userId) {
        return admin.user(userId).map(user -> Optional.of(DirectoryPerson.of(user)))
                .onFailure(KeycloakDirectory::notFound).recoverWithItem(Optional.empty())
                .onFailure().transform(e -> unavailable("user " + userId, e));
    }

    /** The names of the user's realm roles, composite roles included. */
    @CacheResult(cacheName = "directory-realm-roles")
    public Uni<Set<String>> realmRoles(String userId) {
        return admin.realmRoles(userId)
                .map(roles -> roles.stream().map(KeycloakAdminApi.Role::name).collect(Collectors.toUnmodifiableSet()))
                .onFailure().transform(e -> unavailable("the realm roles of " + userId, e));
    }

    /** The enabled holders of a realm role. */
    @CacheResult(cacheName = "directory-role-holders")
    public Uni<List<DirectoryPerson>> withRole(String role) {
        return admin.usersWithRole(role, PAGE).map(KeycloakDirectory::enabled)
                .onFailure().transform(e -> unavailable("the holders of role " + role, e));
    }

    /** The enabled members of the organisation with this alias; none when Keycloak has no such organisation. */
    @CacheResult(cacheName = "directory-organisation-members")
    public Uni<List<DirectoryPerson>> membersOf(String organisationAlias) {
        // Keycloak searches organisations by name or domain, not alias: the list is short, so scan it
        return admin.organisations(true, PAGE)
                .flatMap(organisations -> organisations.stream()
                        .filter(organisation -> organisationAlias.equals(organisation.alias())).findFirst()
                        .map(organisation -> admin.members(organisation.id(), PAGE).map(KeycloakDirectory::enabled))
                        .orElseGet(() -> {
                            LOG.warnf("Keycloak has no organisation '%s': nobody there to tell", organisationAlias);
                            return Uni.createFrom().item(List.of());
                        }))
                .onFailure().transform(e -> unavailable("the members of " + organisationAlias, e));
    }

    /**
     * The realm's enabled organisations, each with its alias (what cases name a respondent by) and display name.
     * Keycloak's own search matches names and domains but not aliases, so the (short) list is read whole.
     */
    @CacheResult(cacheName = "directory-organisations")
    public Uni<List<DirectoryOrganisation>> organisations() {
        return admin.organisations(true, PAGE)
                .map(organisations -> organisations.stream()
                        .filter(organisation -> !Boolean.FALSE.equals(organisation.enabled()))
                        .map(organisation -> new DirectoryOrganisation(organisation.alias(),
                                organisation.name() == null ? organisation.alias() : organisation.name()))
                        .toList())
                .onFailure().transform(e -> unavailable("the organisations", e));
    }

    private static List<DirectoryPerson> enabled(List<KeycloakAdminApi.User> users) {
        return users.stream().filter(user -> !Boolean.FALSE.equals(user.enabled())).map(DirectoryPerson::of).toList();
    }

    private static boolean notFound(Throwable e) {
        return e instanceof WebApplicationException web && web.getResponse().getStatus() == 404;
    }

    private static DirectoryUnavailable unavailable(String what, Throwable e) {
        if (e instanceof DirectoryUnavailable already) {
            return already;
        }
        String reason = e instanceof WebApplicationException web
                ? "Keycloak's admin API answered " + web.getResponse().getStatus()
                : "Keycloak could not be reached: " + e.getMessage();
        return new DirectoryUnavailable("The directory cannot tell " + what + " now (" + reason + ")", e);
    }
}
