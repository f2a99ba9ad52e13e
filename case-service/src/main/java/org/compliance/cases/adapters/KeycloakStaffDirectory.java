package org.compliance.cases.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.compliance.api.shared.StaffMember;
import org.compliance.cases.application.StaffDirectory;
import org.compliance.platform.reactive.CallerContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The staff directory in Keycloak, read through its admin API with case-service's service account (realm
 * role mapping {@code view-users} only). Answers are cached briefly so that assigning a team does not
 * call Keycloak for every member each time.
 */
@ApplicationScoped
public class KeycloakStaffDirectory implements StaffDirectory {

    private static final Logger LOG = Logger.getLogger(KeycloakStaffDirectory.class);
    private static final Set<String> STAFF_ROLES = Set.of("investigator", "supervisor");
    private static final Duration CACHE_FOR = Duration.ofSeconds(60);

    private record Cached(Optional<StaffMember> member, Instant until) {
    }

    private record Token(String value, Instant until) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
    private final String realmUrl;
    private final String adminUrl;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private volatile Token token;

    public KeycloakStaffDirectory(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl,
                                  @ConfigProperty(name = "quarkus.oidc.client-id") String clientId,
                                  @ConfigProperty(name = "compliance.directory.client-secret") String clientSecret,
                                  Clock clock) {
        this.realmUrl = realmUrl;
        this.adminUrl = realmUrl.replace("/realms/", "/admin/realms/");
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    @Override
    public Uni<Optional<StaffMember>> staffMember(String userId) {
        Cached cached = cache.get(userId);
        if (cached != null && cached.until().isAfter(clock.instant())) {
            return Uni.createFrom().item(cached.member());
        }
        return Uni.createFrom().completionStage(() -> lookUp(userId))
                .emitOn(CallerContext.current())
                .invoke(found -> cache.put(userId, new Cached(found, clock.instant().plus(CACHE_FOR))));
    }

    private CompletableFuture<Optional<StaffMember>> lookUp(String userId) {
        String encoded = URLEncoder.encode(userId, StandardCharsets.UTF_8);
        return accessToken().thenCompose(bearer -> get(adminUrl + "/users/" + encoded, bearer)
                .thenCompose(user -> {
                    if (user.statusCode() == 404) {
                        return CompletableFuture.completedFuture(Optional.<StaffMember>empty());
                    }
                    JsonNode body = read(user);
                    return get(adminUrl + "/users/" + encoded + "/role-mappings/realm/composite", bearer)
                            .thenApply(roles -> {
                                boolean staff = false;
                                for (JsonNode role : read(roles)) {
                                    staff |= STAFF_ROLES.contains(role.path("name").asText());
                                }
                                return staff ? Optional.of(new StaffMember(userId, displayName(body)))
                                        : Optional.<StaffMember>empty();
                            });
                }));
    }

    private CompletableFuture<String> accessToken() {
        Token current = token;
        if (current != null && current.until().isAfter(clock.instant())) {
            return CompletableFuture.completedFuture(current.value());
        }
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        return http.sendAsync(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> {
                    JsonNode body = read(response);
                    Duration lifetime = Duration.ofSeconds(body.path("expires_in").asLong(60));
                    token = new Token(body.path("access_token").asText(),
                            clock.instant().plus(lifetime).minusSeconds(15));
                    return token.value();
                });
    }

    private CompletableFuture<HttpResponse<String>> get(String url, String bearer) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode read(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            LOG.errorf("Keycloak's admin API answered %d to %s: %s", response.statusCode(), response.uri(),
                    response.body());
            throw new IllegalStateException("The staff directory (Keycloak) is unavailable; try again shortly");
        }
        try {
            return json.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Keycloak answered unreadable JSON", e);
        }
    }

    private static String displayName(JsonNode user) {
        String name = (user.path("firstName").asText("") + " " + user.path("lastName").asText("")).strip();
        return name.isEmpty() ? user.path("username").asText() : name;
    }
}
