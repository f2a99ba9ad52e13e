package org.compliance.tsa;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * An RFC 3161 time-stamping authority over HTTP (Bouncy Castle's TSP generator): {@code POST /tsa} with an
 * {@code application/timestamp-query} is answered with a token signed by its key, under a certificate for
 * time-stamping issued by its own root; {@code GET /certificate} publishes that root (PEM), what a verifier trusts.
 * Its clock can be set ahead, as an authority asked later would be.
 */
public final class TimestampAuthority implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final Credentials credentials;
    private final TimeStampResponseGenerator responses;
    private final AtomicLong requests = new AtomicLong();
    private volatile Clock clock = Clock.systemUTC();

    private TimestampAuthority(HttpServer server, Credentials credentials, TimeStampResponseGenerator responses) {
        this.server = server;
        this.credentials = credentials;
        this.responses = responses;
    }

    /** Serves on {@code address} (port 0: any free one) with {@code credentials}. */
    public static TimestampAuthority start(InetSocketAddress address, Credentials credentials) throws IOException {
        TimeStampResponseGenerator responses;
        try {
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA", credentials.key(),
                            credentials.certificate()),
                    new JcaDigestCalculatorProviderBuilder().build().get(
                            new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1)),
                    new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.3161.1"));
            tokens.addCertificates(new JcaCertStore(List.of(credentials.certificate())));
            responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        } catch (GeneralSecurityException | OperatorCreationException | TSPException e) {
            throw new IllegalStateException("The time-stamping authority cannot sign with its credentials", e);
        }
        HttpServer server = HttpServer.create(address, 0);
        TimestampAuthority authority = new TimestampAuthority(server, credentials, responses);
        server.createContext("/tsa", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                if (!"POST".equals(exchange.getRequestMethod())) {
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                send(exchange, "application/timestamp-reply", authority.answer(in.readAllBytes()));
            }
        });
        server.createContext("/certificate", exchange -> {
            try (exchange) {
                if (!"GET".equals(exchange.getRequestMethod())) {
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                send(exchange, "application/pem-certificate-chain",
                        credentials.rootPem().getBytes(StandardCharsets.US_ASCII));
            }
        });
        server.start();
        return authority;
    }

    private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private byte[] answer(byte[] request) throws IOException {
        requests.incrementAndGet();
        // Unique across restarts with the same key (RFC 3161 2.4.2), without a counter to keep.
        BigInteger serial = new BigInteger(120, RANDOM);
        try {
            return responses.generate(new TimeStampRequest(request), serial, Date.from(clock.instant())).getEncoded();
        } catch (TSPException | RuntimeException e) {
            try {
                return responses.generateRejectedResponse(e).getEncoded();
            } catch (TSPException rejected) {
                throw new IOException(rejected);
            }
        }
    }

    /** The URL time-stamp requests are posted to. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/tsa";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The root that issued the authority's certificate: what a verifier trusts. */
    public X509Certificate root() {
        return credentials.root();
    }

    public X509Certificate certificate() {
        return credentials.certificate();
    }

    /** The root's certificate as PEM, as an authority publishes it. */
    public String rootPem() {
        return credentials.rootPem();
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

    /**
     * The authority's signing key, its certificate for time-stamping and the root that issued it. The root's own key
     * is thrown away once it has issued the certificate: nothing else is ever issued under it.
     */
    public record Credentials(PrivateKey key, X509Certificate certificate, X509Certificate root) {

        /** The keystore of {@link #loadOrCreate}: a demo authority's, hence a password in the open. */
        static final String KEYSTORE = "authority.p12";
        /** The root's certificate next to it, where an auditor takes it for the verifier's --tsa-certificate. */
        public static final String ROOT_PEM = "authority.pem";
        private static final char[] PASSWORD = "demo-tsa".toCharArray();
        private static final String ALIAS = "tsa";

        /**
         * A fresh root and a certificate for time-stamping issued by it, each valid ten years; {@code who} names both
         * (e.g. "test": "CN=Local test time-stamping authority,O=Compliance suite test").
         */
        public static Credentials generate(String who) {
            try {
                KeyPairGenerator keys = KeyPairGenerator.getInstance("EC");
                keys.initialize(256);
                KeyPair rootKeys = keys.generateKeyPair();
                KeyPair tsaKeys = keys.generateKeyPair();
                Instant now = Instant.now();
                Date from = Date.from(now.minus(Duration.ofDays(1)));
                Date until = Date.from(now.plus(Duration.ofDays(3650)));
                X500Name rootName = new X500Name("CN=Local " + who + " time-stamping root,O=Compliance suite " + who);
                X509Certificate root = new JcaX509CertificateConverter().getCertificate(
                        new JcaX509v3CertificateBuilder(rootName, BigInteger.ONE, from, until, rootName,
                                rootKeys.getPublic())
                                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign))
                                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(rootKeys.getPrivate())));
                X509Certificate tsa = new JcaX509CertificateConverter().getCertificate(
                        new JcaX509v3CertificateBuilder(rootName, BigInteger.TWO, from, until,
                                new X500Name("CN=Local " + who + " time-stamping authority,O=Compliance suite " + who),
                                tsaKeys.getPublic())
                                .addExtension(Extension.extendedKeyUsage, true,
                                        new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping))
                                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(rootKeys.getPrivate())));
                return new Credentials(tsaKeys.getPrivate(), tsa, root);
            } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
                throw new IllegalStateException("Cannot make the time-stamping authority's keys", e);
            }
        }

        /**
         * The credentials kept in {@code directory}, made and kept there the first time: tokens given before a
         * restart still verify under the same root. Writes the root's PEM there too ({@value #ROOT_PEM}).
         */
        public static Credentials loadOrCreate(Path directory) throws IOException {
            Files.createDirectories(directory);
            Path keystore = directory.resolve(KEYSTORE);
            Credentials credentials;
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                if (Files.exists(keystore)) {
                    try (InputStream in = Files.newInputStream(keystore)) {
                        store.load(in, PASSWORD);
                    }
                    Certificate[] chain = store.getCertificateChain(ALIAS);
                    if (chain == null || chain.length != 2
                            || !(store.getKey(ALIAS, PASSWORD) instanceof PrivateKey key)) {
                        throw new IOException(keystore + " does not hold the authority's key and its two certificates");
                    }
                    credentials = new Credentials(key, (X509Certificate) chain[0], (X509Certificate) chain[1]);
                } else {
                    credentials = generate("demo");
                    store.load(null, null);
                    store.setKeyEntry(ALIAS, credentials.key(), PASSWORD,
                            new Certificate[] {credentials.certificate(), credentials.root()});
                    Path written = Files.createTempFile(directory, KEYSTORE, ".new");
                    try (OutputStream out = Files.newOutputStream(written)) {
                        store.store(out, PASSWORD);
                    }
                    Files.move(written, keystore, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (GeneralSecurityException e) {
                throw new IOException("Cannot read or write " + keystore + ": " + e.getMessage(), e);
            }
            Path pem = Files.writeString(Files.createTempFile(directory, ROOT_PEM, ".new"), credentials.rootPem());
            Files.move(pem, directory.resolve(ROOT_PEM), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            return credentials;
        }

        public String rootPem() {
            try {
                return "-----BEGIN CERTIFICATE-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(root.getEncoded())
                        + "\n-----END CERTIFICATE-----\n";
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
