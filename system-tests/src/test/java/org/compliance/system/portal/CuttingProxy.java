package org.compliance.system.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy between the browser and the portal that can cut the connection once: armed with a number of bytes, it
 * drops the connection that carries the browser's bytes past it (both ends, as a network failing would), then passes
 * everything on again. It counts the bytes the browser sent through it.
 */
final class CuttingProxy implements AutoCloseable {

    /** A PATCH's request line and headers as far as its Upload-Offset (headers arrive in one piece). */
    private static final Pattern PATCH = Pattern.compile("PATCH [^\r\n]*\r\n(?:[^\r\n]+\r\n)*?"
            + "Upload-Offset: *([0-9]+)\r\n", Pattern.CASE_INSENSITIVE);

    private final ServerSocket server;
    private final int target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicLong cutAfter = new AtomicLong(-1);
    private final AtomicLong sinceArmed = new AtomicLong();
    private final AtomicLong upstream = new AtomicLong();
    private final AtomicInteger cuts = new AtomicInteger();
    private final List<Long> patchOffsets = new CopyOnWriteArrayList<>();

    CuttingProxy(int target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    /** The portal's address through the proxy. */
    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Cuts the connection that carries the browser's bytes past {@code bytes} more from now; once. */
    void cutOnceAfter(long bytes) {
        sinceArmed.set(0);
        cutAfter.set(bytes);
    }

    int cuts() {
        return cuts.get();
    }

    /** Bytes the browser has sent through the proxy so far. */
    long upstream() {
        return upstream.get();
    }

    /** The Upload-Offset of each tus PATCH the browser sent through the proxy, in order. */
    List<Long> patchOffsets() {
        return List.copyOf(patchOffsets);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket browser = server.accept();
                Socket portal = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(browser);
                open.add(portal);
                Thread.ofVirtual().start(() -> pump(browser, portal, true));
                Thread.ofVirtual().start(() -> pump(portal, browser, false));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void pump(Socket from, Socket to, boolean fromBrowser) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (fromBrowser) {
                    upstream.addAndGet(n);
                    Matcher patch = PATCH.matcher(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                    while (patch.find()) {
                        patchOffsets.add(Long.parseLong(patch.group(1)));
                    }
                    long limit = cutAfter.get();
                    if (limit >= 0 && sinceArmed.addAndGet(n) > limit && cutAfter.compareAndSet(limit, -1)) {
                        cuts.incrementAndGet();
                        from.setSoLinger(true, 0); // a reset, not a polite end
                        to.setSoLinger(true, 0);
                        from.close();
                        to.close();
                        return;
                    }
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went: the other goes too
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }
}
