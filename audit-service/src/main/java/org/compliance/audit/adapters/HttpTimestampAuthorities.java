package org.compliance.audit.adapters;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.compliance.audit.application.TimestampAuthority;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The time-stamping authorities configured in {@code compliance.audit.timestamp-authorities} (URLs), asked over HTTP
 * as RFC 3161 section 3.4 describes: a POST of {@code application/timestamp-query}, answered with
 * {@code application/timestamp-reply}.
 */
@ApplicationScoped
public class HttpTimestampAuthorities {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Produces
    @ApplicationScoped
    List<TimestampAuthority> authorities(
            @ConfigProperty(name = "compliance.audit.timestamp-authorities") Optional<List<String>> urls) {
        return urls.orElse(List.of()).stream().filter(url -> !url.isBlank())
                .<TimestampAuthority>map(Http::new).toList();
    }

    private record Http(String url) implements TimestampAuthority {

        @Override
        public byte[] respond(byte[] request) throws IOException {
            try {
                HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/timestamp-query")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IOException("the authority answered HTTP " + response.statusCode());
                }
                return response.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (IllegalArgumentException e) {
                throw new IOException("not a usable URL: " + url, e);
            }
        }
    }
}
