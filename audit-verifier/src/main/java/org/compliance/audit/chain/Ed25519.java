package org.compliance.audit.chain;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 with the keys as audit-service holds and publishes them (private PKCS#8, public X.509, both Base64). What is
 * signed always begins with its own label ({@code compliance-checkpoint/1}, {@code compliance-bundle-contents/1}),
 * so a signature made for one statement can never be passed off as another.
 */
public final class Ed25519 {

    private Ed25519() {
    }

    public static String sign(byte[] statement, String privateKeyBase64) {
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKeyBase64)));
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(statement);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The signing key is unusable", e);
        }
    }

    /** False for a wrong key, a wrong signature or a malformed one; never throws for bad input. */
    public static boolean verify(byte[] statement, String signatureBase64, String publicKeyBase64) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(statement);
            return verifier.verify(Base64.getDecoder().decode(signatureBase64.trim()));
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }
}
