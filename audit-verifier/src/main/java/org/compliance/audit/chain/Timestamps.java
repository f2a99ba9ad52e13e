package org.compliance.audit.chain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Selector;

/**
 * RFC 3161 time-stamps of checkpoints: a time-stamping authority outside the operator signs that it saw a checkpoint's
 * signed text (its SHA-256) at a time of its own clock. An operator who rewrites the store can sign a new checkpoint
 * with its own key and backdate it, but cannot have an authority sign a time earlier than the moment it asks: the
 * token's time then gives the rewrite away, and the earlier token still covers the earlier root.
 */
public final class Timestamps {

    /** What a valid token says: when, by whom, and the SHA-256 fingerprint of the authority's certificate. */
    public record Stamp(Instant time, String authority, String certificateFingerprint) {
    }

    /** A token that does not hold: unreadable, for other bytes, badly signed, or by an untrusted authority. */
    public static final class Invalid extends Exception {
        public Invalid(String message) {
            super(message);
        }
    }

    private static final SecureRandom NONCES = new SecureRandom();

    private Timestamps() {
    }

    /** A time-stamp request (DER) for {@code signed}'s SHA-256, asking for the authority's certificate in the token. */
    public static byte[] request(byte[] signed) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        try {
            return generator.generate(NISTObjectIdentifiers.id_sha256, MerkleTree.sha256(signed),
                    new BigInteger(64, NONCES)).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token of an authority's response to {@code request}, once the response is checked against the request. */
    public static byte[] token(byte[] request, byte[] response) throws Invalid {
        try {
            TimeStampResponse answer = new TimeStampResponse(response);
            answer.validate(new TimeStampRequest(request));
            if (answer.getTimeStampToken() == null) {
                throw new Invalid("the authority granted no token: " + answer.getStatusString());
            }
            return answer.getTimeStampToken().getEncoded();
        } catch (TSPException | IOException | RuntimeException e) {
            throw new Invalid("the authority's response does not answer the request: " + e.getMessage());
        }
    }

    /**
     * Checks that {@code token} time-stamps exactly {@code signed} and is signed by a time-stamping certificate: one of
     * {@code trusted} or issued by one of them, or when {@code trusted} is empty, the certificate the token carries
     * (then only its fingerprint says whose it is).
     */
    public static Stamp verify(byte[] token, byte[] signed, List<X509Certificate> trusted) throws Invalid {
        TimeStampToken stamp;
        try {
            stamp = new TimeStampToken(new CMSSignedData(token));
        } catch (CMSException | TSPException | IOException | RuntimeException e) {
            throw new Invalid("not an RFC 3161 time-stamp token: " + e.getMessage());
        }
        var info = stamp.getTimeStampInfo();
        if (!info.getMessageImprintAlgOID().equals(NISTObjectIdentifiers.id_sha256)
                || !Arrays.equals(info.getMessageImprintDigest(), MerkleTree.sha256(signed))) {
            throw new Invalid("the token time-stamps other bytes than this checkpoint's signed text");
        }
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> carried = stamp.getCertificates()
                .getMatches((Selector<X509CertificateHolder>) stamp.getSID());
        if (carried.isEmpty()) {
            throw new Invalid("the token does not carry the authority's certificate");
        }
        try {
            X509Certificate signer = new JcaX509CertificateConverter().getCertificate(carried.iterator().next());
            if (!trusted.isEmpty() && trusted.stream().noneMatch(anchor -> vouchesFor(anchor, signer))) {
                throw new Invalid("signed by " + signer.getSubjectX500Principal().getName() + " (certificate "
                        + fingerprint(signer) + "), not by a trusted time-stamping authority");
            }
            // signature, the certificate's time-stamping purpose, and its validity at the stamped time
            stamp.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
            return new Stamp(info.getGenTime().toInstant(), signer.getSubjectX500Principal().getName(),
                    fingerprint(signer));
        } catch (TSPException e) {
            throw new Invalid("the token's signature does not hold: " + e.getMessage());
        } catch (GeneralSecurityException | OperatorCreationException | RuntimeException e) {
            throw new Invalid("the authority's certificate cannot be used: " + e.getMessage());
        }
    }

    private static boolean vouchesFor(X509Certificate anchor, X509Certificate signer) {
        if (anchor.equals(signer)) {
            return true;
        }
        try {
            signer.verify(anchor.getPublicKey());
            return signer.getIssuerX500Principal().equals(anchor.getSubjectX500Principal());
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** Certificates from PEM or DER bytes (an authority's certificate as it publishes it). */
    public static List<X509Certificate> certificates(byte[] encoded) throws Invalid {
        try {
            return CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(encoded))
                    .stream().map(X509Certificate.class::cast).toList();
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new Invalid("not an X.509 certificate: " + e.getMessage());
        }
    }

    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MerkleTree.sha256(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
