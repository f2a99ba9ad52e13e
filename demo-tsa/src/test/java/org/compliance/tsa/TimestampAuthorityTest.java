package org.compliance.tsa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimestampAuthorityTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void a_token_given_before_a_restart_verifies_under_the_root_published_after_it() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("checkpoint".getBytes(StandardCharsets.UTF_8));
        TimeStampToken before;
        try (TimestampAuthority authority = TimestampAuthority.start(new InetSocketAddress("127.0.0.1", 0),
                TimestampAuthority.Credentials.loadOrCreate(dir))) {
            before = stamp(authority, digest);
        }
        String pemBefore = Files.readString(dir.resolve(TimestampAuthority.Credentials.ROOT_PEM));

        try (TimestampAuthority restarted = TimestampAuthority.start(new InetSocketAddress("127.0.0.1", 0),
                TimestampAuthority.Credentials.loadOrCreate(dir))) {
            String published = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restarted.port()
                    + "/certificate")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(published).isEqualTo(pemBefore)
                    .isEqualTo(Files.readString(dir.resolve(TimestampAuthority.Credentials.ROOT_PEM)));
            X509Certificate root = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(published.getBytes(StandardCharsets.US_ASCII)));

            TimeStampToken after = stamp(restarted, digest);
            for (TimeStampToken token : new TimeStampToken[] {before, after}) {
                X509CertificateHolder signer = (X509CertificateHolder) token.getCertificates()
                        .getMatches(token.getSID()).iterator().next();
                assertThat(signer.isSignatureValid(new org.bouncycastle.operator.jcajce
                        .JcaContentVerifierProviderBuilder().build(root.getPublicKey()))).isTrue();
                token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
                assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(digest);
            }
            assertThat(after.getTimeStampInfo().getSerialNumber())
                    .isNotEqualTo(before.getTimeStampInfo().getSerialNumber());
        }
    }

    @Test
    void a_directory_whose_keystore_is_not_the_authoritys_is_refused() throws Exception {
        Files.writeString(dir.resolve(TimestampAuthority.Credentials.KEYSTORE), "not a keystore");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TimestampAuthority.Credentials.loadOrCreate(dir))
                .isInstanceOf(java.io.IOException.class);
    }

    private static TimeStampToken stamp(TimestampAuthority authority, byte[] digest) throws Exception {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(NISTObjectIdentifiers.id_sha256, digest);
        HttpResponse<byte[]> answer = HTTP.send(HttpRequest.newBuilder(URI.create(authority.url()))
                .header("Content-Type", "application/timestamp-query")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        TimeStampResponse response = new TimeStampResponse(answer.body());
        response.validate(request);
        return response.getTimeStampToken();
    }
}
