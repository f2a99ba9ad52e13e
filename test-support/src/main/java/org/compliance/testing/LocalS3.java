package org.compliance.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * An S3-compatible server for the evidence tests: S3Mock's executable jar from Maven Central (copied by the infra
 * module, found through the {@code s3mock.jar} system property), as a process of its own on free ports, no Docker
 * (decision 18). It implements multipart uploads, ranged reads, versioning and Object Lock (retention and legal
 * holds are recorded and answered, though it does not refuse deleting a locked object). One per test JVM, started
 * on first use (it takes a while) and stopped when the JVM ends; each test takes a bucket of its own.
 */
public final class LocalS3 implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String SHARED_ENDPOINT = "compliance.test.s3mock.endpoint";

    /** The server's process, or null when another class loader started it (and stops it). */
    private final Process process;
    private final URI endpoint;

    private LocalS3(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /**
     * The one server of this JVM, started on first use. Quarkus loads test resources in a class loader of its own,
     * so the server's address is kept in a system property, which every class loader of the JVM sees.
     */
    public static LocalS3 shared() {
        synchronized (System.class) {
            String running = System.getProperty(SHARED_ENDPOINT);
            if (running != null) {
                return new LocalS3(null, URI.create(running));
            }
            LocalS3 started = start(Path.of("target", "s3mock"));
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-s3mock"));
            System.setProperty(SHARED_ENDPOINT, started.endpoint.toString());
            return started;
        }
    }

    /** Starts S3Mock keeping its objects under {@code directory}; returns once it answers the S3 API. */
    public static LocalS3 start(Path directory) {
        Path jar = Path.of(System.getProperty("s3mock.jar", ""));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No S3Mock jar at '" + jar + "': build the infra module first");
        }
        int port = LocalKeycloak.freePort();
        try {
            Path root = directory.toAbsolutePath().resolve("root-" + port);
            Files.createDirectories(root);
            Path log = directory.toAbsolutePath().resolve("s3mock-" + port + ".log");
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
                    jar.toString(), "--http.port=" + port, "--server.port=" + LocalKeycloak.freePort()))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("COM_ADOBE_TESTING_S3MOCK_STORE_ROOT", root.toString());
            LocalS3 s3 = new LocalS3(builder.start(), URI.create("http://127.0.0.1:" + port));
            try {
                ProcessReadiness.await(s3.process, "S3Mock", s3.endpoint.resolve("/"), Instant.now().plus(STARTUP), log);
            } catch (RuntimeException e) {
                s3.close();
                throw e;
            }
            return s3;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start S3Mock from " + jar, e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Creates a new bucket, versioned and with Object Lock when asked, and answers its name. */
    public String newBucket(boolean objectLock) {
        String name = "evidence-" + UUID.randomUUID().toString().substring(0, 8);
        HttpRequest.Builder create = HttpRequest.newBuilder(endpoint.resolve("/" + name))
                .PUT(HttpRequest.BodyPublishers.noBody());
        if (objectLock) {
            create.header("x-amz-bucket-object-lock-enabled", "true");
        }
        try {
            HttpResponse<String> response = HTTP.send(create.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("S3Mock did not create bucket " + name + ": " + response.body());
            }
            return name;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
