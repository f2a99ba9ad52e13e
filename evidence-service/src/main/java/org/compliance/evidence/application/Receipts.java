package org.compliance.evidence.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.compliance.api.evidence.EvidenceSubmitted;
import org.compliance.api.evidence.views.PublishedKey;
import org.compliance.api.evidence.views.Receipt;
import org.compliance.api.evidence.views.ReceiptFile;
import org.compliance.api.evidence.views.SignedReceipt;
import org.compliance.api.evidence.views.Verification;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signed receipts for submissions: the receipt's canonical JSON (properties in alphabetical order, no
 * spaces, instants in ISO-8601) signed with the service's Ed25519 key. Anyone with the published public key
 * can check one; so can {@link #verify(SignedReceipt)}.
 */
@ApplicationScoped
public class Receipts {

    public static final String ALGORITHM = "Ed25519";

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    public Receipts(@ConfigProperty(name = "compliance.receipts.private-key") String privateKey,
                    @ConfigProperty(name = "compliance.receipts.public-key") String publicKey)
            throws GeneralSecurityException {
        KeyFactory keys = KeyFactory.getInstance(ALGORITHM);
        this.privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey)));
        byte[] encodedPublic = Base64.getDecoder().decode(publicKey);
        this.publicKey = keys.generatePublic(new X509EncodedKeySpec(encodedPublic));
        this.keyId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encodedPublic), 0, 8);
    }

    public SignedReceipt issue(EvidenceSubmitted submitted, String organisationAlias, Instant now) {
        Receipt receipt = new Receipt(submitted.requestId(), submitted.caseId(), organisationAlias,
                submitted.submissionId(),
                submitted.files().stream().map(f -> new ReceiptFile(f.fileName(), f.sizeBytes(), f.sha256())).toList(),
                submitted.submittedBy().userId(), submitted.submittedBy().name(), submitted.statementOfTruth(),
                submitted.submittedAt(), submitted.late(), now);
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(canonical(receipt));
            return new SignedReceipt(receipt, ALGORITHM, keyId, Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign a receipt", e);
        }
    }

    public Verification verify(SignedReceipt signed) {
        if (signed.receipt() == null || signed.signature() == null) {
            return new Verification(false, "A signed receipt has the receipt and its signature");
        }
        if (!ALGORITHM.equals(signed.algorithm()) || !keyId.equals(signed.keyId())) {
            return new Verification(false, "Not signed with this service's key (" + ALGORITHM + ", key " + keyId + ")");
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(canonical(signed.receipt()));
            boolean valid = verifier.verify(Base64.getDecoder().decode(signed.signature()));
            return new Verification(valid, valid ? "The signature matches the receipt"
                    : "The signature does not match the receipt: it was altered or signed by another key");
        } catch (IllegalArgumentException e) {
            return new Verification(false, "The signature is not base64");
        } catch (GeneralSecurityException e) {
            return new Verification(false, "The signature is malformed: " + e.getMessage());
        }
    }

    /**
     * Signs {@code text} (UTF-8) with the same key as receipts, for the other documents the suite hands out (formal
     * notices): Base64 of the Ed25519 signature. What such a text says must never parse as a receipt's JSON.
     */
    public String sign(String text) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign", e);
        }
    }

    /**
     * The receipt as a PDF a person can keep ({@link ReceiptPdf}), carrying the signed receipt and the exact bytes
     * its signature covers.
     */
    public byte[] pdf(SignedReceipt signed, ReceiptHeading heading) {
        byte[] encoded = publicKey.getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getEncoder().encodeToString(encoded)
                + "\n-----END PUBLIC KEY-----";
        try {
            return ReceiptPdf.render(signed, heading, new ReceiptPdf.Signing(
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encoded)), pem,
                    CANONICAL.writeValueAsBytes(signed), canonical(signed.receipt())));
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The id of the signing key: the first 8 bytes (hex) of the SHA-256 of its public key's X.509 encoding. */
    public String keyId() {
        return keyId;
    }

    public PublishedKey publishedKey() {
        return new PublishedKey(ALGORITHM, keyId, Base64.getEncoder().encodeToString(publicKey.getEncoded()));
    }

    static byte[] canonical(Receipt receipt) {
        try {
            return CANONICAL.writeValueAsBytes(receipt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
