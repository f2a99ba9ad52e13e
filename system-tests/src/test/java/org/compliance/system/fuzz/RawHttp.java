package org.compliance.system.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HTTP/1.1 on a plain socket, one connection per request. The fuzzer needs what a well-behaved client refuses to
 * send: a raw {@code %} or {@code \} in the request target, a body declared as anything or nothing, a chunked body
 * far past the limit while the answer is read at the same time (a server may answer 413 before it has read all).
 */
final class RawHttp {

    /** How much of an answer is kept; the whole length is still counted. */
    static final int KEPT_BYTES = 256 * 1024;
    private static final int TIMEOUT_MS = 30_000;

    record Answer(int status, Map<String, String> headers, byte[] body, long bodyLength, String failure) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        boolean answered() {
            return failure == null;
        }
    }

    /** What to send as the body: nothing, bytes with their length, or bytes chunked without a length. */
    record Body(byte[] bytes, boolean chunked, int repeat) {

        static final Body NONE = new Body(null, false, 0);

        static Body of(byte[] bytes) {
            return new Body(bytes, false, 1);
        }

        /** {@code bytes} sent {@code repeat} times in chunks, with no Content-Length. */
        static Body chunked(byte[] bytes, int repeat) {
            return new Body(bytes, true, repeat);
        }

        long length() {
            return bytes == null ? 0 : (long) bytes.length * repeat;
        }
    }

    private RawHttp() {
    }

    static Answer send(int port, String method, String target, List<Map.Entry<String, String>> headers, Body body) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            socket.setSoTimeout(TIMEOUT_MS);
            CompletableFuture<Answer> answer = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try {
                    answer.complete(read(socket.getInputStream(), method));
                } catch (IOException | RuntimeException e) {
                    answer.complete(new Answer(0, Map.of(), new byte[0], 0, "no answer: " + e));
                }
            });
            try {
                write(socket.getOutputStream(), port, method, target, headers, body, answer);
            } catch (IOException e) {
                // the server may have answered and closed before reading everything: its answer decides
            }
            try {
                return answer.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                return new Answer(0, Map.of(), new byte[0], 0, "no answer within " + TIMEOUT_MS + " ms");
            }
        } catch (IOException e) {
            return new Answer(0, Map.of(), new byte[0], 0, "connection failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(OutputStream out, int port, String method, String target,
                              List<Map.Entry<String, String>> headers, Body body, CompletableFuture<Answer> answer)
            throws IOException {
        StringBuilder head = new StringBuilder().append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n").append("Connection: close\r\n");
        headers.forEach(h -> head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n"));
        if (body.bytes() != null) {
            head.append(body.chunked() ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length() + "\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body.bytes() == null) {
            out.flush();
            return;
        }
        if (!body.chunked()) {
            out.write(body.bytes());
            out.flush();
            return;
        }
        byte[] size = (Integer.toHexString(body.bytes().length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < body.repeat() && !answer.isDone(); i++) {
            out.write(size);
            out.write(body.bytes());
            out.write('\r');
            out.write('\n');
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static Answer read(InputStream in, String method) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            return new Answer(0, Map.of(), new byte[0], 0, "no answer: the connection was closed");
        }
        String[] parts = statusLine.split(" ", 3);
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.merge(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip(),
                    (a, b) -> a + ", " + b);
        }
        String type = headers.getOrDefault("content-type", "");
        if (method.equals("HEAD") || status == 204 || status == 304 || type.startsWith("text/event-stream")) {
            return new Answer(status, headers, new byte[0], 0, null);
        }
        Kept kept = new Kept();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (long size = Long.parseLong(line(in).split(";")[0].strip(), 16); size > 0;
                 size = Long.parseLong(line(in).split(";")[0].strip(), 16)) {
                kept.copy(in, size);
                line(in);
            }
        } else if (headers.containsKey("content-length")) {
            kept.copy(in, Long.parseLong(headers.get("content-length")));
        } else {
            kept.copy(in, Long.MAX_VALUE);
        }
        return new Answer(status, headers, kept.bytes.toByteArray(), kept.total, null);
    }

    /** The first {@link #KEPT_BYTES} of a body, and how long it was. */
    private static final class Kept {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long total;

        void copy(InputStream in, long length) throws IOException {
            byte[] buffer = new byte[16 * 1024];
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    if (length == Long.MAX_VALUE) {
                        return;
                    }
                    throw new IOException("the answer ended after " + total + " of " + length + " bytes");
                }
                int keep = (int) Math.max(0, Math.min(n, KEPT_BYTES - bytes.size()));
                bytes.write(buffer, 0, keep);
                total += n;
                left -= n;
            }
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

}
