package org.compliance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * One large evidence file through {@code POST /requests/{id}/uploads}, beside {@code sha256sum} of the same
 * file in the same run, and the heap evidence-service needs while it streams the file: its heap is read over
 * JMX (the bench attaches to the process whose pid {@code infra/local/up} recorded), sampled during a timed
 * upload, and measured after a full GC at each quarter of a second upload, so that garbage the young
 * generation has not yet collected is not counted as memory the upload holds.
 */
public final class UploadBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final long MiB = 1024 * 1024;

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        long size = Long.parseLong(env.getOrDefault("BENCH_UPLOAD_MIB", "1024")) * MiB;
        String caseService = env.getOrDefault("BENCH_CASE_URL", "http://127.0.0.1:8081");
        String evidenceService = env.getOrDefault("BENCH_EVIDENCE_URL", "http://127.0.0.1:8082");
        String issuer = env.getOrDefault("BENCH_ISSUER", "http://127.0.0.1:8180/realms/compliance");
        Path file = Path.of(env.getOrDefault("BENCH_UPLOAD_FILE", "bench/target/upload.bin"));
        Optional<String> pid = Optional.ofNullable(env.get("BENCH_EVIDENCE_PID")).filter(p -> !p.isBlank());

        prepare(file, size);
        String iris = Tokens.password(issuer, "iris.investigator");
        String nora = Tokens.password(issuer, "nora.northwind");
        String requestId = openRequest(caseService, evidenceService, iris);
        String uploads = evidenceService + "/requests/" + requestId + "/uploads?fileName=" + file.getFileName();

        sha256sum(file); // warms the page cache for both readers
        Timed baseline = sha256sum(file);
        System.out.printf("Upload of %d MiB (request %s)%n", size / MiB, requestId);

        try (Heap heap = Heap.of(pid)) {
            upload(uploads, nora, file, size, Progress.NONE); // warm-up: JIT, connection, blob store
            heap.settle();
            long before = heap.used();
            AtomicLong peak = new AtomicLong(before);
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(heap.used(), Math::max), 0, 20,
                    TimeUnit.MILLISECONDS);
            Timed upload = upload(uploads, nora, file, size, Progress.NONE);
            sampler.shutdownNow();
            if (!upload.digest().equals(baseline.digest())) {
                throw new IllegalStateException("evidence-service computed " + upload.digest() + ", sha256sum "
                        + baseline.digest());
            }

            heap.settle();
            long settled = heap.used();
            LiveHeap live = new LiveHeap(heap, settled, size);
            upload(uploads, nora, file, size, live);

            double uploadRate = size / MiB / upload.seconds();
            double hashRate = size / MiB / baseline.seconds();
            System.out.printf("  %-44s %8.1f MiB/s  (%.2f s)%n", "REST: POST .../uploads (streamed, SHA-256)",
                    uploadRate, upload.seconds());
            System.out.printf("  %-44s %8.1f MiB/s  (%.2f s)%n", "Baseline: sha256sum of the same file",
                    hashRate, baseline.seconds());
            System.out.printf("  Ratio: %.0f%% (goal: at least 60%%)%n", 100 * uploadRate / hashRate);
            Results.record("Evidence upload, " + size / MiB + " MiB", "MiB/s streamed and hashed vs sha256sum",
                    uploadRate, hashRate, "MiB/s", true, "at least 80%");
            if (heap.attached()) {
                System.out.printf("  Heap of evidence-service: live growth at most %.1f MiB during an upload "
                                + "(after a full GC at 25/50/75%% of it; goal: under 64 MiB); in use rose by at most "
                                + "%.1f MiB including uncollected garbage%n",
                        live.maxGrowth() / (double) MiB, (peak.get() - before) / (double) MiB);
            } else {
                System.out.println("  Heap: not measured (set BENCH_EVIDENCE_PID to evidence-service's pid)");
            }
        }
    }

    record Timed(String digest, double seconds) {
    }

    /** Told how many bytes the upload has handed over so far. */
    private interface Progress {
        Progress NONE = sent -> {
        };

        void sent(long bytes);
    }

    static void prepare(Path file, long size) throws IOException {
        if (Files.exists(file) && Files.size(file) == size) {
            return;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        System.out.printf("Writing %d MiB of pseudo-random bytes to %s%n", size / MiB, file);
        SplittableRandom random = new SplittableRandom(20261122L);
        byte[] block = new byte[(int) MiB];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += block.length) {
                for (int i = 0; i < block.length; i += 8) {
                    long value = random.nextLong();
                    for (int b = 0; b < 8; b++) {
                        block[i + b] = (byte) (value >>> (8 * b));
                    }
                }
                out.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
    }

    static Timed sha256sum(Path file) throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder("sha256sum", file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("sha256sum failed: " + output);
        }
        return new Timed(output.substring(0, 64), (System.nanoTime() - start) / 1e9);
    }

    /** Streams the file with a fixed length, as curl -T would, telling {@code progress} as bytes go out. */
    private static Timed upload(String url, String token, Path file, long size, Progress progress) throws Exception {
        long start = System.nanoTime();
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(size);
        connection.setRequestProperty("Authorization", "Bearer " + token);
        connection.setRequestProperty("Content-Type", "application/octet-stream");
        try (InputStream in = Files.newInputStream(file); OutputStream out = connection.getOutputStream()) {
            byte[] buffer = new byte[256 * 1024];
            long sent = 0;
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                sent += n;
                progress.sent(sent);
            }
        }
        int status = connection.getResponseCode();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (status != 201) {
            throw new IllegalStateException("upload answered " + status + ": "
                    + new String(connection.getErrorStream().readAllBytes()));
        }
        JsonNode answer;
        try (InputStream body = connection.getInputStream()) {
            answer = JSON.readTree(body);
        }
        if (answer.path("sizeBytes").asLong() != size) {
            throw new IllegalStateException("evidence-service stored " + answer.path("sizeBytes") + " bytes");
        }
        return new Timed(answer.path("sha256").asText(), seconds);
    }

    /** Opens a case for the demo respondent, waits until evidence-service knows it, and issues a request. */
    static String openRequest(String caseService, String evidenceService, String token) throws Exception {
        JsonNode opened = post(caseService + "/cases", token, Map.of(
                "title", "Upload benchmark " + Instant.now(),
                "summary", "A case that receives one large evidence file",
                "authority", "Information Commissioner's Office",
                "legalBases", List.of("UK GDPR"),
                "respondents", List.of(Map.of("organisationAlias", "northwind-cloud", "name", "Northwind Cloud Ltd")),
                "allegations", List.of(Map.of("legalBasis", "UK GDPR Art. 5(1)(e)",
                        "description", "Evidence files kept longer than necessary"))));
        String caseId = opened.path("caseId").asText();
        Instant giveUp = Instant.now().plusSeconds(30);
        while (get(evidenceService + "/known-cases/" + caseId, token) != 200) {
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("evidence-service did not learn of case " + caseId);
            }
            Thread.sleep(100); // polls the condition above
        }
        return post(evidenceService + "/requests", token, Map.of("caseId", caseId,
                "respondentOrganisationAlias", "northwind-cloud", "items", List.of("Archive export"),
                "legalBasis", "UK GDPR Art. 58(1)(a)")).path("requestId").asText();
    }

    private static JsonNode post(String url, String token, Object body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static int get(String url, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** At each quarter of the upload: a full GC in evidence-service and its heap in use, beside the settled one. */
    private static final class LiveHeap implements Progress {
        private final Heap heap;
        private final long settled;
        private final long size;
        private long nextProbe;
        private long maxGrowth;

        LiveHeap(Heap heap, long settled, long size) {
            this.heap = heap;
            this.settled = settled;
            this.size = size;
            this.nextProbe = size / 4;
        }

        @Override
        public synchronized void sent(long bytes) {
            if (heap.attached() && bytes >= nextProbe && nextProbe < size) {
                nextProbe += size / 4;
                CompletableFuture.runAsync(() -> {
                    heap.settle();
                    record(heap.used() - settled);
                });
            }
        }

        private synchronized void record(long growth) {
            maxGrowth = Math.max(maxGrowth, growth);
        }

        synchronized long maxGrowth() {
            return maxGrowth;
        }
    }

    /** evidence-service's heap over JMX, through the local management agent of the process. */
    static final class Heap implements AutoCloseable {
        private final JMXConnector connector;
        private final MemoryMXBean memory;

        private Heap(JMXConnector connector, MemoryMXBean memory) {
            this.connector = connector;
            this.memory = memory;
        }

        static Heap of(Optional<String> pid) throws Exception {
            if (pid.isEmpty()) {
                return new Heap(null, null);
            }
            VirtualMachine vm = VirtualMachine.attach(pid.get());
            String address = vm.startLocalManagementAgent();
            vm.detach();
            JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
            MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(connector.getMBeanServerConnection(),
                    ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
            return new Heap(connector, memory);
        }

        boolean attached() {
            return memory != null;
        }

        long used() {
            return attached() ? memory.getHeapMemoryUsage().getUsed() : 0;
        }

        void settle() {
            if (attached()) {
                memory.gc();
            }
        }

        @Override
        public void close() throws IOException {
            if (connector != null) {
                connector.close();
            }
        }
    }
}
