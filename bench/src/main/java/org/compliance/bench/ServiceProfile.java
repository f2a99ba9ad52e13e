package org.compliance.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the suite's processes spend their CPU during a measured run: for each running service (its pid in
 * {@code .run/pids}), the CPU time it used (from {@code /proc/<pid>/stat}) and a flame graph reduced to what a reader
 * needs, from a JFR recording taken with {@code jcmd}: the share of samples per layer of the stack (the first frame,
 * from the top, of a known library or of our own code) and the hottest methods by their own samples. Off unless
 * {@code BENCH_PROFILE=1}; the recordings stay in {@code bench/target/profiles}.
 */
final class ServiceProfile {

    /** Layers by package prefix, checked in order on each frame from the top of the stack down. */
    private static final List<Map.Entry<String, String>> LAYERS = List.of(
            Map.entry("org.postgresql.", "PostgreSQL driver"),
            Map.entry("io.agroal.", "JDBC pool and JTA (Agroal, Narayana)"),
            Map.entry("com.arjuna.", "JDBC pool and JTA (Agroal, Narayana)"),
            Map.entry("io.vertx.sqlclient.", "reactive SQL client"),
            Map.entry("io.vertx.pgclient.", "reactive SQL client"),
            Map.entry("org.hibernate.", "Hibernate Reactive"),
            Map.entry("com.fasterxml.jackson.", "Jackson"),
            Map.entry("org.jose4j.", "token verification (jose4j, smallrye-jwt)"),
            Map.entry("io.smallrye.jwt.", "token verification (jose4j, smallrye-jwt)"),
            Map.entry("io.quarkus.oidc.", "OIDC"),
            Map.entry("sun.security.", "crypto (JDK)"),
            Map.entry("javax.crypto.", "crypto (JDK)"),
            Map.entry("com.sun.crypto.", "crypto (JDK)"),
            Map.entry("org.axonframework.", "Axon"),
            Map.entry("org.jboss.resteasy.reactive.", "RESTEasy Reactive"),
            Map.entry("io.quarkus.resteasy.reactive.", "RESTEasy Reactive"),
            Map.entry("io.netty.", "Vert.x and Netty (HTTP, event loops)"),
            Map.entry("io.vertx.", "Vert.x and Netty (HTTP, event loops)"),
            Map.entry("org.jboss.logmanager.", "logging"),
            Map.entry("org.jboss.logging.", "logging"),
            Map.entry("io.opentelemetry.", "OpenTelemetry"),
            Map.entry("io.micrometer.", "metrics"),
            Map.entry("com.icegreen.", "mail"),
            Map.entry("org.eclipse.angus.", "mail"),
            Map.entry("jakarta.mail.", "mail"),
            Map.entry("org.compliance.", "our code"));

    private record Service(String name, long pid, Path recording, long cpuTicksBefore) {
    }

    private final List<Service> services;
    private final boolean on;
    private final long postgresTicksBefore;

    private ServiceProfile(List<Service> services, boolean on) throws IOException {
        this.services = services;
        this.on = on;
        this.postgresTicksBefore = on ? postgresTicks() : 0;
    }

    /** Starts a recording in every service whose pid file {@code BENCH_PIDS} (the launcher's .run/pids) holds. */
    static ServiceProfile start(String label) throws IOException, InterruptedException {
        String pids = System.getenv("BENCH_PIDS");
        if (!"1".equals(System.getenv("BENCH_PROFILE")) || pids == null || !Files.isDirectory(Path.of(pids))) {
            return new ServiceProfile(List.of(), false);
        }
        Path out = Path.of(System.getenv().getOrDefault("BENCH_PROFILES", "bench/target/profiles"));
        Files.createDirectories(out);
        List<Service> services = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(pids))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pid")).sorted().toList()) {
                String name = file.getFileName().toString().replace(".pid", "");
                // the launcher's pid files hold the pid and the process's start time
                long pid = Long.parseLong(Files.readString(file).trim().split("\\s+")[0]);
                if (!Files.exists(Path.of("/proc/" + pid))) {
                    continue;
                }
                Path recording = out.resolve(label + "-" + name + ".jfr").toAbsolutePath();
                Files.deleteIfExists(recording);
                try {
                    jcmd(pid, "JFR.start", "name=bench", "settings=profile", "filename=" + recording);
                } catch (IllegalStateException notJava) {
                    System.out.printf("  Not profiling %s (pid %d): %s%n", name, pid, notJava.getMessage().lines()
                            .findFirst().orElse(""));
                    continue;
                }
                services.add(new Service(name, pid, recording, cpuTicks(pid)));
            }
        }
        System.out.printf("  Profiling %d processes with JFR (%s)%n", services.size(), out);
        return new ServiceProfile(services, true);
    }

    /** Stops the recordings and prints, per service, CPU per operation, layers and hottest methods. */
    void report(long operations) throws IOException, InterruptedException {
        if (!on) {
            return;
        }
        long ticksPerSecond = 100; // USER_HZ on Linux
        System.out.printf("%n  PostgreSQL (every backend): %.2f ms of CPU per operation%n",
                (postgresTicks() - postgresTicksBefore) * 1000.0 / ticksPerSecond / operations);
        for (Service service : services) {
            long ticks = cpuTicks(service.pid()) - service.cpuTicksBefore();
            jcmd(service.pid(), "JFR.stop", "name=bench");
            System.out.printf("%n  %s: %.2f ms of CPU per operation (%d operations)%n", service.name(),
                    ticks * 1000.0 / ticksPerSecond / operations, operations);
            summarize(service.recording());
        }
    }

    private static void summarize(Path recording) throws IOException {
        Map<String, Integer> layers = new LinkedHashMap<>();
        Map<String, Integer> hottest = new LinkedHashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            layers.merge(layer(frames), 1, Integer::sum);
            RecordedFrame top = frames.get(0);
            hottest.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1, Integer::sum);
        }
        if (samples == 0) {
            System.out.println("    no samples");
            return;
        }
        int total = samples;
        System.out.printf("    %d samples; by layer (the first known frame from the top of each stack):%n", total);
        layers.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
                .forEach(e -> System.out.printf("      %5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
        System.out.println("    hottest methods by their own samples:");
        hottest.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(10)
                .forEach(e -> System.out.printf("      %5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
    }

    private static String layer(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, String> layer : LAYERS) {
                if (type.startsWith(layer.getKey())) {
                    return layer.getValue();
                }
            }
        }
        return "JDK and other";
    }

    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        // fields after the command's closing parenthesis: state is field 3, utime 14, stime 15
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** CPU of every PostgreSQL process now running (backends come and go; pooled ones stay for the run). */
    private static long postgresTicks() throws IOException {
        long ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList()) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    if (stat.contains("(postgres)")) {
                        ticks += cpuTicks(Long.parseLong(process.getFileName().toString()));
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        }
        return ticks;
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        line.add(Long.toString(pid));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed for " + pid + ": " + output);
        }
    }
}
