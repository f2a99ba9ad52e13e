package org.compliance.notifications.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a webhook delivery is signed: the Standard Webhooks specification (standardwebhooks.com), so that a
 * receiver can check it with any of that specification's libraries. The headers are {@code webhook-id} (the
 * delivery id, the same on every retry), {@code webhook-timestamp} (unix seconds of this attempt) and
 * {@code webhook-signature}: {@code v1,} and the base64 HMAC-SHA256 of {@code "<id>.<timestamp>.<body>"}, keyed
 * with the secret's bytes. A secret is written {@code whsec_} and the base64 of those bytes.
 */
public final class WebhookSignature {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";
    /** Not part of the specification: the payload's {@code type} again, for receivers that route by header. */
    public static final String TYPE_HEADER = "Compliance-Event-Type";

    private static final String SECRET_PREFIX = "whsec_";
    private static final String VERSION = "v1,";

    private WebhookSignature() {
    }

    /** A secret as it is shown to the organisation and stored: {@code whsec_} and the base64 of the key. */
    public static String secret(byte[] key) {
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} header of one attempt. */
    public static String sign(String secret, String id, long timestamp, String body) {
        return VERSION + hmac(secret, id, String.valueOf(timestamp), body);
    }

    /**
     * The receiver's check (without its clock: it must also refuse a timestamp too far from now): true when
     * any of the space-separated signatures in {@code signatures} is a {@code v1} signature of this delivery.
     */
    public static boolean verify(String secret, String id, String timestamp, String signatures, String body) {
        byte[] expected = hmac(secret, id, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        for (String signature : signatures.split(" ")) {
            if (signature.startsWith(VERSION) && MessageDigest.isEqual(expected,
                    signature.substring(VERSION.length()).getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    private static String hmac(String secret, String id, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] signed = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] key(String secret) {
        return Base64.getDecoder().decode(secret.startsWith(SECRET_PREFIX)
                ? secret.substring(SECRET_PREFIX.length()) : secret);
    }
}
