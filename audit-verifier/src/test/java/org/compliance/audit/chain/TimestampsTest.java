package org.compliance.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.compliance.testing.LocalTimestampAuthority;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real RFC 3161 authority on this machine, over HTTP. */
class TimestampsTest {

    private static LocalTimestampAuthority authority;
    private static LocalTimestampAuthority stranger;

    @BeforeAll
    static void authorities() {
        authority = LocalTimestampAuthority.start();
        stranger = LocalTimestampAuthority.start();
    }

    @AfterAll
    static void stop() {
        authority.close();
        stranger.close();
    }

    private static byte[] stamp(LocalTimestampAuthority tsa, byte[] signed) throws Exception {
        byte[] request = Timestamps.request(signed);
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(tsa.url()))
                .header("Content-Type", "application/timestamp-query")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return Timestamps.token(request, response.body());
    }

    private static final byte[] SIGNED = "compliance-checkpoint/2\n42\n...".getBytes(StandardCharsets.UTF_8);

    @Test
    void aTokenStampsTheSignedTextAtTheAuthoritysTimeUnderItsTrustedRoot() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        byte[] token = stamp(authority, SIGNED);

        Timestamps.Stamp stamp = Timestamps.verify(token, SIGNED, List.of(authority.root()));

        assertThat(stamp.time()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(stamp.authority()).contains("Local test time-stamping authority");
        assertThat(stamp.certificateFingerprint()).isEqualTo(Timestamps.fingerprint(authority.certificate()));
        assertThat(Timestamps.verify(token, SIGNED, List.of()).time()).isEqualTo(stamp.time());
        assertThat(Timestamps.verify(token, SIGNED, Timestamps.certificates(
                authority.rootPem().getBytes(StandardCharsets.US_ASCII))).time()).isEqualTo(stamp.time());
    }

    @Test
    void aTokenForOtherBytesAnUntrustedAuthorityOrGarbageIsRefused() throws Exception {
        byte[] token = stamp(authority, SIGNED);
        byte[] other = "compliance-checkpoint/2\n43\n...".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Timestamps.verify(token, other, List.of(authority.root())))
                .isInstanceOf(Timestamps.Invalid.class).hasMessageContaining("other bytes");
        assertThatThrownBy(() -> Timestamps.verify(stamp(stranger, SIGNED), SIGNED, List.of(authority.root())))
                .isInstanceOf(Timestamps.Invalid.class).hasMessageContaining("not by a trusted");
        assertThatThrownBy(() -> Timestamps.verify(new byte[] {1, 2, 3}, SIGNED, List.of()))
                .isInstanceOf(Timestamps.Invalid.class).hasMessageContaining("not an RFC 3161");
        byte[] altered = token.clone();
        altered[altered.length - 10] ^= 1;
        assertThatThrownBy(() -> Timestamps.verify(altered, SIGNED, List.of(authority.root())))
                .isInstanceOf(Timestamps.Invalid.class);
    }

    @Test
    void anAuthorityAskedLaterStampsItsOwnTimeNotTheOneTheOperatorClaims() throws Exception {
        stranger.clock(Clock.offset(Clock.system(ZoneOffset.UTC), Duration.ofDays(30)));
        try {
            Timestamps.Stamp later = Timestamps.verify(stamp(stranger, SIGNED), SIGNED, List.of(stranger.root()));
            assertThat(later.time()).isAfter(Instant.now().plus(Duration.ofDays(29)));
        } finally {
            stranger.clock(Clock.systemUTC());
        }
    }

    @Test
    void aResponseToAnotherRequestIsRefused() throws Exception {
        byte[] request = Timestamps.request(SIGNED);
        byte[] otherRequest = Timestamps.request(SIGNED);
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(authority.url()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(otherRequest)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThatThrownBy(() -> Timestamps.token(request, response.body()))
                .isInstanceOf(Timestamps.Invalid.class);
    }
}
