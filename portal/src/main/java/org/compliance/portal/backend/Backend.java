package org.compliance.portal.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.compliance.portal.web.RequestIds;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Calls the services on behalf of the signed-in user, with that user's access token: every rule about who may
 * see or do what stays in the services. Answers are JSON trees; failures become {@link ServiceProblem}s carrying
 * the service's own problem title, detail and status.
 */
@ApplicationScoped
public class Backend {

    private static final Logger LOG = Logger.getLogger(Backend.class);
    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);
    private static final Duration VIEW_CATCH_UP = Duration.ofSeconds(5);

    /** A JSON answer and the ETag (the version of a case or request) that came with it. */
    public record Answer(JsonNode body, Long version) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Map<Service, String> baseUrls = new EnumMap<>(Service.class);
    private final SecurityIdentity identity;
    private final RoutingContext browserRequest;

    public Backend(Config config, SecurityIdentity identity, RoutingContext browserRequest) {
        for (Service service : Service.values()) {
            baseUrls.put(service, config.getValue("portal.services." + service.key, String.class));
        }
        this.identity = identity;
        this.browserRequest = browserRequest;
    }

    public JsonNode get(Service service, String path) {
        return read(service, path).body();
    }

    /** A GET whose answer carries a version (ETag), to send back as If-Match with a change. */
    public Answer read(Service service, String path) {
        HttpResponse<String> response = exchange(service, request(service, path).GET().build());
        return new Answer(parse(response.body()), version(response));
    }

    /** A POST/PUT/DELETE with a JSON body (or none); {@code version} becomes If-Match when given. */
    public Answer send(Service service, String method, String path, Object body, Long version) {
        HttpRequest.Builder request = request(service, path)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (version != null) {
            request.header("If-Match", "\"" + version + "\"");
        }
        HttpResponse<String> response = exchange(service, request.build());
        return new Answer(parse(response.body()), version(response));
    }

    /**
     * Waits (at most a few seconds) until the service's view at {@code path} has caught up with a change it
     * accepted, so that the page shown next already shows it. Views follow the events a moment later.
     */
    public void awaitVersion(Service service, String path, long version) {
        awaitView(service, path, answer -> answer.version() == null || answer.version() >= version);
    }

    /** The same, for a change known by what the view shows rather than by its version. */
    public void awaitView(Service service, String path, Predicate<Answer> caughtUp) {
        long giveUp = System.nanoTime() + VIEW_CATCH_UP.toNanos();
        long pause = 20;
        while (System.nanoTime() < giveUp) {
            try {
                if (caughtUp.test(read(service, path))) {
                    return;
                }
            } catch (ServiceProblem e) {
                if (e.status() != 404) {
                    throw e;
                }
                // a new request or case is not in the view yet
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pause = Math.min(pause * 2, 250);
        }
        LOG.debugf("%s's view at %s did not catch up within %s", service.displayName, path, VIEW_CATCH_UP);
    }

    /**
     * A streamed exchange (uploads, downloads, live streams): the caller reads the status and the body itself
     * and must close the body.
     */
    public HttpResponse<InputStream> stream(Service service, String method, String path,
                                            HttpRequest.BodyPublisher body, Map<String, String> headers) {
        HttpRequest.Builder request = request(service, path).method(method, body);
        headers.forEach(request::setHeader);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw unreachable(service, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceProblem(503, "Interrupted", "The request was interrupted");
        }
    }

    /** Throws the service's problem for a failed streamed exchange (reading and closing its body). */
    public static void requireSuccess(HttpResponse<InputStream> response) {
        if (response.statusCode() < 300) {
            return;
        }
        try (InputStream body = response.body()) {
            throw problem(response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ServiceProblem(response.statusCode(), "Refused", "The service refused the request");
        }
    }

    /** One path segment, percent-encoded: ids from the browser never change the path's shape. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A query string of the parameters that have a value, or "" when none has. */
    public static String query(Map<String, ?> parameters) {
        String joined = parameters.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().toString().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return joined.isEmpty() ? "" : "?" + joined;
    }

    public static Map<String, Object> parameters(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** A JSON tree as plain maps, lists and values, which the templates read as {@code {case.title}}. */
    public static Object data(JsonNode node) {
        return JSON.convertValue(node, Object.class);
    }

    private HttpRequest.Builder request(Service service, String path) {
        return HttpRequest.newBuilder(URI.create(baseUrls.get(service) + path)).timeout(ANSWER_WITHIN)
                .header("Authorization", "Bearer " + accessToken())
                .header(RequestIds.HEADER, RequestIds.of(browserRequest))
                .header("Accept", "application/json");
    }

    private String accessToken() {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null) {
            throw new ServiceProblem(401, "Signed out", "Sign in again to go on");
        }
        return credential.getToken();
    }

    private HttpResponse<String> exchange(Service service, HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unreachable(service, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceProblem(503, "Interrupted", "The request was interrupted");
        }
        if (response.statusCode() >= 300) {
            LOG.debugf("%s answered %d to %s %s", service.displayName, response.statusCode(), request.method(),
                    request.uri().getPath());
            throw problem(response.statusCode(), response.body());
        }
        return response;
    }

    private static ServiceProblem unreachable(Service service, IOException e) {
        LOG.warnf("%s did not answer: %s", service.displayName, e.toString());
        boolean down = e instanceof ConnectException || e instanceof HttpTimeoutException;
        return new ServiceProblem(down ? 503 : 502, service.displayName + " is not answering",
                "The " + service.displayName + " did not answer. Nothing was changed by this attempt unless it says "
                        + "so later; try again in a moment.");
    }

    private static ServiceProblem problem(int status, String body) {
        JsonNode problem = parse(body);
        String title = problem.path("title").asText(status == 404 ? "Not found" : "Refused");
        String detail = problem.path("detail").asText(problem.path("title").asText("The service refused this ("
                + status + ")"));
        return new ServiceProblem(status, title, detail);
    }

    private static Long version(HttpResponse<?> response) {
        Optional<String> etag = response.headers().firstValue("ETag");
        return etag.map(tag -> tag.replace("W/", "").replace("\"", ""))
                .filter(tag -> tag.matches("\\d+")).map(Long::valueOf).orElse(null);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
