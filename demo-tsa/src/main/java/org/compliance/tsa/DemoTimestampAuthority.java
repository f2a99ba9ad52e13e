package org.compliance.tsa;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * The demo's time-stamping authority as a process (infra/local/up):
 * {@code java -jar demo-tsa.jar --port <port> --dir <directory>}. Its key and certificates stay in the directory across
 * restarts, with the root's PEM ({@value TimestampAuthority.Credentials#ROOT_PEM}) for auditors; it runs until stopped.
 */
public final class DemoTimestampAuthority {

    private DemoTimestampAuthority() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Integer port = null;
        Path directory = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.valueOf(args[i + 1]);
                case "--dir" -> directory = Path.of(args[i + 1]);
                default -> usage();
            }
        }
        if (port == null || directory == null || args.length % 2 != 0) {
            usage();
            return;
        }
        TimestampAuthority authority = TimestampAuthority.start(new InetSocketAddress("127.0.0.1", port),
                TimestampAuthority.Credentials.loadOrCreate(directory));
        Runtime.getRuntime().addShutdownHook(new Thread(authority::close));
        System.out.println("RFC 3161 time-stamping authority at " + authority.url() + "; its root certificate: "
                + directory.resolve(TimestampAuthority.Credentials.ROOT_PEM).toAbsolutePath()
                + " (also GET http://127.0.0.1:" + authority.port() + "/certificate)");
        Thread.currentThread().join();
    }

    private static void usage() {
        System.err.println("usage: java -jar demo-tsa.jar --port <port> --dir <directory for its key and certificate>");
        System.exit(2);
    }
}
