package org.compliance.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A very large evidence file (20 GiB unless {@code BENCH_RESUME_GIB} says otherwise) through the resumable upload
 * (tus 1.0: {@code POST /requests/{id}/resumable-uploads}, then PATCHes), its connection cut twice (at a third and at two
 * thirds of the file, a TCP reset from the client's side) and resumed each time from the offset evidence-service says it
 * holds ({@code HEAD}). Measured: the throughput over the whole transfer, from creating the upload to the last PATCH's
 * answer, cuts and resumes included, beside {@code sha256sum} of the same file; evidence-service's SHA-256 against
 * sha256sum's; and its live heap (in use after a full GC, at every tenth of the file) against the heap before, which
 * should stay flat. Run by hand, never in CI: it needs the disk for the file twice over (the file and the blob) and
 * minutes. evidence-service must accept a file that large: start the suite with
 * {@code COMPLIANCE_EVIDENCE_MAX_FILE_BYTES} above the size (bench/README.md).
 */
public final class ResumedUploadBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final long MiB = 1024 * 1024;
    private static final String TUS = "1.0.0";

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        long size = (long) (Double.parseDouble(env.getOrDefault("BENCH_RESUME_GIB", "20")) * 1024) * MiB;
        long patchBytes = Long.parseLong(env.getOrDefault("BENCH_RESUME_PATCH_MIB", "4096")) * MiB;
        String caseService = env.getOrDefault("BENCH_CASE_URL", "http://127.0.0.1:8081");
        String evidenceService = env.getOrDefault("BENCH_EVIDENCE_URL", "http://127.0.0.1:8082");
        String issuer = env.getOrDefault("BENCH_ISSUER", "http://127.0.0.1:8180/realms/compliance");
        Path file = Path.of(env.getOrDefault("BENCH_RESUME_FILE", "bench/target/resume.bin"));
        Optional<String> pid = Optional.ofNullable(env.get("BENCH_EVIDENCE_PID")).filter(p -> !p.isBlank());

        UploadBench.prepare(file, size);
        String iris = Tokens.password(issuer, "iris.investigator");
        String requestId = UploadBench.openRequest(caseService, evidenceService, iris);
        UploadBench.sha256sum(file); // warms the page cache, as far as it holds the file
        UploadBench.Timed baseline = UploadBench.sha256sum(file);
        System.out.printf("Resumable upload of %d MiB, cut twice (request %s)%n", size / MiB, requestId);

        List<Long> cutsAt = List.of(size / 3, 2 * size / 3);
        try (UploadBench.Heap heap = UploadBench.Heap.of(pid)) {
            heap.settle();
            long settled = heap.used();
            AtomicLong peak = new AtomicLong(settled);
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(heap.used(), Math::max), 0, 20,
                    TimeUnit.MILLISECONDS);
            LiveHeap live = new LiveHeap(heap, settled, size);

            long start = System.nanoTime();
            String upload = create(evidenceService, requestId, Tokens.password(issuer, "nora.northwind"), file, size);
            List<String> resumes = new ArrayList<>();
            long offset = 0;
            int nextCut = 0;
            Map<String, String> last = Map.of();
            while (offset < size) {
                String nora = Tokens.password(issuer, "nora.northwind"); // a token per PATCH: the upload outlives one
                long end = Math.min(size, offset + patchBytes);
                long cut = nextCut < cutsAt.size() && cutsAt.get(nextCut) > offset && cutsAt.get(nextCut) < end
                        ? cutsAt.get(nextCut) : -1;
                last = patch(evidenceService + upload, nora, file, offset, end, cut, live);
                if (cut >= 0) {
                    nextCut++;
                    long held = heldAfterCut(evidenceService + upload, nora, offset);
                    resumes.add(String.format(Locale.ROOT, "cut at %d MiB, resumed from %d MiB (%d MiB sent again)",
                            cut / MiB, held / MiB, (cut - held) / MiB));
                    offset = held;
                } else {
                    offset = Long.parseLong(last.get("upload-offset"));
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            sampler.shutdownNow();
            String digest = last.get("evidence-sha256");
            if (!baseline.digest().equals(digest)) {
                throw new IllegalStateException("evidence-service computed " + digest + ", sha256sum "
                        + baseline.digest());
            }
            double uploadRate = size / MiB / seconds;
            double hashRate = size / MiB / baseline.seconds();
            resumes.forEach(r -> System.out.println("  " + r));
            System.out.printf("  %-52s %8.1f MiB/s  (%.1f s)%n", "tus: POST, PATCHes cut twice and resumed",
                    uploadRate, seconds);
            System.out.printf("  %-52s %8.1f MiB/s  (%.1f s)%n", "Baseline: sha256sum of the same file", hashRate,
                    baseline.seconds());
            System.out.printf("  Ratio: %.0f%% (goal: at least 80%%); SHA-256 %s, as sha256sum's%n",
                    100 * uploadRate / hashRate, digest);
            if (heap.attached()) {
                System.out.printf("  Heap of evidence-service: live growth at most %.1f MiB at each tenth of the file "
                                + "(after a full GC; goal: flat, under 64 MiB); in use rose by at most %.1f MiB "
                                + "including uncollected garbage%n", live.maxGrowth() / (double) MiB,
                        (peak.get() - settled) / (double) MiB);
            } else {
                System.out.println("  Heap: not measured (set BENCH_EVIDENCE_PID to evidence-service's pid)");
            }
        }
    }

    private static String create(String evidenceService, String requestId, String token, Path file, long size)
            throws Exception {
        String name = Base64.getEncoder().encodeToString(file.getFileName().toString()
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(evidenceService + "/requests/"
                        + requestId + "/resumable-uploads")).header("Authorization", "Bearer " + token)
                .header("Tus-Resumable", TUS).header("Upload-Length", String.valueOf(size))
                .header("Upload-Metadata", "filename " + name).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("creating the upload answered " + created.statusCode() + ": "
                    + created.body());
        }
        return created.headers().firstValue("Location").orElseThrow();
    }

    /**
     * One PATCH of the file's bytes from {@code offset} to {@code end}, over a socket of its own (HTTP/1.1 by hand, so
     * that the bench can cut it): at {@code cut} (when not -1) the connection is reset and nothing is answered.
     */
    private static Map<String, String> patch(String url, String token, Path file, long offset, long end, long cut,
                                             LiveHeap live) throws IOException {
        URI uri = URI.create(url);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort());
             FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nAuthorization: Bearer " + token + "\r\nTus-Resumable: " + TUS + "\r\nUpload-Offset: "
                    + offset + "\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: " + (end - offset)
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = Channels.newInputStream(channel.position(offset));
            byte[] buffer = new byte[256 * 1024];
            long sent = offset;
            long stop = cut >= 0 ? cut : end;
            while (sent < stop) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, stop - sent));
                out.write(buffer, 0, n);
                sent += n;
                live.sent(sent);
            }
            out.flush();
            if (cut >= 0) {
                socket.setSoLinger(true, 0); // a reset, as a failing network gives
                return Map.of();
            }
            Map<String, String> answer = answer(socket.getInputStream());
            if (!answer.get(":status").equals("204")) {
                throw new IllegalStateException("PATCH from " + offset + " answered " + answer);
            }
            return answer;
        }
    }

    /**
     * The offset the service holds once it has seen the cut PATCH end: HEAD tells it, and a PATCH of nothing from
     * there answers 204 only when no PATCH holds the upload any more (423 while the cut one is still being let go).
     */
    private static long heldAfterCut(String url, String token, long before) throws Exception {
        long giveUp = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < giveUp) {
            HttpResponse<Void> head = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token).header("Tus-Resumable", TUS)
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            long held = Long.parseLong(head.headers().firstValue("Upload-Offset").orElseThrow());
            HttpResponse<String> empty = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token).header("Tus-Resumable", TUS)
                    .header("Upload-Offset", String.valueOf(held))
                    .header("Content-Type", "application/offset+octet-stream")
                    .method("PATCH", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (empty.statusCode() == 204) {
                return held;
            }
            if (empty.statusCode() != 423 && empty.statusCode() != 409) {
                throw new IllegalStateException("resuming answered " + empty.statusCode() + ": " + empty.body());
            }
            Thread.sleep(50); // polls the condition above: the cut PATCH let go
        }
        throw new IllegalStateException("the cut PATCH from " + before + " was never let go");
    }

    /** The status and headers (lower-case names) of an HTTP/1.1 answer. */
    private static Map<String, String> answer(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw);
        Map<String, String> headers = new LinkedHashMap<>();
        String status = line(in);
        headers.put(":status", status.split(" ")[1]);
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        return headers;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    /** At each tenth of the file: a full GC in evidence-service and its heap in use, beside the settled one. */
    private static final class LiveHeap {
        private final UploadBench.Heap heap;
        private final long settled;
        private final long step;
        private long nextProbe;
        private long maxGrowth;

        LiveHeap(UploadBench.Heap heap, long settled, long size) {
            this.heap = heap;
            this.settled = settled;
            this.step = Math.max(1, size / 10);
            this.nextProbe = step;
        }

        void sent(long bytes) {
            if (heap.attached() && bytes >= nextProbe) {
                nextProbe = (bytes / step + 1) * step;
                Thread.ofVirtual().start(() -> {
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
}
