package org.compliance.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * A real RFC 3161 time-stamping authority on this machine, for tests: HTTP POST of {@code application/timestamp-query}
 * on {@code /tsa}, answered with a token signed by its own key, under a certificate for time-stamping issued by its
 * own root (both made at start). Its clock can be set ahead, as an authority asked later would be.
 */
public final class LocalTimestampAuthority implements AutoCloseable {

    private final HttpServer server;
    private final X509Certificate root;
    private final X509Certificate certificate;
    private final TimeStampResponseGenerator responses;
    private final AtomicLong serial = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private volatile Clock clock = Clock.systemUTC();

    private LocalTimestampAuthority(HttpServer server, X509Certificate root, X509Certificate certificate,
                                    TimeStampResponseGenerator responses) {
        this.server = server;
        this.root = root;
        this.certificate = certificate;
        this.responses = responses;
    }

    public static LocalTimestampAuthority start() {
        try {
            KeyPairGenerator keys = KeyPairGenerator.getInstance("EC");
            keys.initialize(256);
            KeyPair rootKeys = keys.generateKeyPair();
            KeyPair tsaKeys = keys.generateKeyPair();
            Instant now = Instant.now();
            X500Name rootName = new X500Name("CN=Local test time-stamping root,O=Compliance suite tests");
            X509Certificate root = new JcaX509CertificateConverter().getCertificate(
                    new JcaX509v3CertificateBuilder(rootName, BigInteger.ONE, Date.from(now.minus(Duration.ofDays(1))),
                            Date.from(now.plus(Duration.ofDays(3650))), rootName, rootKeys.getPublic())
                            .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                            .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign))
                            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(rootKeys.getPrivate())));
            X509Certificate tsa = new JcaX509CertificateConverter().getCertificate(
                    new JcaX509v3CertificateBuilder(rootName, BigInteger.TWO, Date.from(now.minus(Duration.ofDays(1))),
                            Date.from(now.plus(Duration.ofDays(3650))),
                            new X500Name("CN=Local test time-stamping authority,O=Compliance suite tests"),
                            tsaKeys.getPublic())
                            .addExtension(Extension.extendedKeyUsage, true,
                                    new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping))
                            .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(rootKeys.getPrivate())));
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA", tsaKeys.getPrivate(), tsa),
                    new JcaDigestCalculatorProviderBuilder().build().get(
                            new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                                    org.bouncycastle.asn1.oiw.OIWObjectIdentifiers.idSHA1)),
                    new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.3.6.1.4.1.99999.3161.1"));
            tokens.addCertificates(new JcaCertStore(java.util.List.of(tsa)));
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            LocalTimestampAuthority authority = new LocalTimestampAuthority(server, root, tsa,
                    new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED));
            server.createContext("/tsa", exchange -> {
                try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                    if (!"POST".equals(exchange.getRequestMethod())) {
                        exchange.sendResponseHeaders(405, -1);
                        return;
                    }
                    byte[] answer = authority.answer(in.readAllBytes());
                    exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
                    exchange.sendResponseHeaders(200, answer.length);
                    out.write(answer);
                }
            });
            server.start();
            return authority;
        } catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException
                 | org.bouncycastle.tsp.TSPException e) {
            throw new IllegalStateException("The local time-stamping authority cannot start", e);
        }
    }

    private byte[] answer(byte[] request) throws IOException {
        requests.incrementAndGet();
        try {
            return responses.generate(new TimeStampRequest(request), BigInteger.valueOf(serial.incrementAndGet()),
                    Date.from(clock.instant())).getEncoded();
        } catch (org.bouncycastle.tsp.TSPException | RuntimeException e) {
            try {
                return responses.generateRejectedResponse(e).getEncoded();
            } catch (org.bouncycastle.tsp.TSPException rejected) {
                throw new IOException(rejected);
            }
        }
    }

    /** The URL time-stamp requests are posted to. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/tsa";
    }

    /** The root that issued the authority's certificate: what a verifier trusts. */
    public X509Certificate root() {
        return root;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The root's certificate as PEM, as an authority publishes it. */
    public String rootPem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(root.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Time-stamp requests answered so far. */
    public long requests() {
        return requests.get();
    }

    /** Its clock from now on: e.g. one set ahead, standing for the authority asked at a later moment. */
    public void clock(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
