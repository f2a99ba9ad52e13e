package org.compliance.notifications.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.compliance.notifications.application.Directory;
import org.compliance.platform.axon.PeerUnavailable;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * People from Keycloak's admin API, with notification-service's service account (realm-management
 * view-users, query-users, view-realm). Answers are cached for {@code compliance.directory.cache-for}; when
 * Keycloak cannot answer, the call fails, the event processor rolls back and retries later: a Keycloak
 * outage delays notifications, it never drops them.
 */
@ApplicationScoped
public class KeycloakDirectory implements Directory {

    private static final Logger LOG = Logger.getLogger(KeycloakDirectory.class);
    private static final int PAGE = 500;

    private record Cached(Object value, Instant until) {
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
    private final Duration cacheFor;
    private final Clock clock;
    private volatile Token token;

    public KeycloakDirectory(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl,
                             @ConfigProperty(name = "quarkus.oidc.client-id") String clientId,
                             @ConfigProperty(name = "compliance.directory.client-secret") String clientSecret,
                             @ConfigProperty(name = "compliance.directory.cache-for", defaultValue = "60s")
                             Duration cacheFor, Clock clock) {
        this.realmUrl = realmUrl;
        this.adminUrl = realmUrl.replace("/realms/", "/admin/realms/");
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    @Override
    public List<Person> membersOf(String organisationAlias) {
        return cached("organisation:" + organisationAlias, () -> {
            // Keycloak searches organisations by name or domain, not alias: the list is short, so scan it
            for (JsonNode organisation : get("/organizations?briefRepresentation=true&max=" + PAGE)) {
                if (organisationAlias.equals(organisation.path("alias").asText())) {
                    return people(get("/organizations/" + organisation.path("id").asText() + "/members?max=" + PAGE));
                }
            }
            LOG.warnf("Keycloak has no organisation '%s': nobody there to tell", organisationAlias);
            return List.of();
        });
    }

    @Override
    public List<Person> withRole(String role) {
        return cached("role:" + role, () -> people(get("/roles/" + URLEncoder.encode(role, StandardCharsets.UTF_8)
                + "/users?max=" + PAGE)));
    }

    @Override
    public Optional<Person> person(String userId) {
        return cached("user:" + userId, () -> {
            JsonNode user = getOrNull("/users/" + URLEncoder.encode(userId, StandardCharsets.UTF_8));
            return user == null ? Optional.empty() : Optional.of(person(user));
        });
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String key, Supplier<T> lookUp) {
        Cached hit = cache.get(key);
        if (hit != null && hit.until().isAfter(clock.instant())) {
            return (T) hit.value();
        }
        T value = lookUp.get();
        cache.put(key, new Cached(value, clock.instant().plus(cacheFor)));
        return value;
    }

    private List<Person> people(JsonNode users) {
        List<Person> people = new ArrayList<>();
        users.forEach(user -> {
            if (user.path("enabled").asBoolean(true)) {
                people.add(person(user));
            }
        });
        return people;
    }

    private static Person person(JsonNode user) {
        String name = (user.path("firstName").asText("") + " " + user.path("lastName").asText("")).strip();
        return new Person(user.path("id").asText(), name.isEmpty() ? user.path("username").asText() : name,
                user.hasNonNull("email") ? user.path("email").asText() : null);
    }

    private JsonNode get(String path) {
        JsonNode answer = getOrNull(path);
        if (answer == null) {
            throw new DirectoryUnavailable("Keycloak found nothing at " + path);
        }
        return answer;
    }

    private JsonNode getOrNull(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(adminUrl + path))
                    .header("Authorization", "Bearer " + accessToken()).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return null;
            }
            if (response.statusCode() != 200) {
                throw new DirectoryUnavailable("Keycloak's admin API answered " + response.statusCode() + " to "
                        + path + ": " + response.body());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new DirectoryUnavailable("Keycloak could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DirectoryUnavailable("Interrupted while asking Keycloak");
        }
    }

    private String accessToken() throws IOException, InterruptedException {
        Token current = token;
        if (current != null && current.until().isAfter(clock.instant())) {
            return current.value();
        }
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new DirectoryUnavailable("Keycloak refused notification-service's service account: "
                    + response.statusCode());
        }
        JsonNode body = json.readTree(response.body());
        token = new Token(body.path("access_token").asText(),
                clock.instant().plusSeconds(body.path("expires_in").asLong(60)).minusSeconds(15));
        return token.value();
    }

    /**
     * The directory cannot answer now; whoever asked must try again later, not carry on without it (the event
     * processor retries the event, it does not park it).
     */
    public static final class DirectoryUnavailable extends PeerUnavailable {
        DirectoryUnavailable(String message) {
            super(message);
        }
    }
}
