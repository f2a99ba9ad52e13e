package org.compliance.audit.adapters;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.compliance.audit.application.EvidenceFileSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Evidence files from evidence-service's {@code GET /requests/{id}/files/{fileId}}, as the caller. On the JDK's HTTP
 * client rather than the typed REST client, for the reason the portal's Streams gives: the REST client reads an
 * InputStream answer whole before handing it over, and a file may be gigabytes (decision 25).
 */
@ApplicationScoped
public class EvidenceServiceFiles implements EvidenceFileSource {

    /** Until evidence-service's answer begins; the body then takes as long as it takes. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final SecurityIdentity identity;
    private final String baseUrl;

    public EvidenceServiceFiles(SecurityIdentity identity,
                                @ConfigProperty(name = "compliance.services.evidence") String baseUrl) {
        this.identity = identity;
        this.baseUrl = baseUrl;
    }

    @Override
    public Downloads asCaller() {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        String authorization = token == null ? null : "Bearer " + token.getToken();
        return (requestId, fileId) -> open(authorization, requestId, fileId);
    }

    private InputStream open(String authorization, String requestId, String fileId) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/requests/" + segment(requestId)
                + "/files/" + segment(fileId))).timeout(ANSWER_WITHIN).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking evidence-service", e);
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("evidence-service answered " + response.statusCode());
        }
        return response.body();
    }

    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
