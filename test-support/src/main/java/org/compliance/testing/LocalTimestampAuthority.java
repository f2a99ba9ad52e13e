package org.compliance.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Clock;
import org.compliance.tsa.TimestampAuthority;

/**
 * A real RFC 3161 time-stamping authority on this machine, for tests: HTTP POST of {@code application/timestamp-query}
 * on {@code /tsa}, answered with a token signed by its own key, under a certificate for time-stamping issued by its
 * own root (both made at start). The demo's authority (demo-tsa) is the same one. Its clock can be set ahead, as an
 * authority asked later would be.
 */
public final class LocalTimestampAuthority implements AutoCloseable {

    private final TimestampAuthority authority;

    private LocalTimestampAuthority(TimestampAuthority authority) {
        this.authority = authority;
    }

    public static LocalTimestampAuthority start() {
        try {
            return new LocalTimestampAuthority(TimestampAuthority.start(new InetSocketAddress("127.0.0.1", 0),
                    TimestampAuthority.Credentials.generate("test")));
        } catch (IOException e) {
            throw new UncheckedIOException("The local time-stamping authority cannot start", e);
        }
    }

    /** The URL time-stamp requests are posted to. */
    public String url() {
        return authority.url();
    }

    /** The root that issued the authority's certificate: what a verifier trusts. */
    public X509Certificate root() {
        return authority.root();
    }

    public X509Certificate certificate() {
        return authority.certificate();
    }

    /** The root's certificate as PEM, as an authority publishes it. */
    public String rootPem() {
        return authority.rootPem();
    }

    /** Time-stamp requests answered so far. */
    public long requests() {
        return authority.requests();
    }

    /** Its clock from now on: e.g. one set ahead, standing for the authority asked at a later moment. */
    public void clock(Clock clock) {
        authority.clock(clock);
    }

    @Override
    public void close() {
        authority.close();
    }
}
