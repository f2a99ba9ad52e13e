package org.compliance.api.evidence;

import java.time.Instant;

/**
 * A request issued as a formal information notice: the texts it states, and the PDF the suite rendered from them,
 * kept in the blob store under its SHA-256 ({@code blob} names it) and signed with the receipt key: Ed25519 over
 * {@link #signedText()}, which binds the PDF's hash to its request. {@code issuedAt} is the moment the notice is
 * dated with; {@code dueAt} the due moment it states (the request's).
 */
public record FormalNotice(String consequences, String rightOfAppeal, int appealPeriodDays, Instant issuedAt,
                           Instant dueAt, String sha256, long sizeBytes, String blob, String signatureAlgorithm,
                           String keyId, String signature) {

    /** What the signature covers, in UTF-8: a fixed label, the request id and the PDF's SHA-256 (lower-case hex). */
    public static String signedText(String requestId, String sha256) {
        return "compliance-formal-notice/1\n" + requestId + "\n" + sha256;
    }
}
