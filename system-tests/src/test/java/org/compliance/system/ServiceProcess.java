package org.compliance.system;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.compliance.testing.ProcessReadiness;

/**
 * One packaged service ({@code target/quarkus-app}) running as its own operating-system process: in the "demo"
 * profile with the demo's secrets (infra/local/demo-secrets.env), as the local launcher runs it, unless a test
 * gives it another profile and environment.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofMinutes(5);

    private final String name;
    private final List<String> jvmOptions;
    private final int port;
    private final Map<String, String> properties;
    private final String profile;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    public ServiceProcess(String name, int port, Map<String, String> properties) {
        this(name, port, properties, "demo", DemoSecrets.environment());
    }

    /** One of several instances of a service: logged to {@code target/system/<label>.log}, with JVM options. */
    public ServiceProcess(String name, String label, int port, Map<String, String> properties,
                          List<String> jvmOptions) {
        this(name, label, port, properties, "demo", DemoSecrets.environment(), jvmOptions);
    }

    public ServiceProcess(String name, int port, Map<String, String> properties, String profile,
                          Map<String, String> environment) {
        this(name, name, port, properties, profile, environment, List.of());
    }

    private ServiceProcess(String name, String label, int port, Map<String, String> properties, String profile,
                           Map<String, String> environment, List<String> jvmOptions) {
        this.name = name;
        this.port = port;
        this.properties = properties;
        this.profile = profile;
        this.environment = environment;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.log = Path.of("target", "system", label + ".log").toAbsolutePath();
    }

    /** Starts the process; its output is appended to {@code target/system/<name>.log} across restarts. */
    public ServiceProcess start() {
        Path jar = Path.of(System.getProperty("compliance.root"), name, "target", "quarkus-app", "quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package " + name + " first");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.profile=" + profile);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + name, e);
        }
    }

    /**
     * Returns once the service's readiness check passes (Axon running, database reachable). A service that died
     * fails at once; a live one gets minutes, as a machine shared by several builds starts one in two or more.
     */
    public ServiceProcess awaitReady() {
        ProcessReadiness.await(process, name, URI.create(url("/q/health/ready")), Instant.now().plus(READY_WITHIN), log);
        return this;
    }

    /** Ends the process the hard way (SIGKILL): no shutdown hook runs, claims and transactions are cut off. */
    public void crash() {
        process.destroyForcibly();
        awaitExit();
    }

    /** Waits up to {@code within} for the process to end; its exit value, or empty while it still runs. */
    public OptionalInt awaitEnd(Duration within) {
        try {
            return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)
                    ? OptionalInt.of(process.exitValue()) : OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Path log() {
        return log;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            awaitExit();
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
