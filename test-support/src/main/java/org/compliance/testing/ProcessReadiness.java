package org.compliance.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** Waiting for a process the tests started to answer: the one loop Keycloak, S3Mock and the services share. */
public final class ProcessReadiness {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ProcessReadiness() {
    }

    /**
     * Returns once {@code url} answers 200; fails at once when the process exits, and when {@code giveUp} passes.
     * {@code name} and {@code log} say in the failure what did not start and where to look.
     */
    public static void await(Process process, String name, URI url, Instant giveUp, Path log) {
        while (Instant.now().isBefore(giveUp)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                var response = HTTP.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                process.waitFor(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(name + " did not answer " + url + " by " + giveUp + "; see " + log);
    }
}
