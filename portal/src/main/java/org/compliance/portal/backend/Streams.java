package org.compliance.portal.backend;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * The exchanges whose bytes pass through the portal without being held: evidence uploads (any size, streamed to
 * evidence-service as they arrive), file and bundle downloads (with their status and headers: range, digest) and
 * the live inbox's event stream. They stay on the JDK's HTTP client, apart from the typed REST clients, because the REST
 * client cannot be relied on to stream both ways: its InputStream answers have been read whole before being handed
 * over (quarkusio/quarkus#24405, #48755), and forwarding the body of the request being served has hung on the event
 * loop that would deliver it (#47884). A download must also pass on a 206 and its headers as they come. The measure
 * is a 2 GiB upload through a portal with a 96 MiB heap (portal/README.md).
 */
@ApplicationScoped
public class Streams {

    /** Until the service's answer begins (its status and headers); the body then takes as long as it takes. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Map<Service, String> baseUrls = new EnumMap<>(Service.class);
    private final SignedInHeaders signedIn;

    public Streams(Config config, SignedInHeaders signedIn) {
        for (Service service : Service.values()) {
            baseUrls.put(service, config.getValue("portal.services." + service.key, String.class));
        }
        this.signedIn = signedIn;
    }

    /** A streamed exchange: the caller reads the status and the body itself and must close the body. */
    public HttpResponse<InputStream> exchange(Service service, String method, String path,
                                              HttpRequest.BodyPublisher body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrls.get(service) + path))
                .timeout(ANSWER_WITHIN).method(method, body).header("Accept", "application/json");
        signedIn.headers().forEach(request::setHeader);
        headers.forEach(request::setHeader);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw Unanswered.unreachable(service, e);
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
            throw ServiceProblems.problem(response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ServiceProblem(response.statusCode(), "Refused", "The service refused the request");
        }
    }
}
