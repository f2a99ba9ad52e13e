package org.compliance.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The event store's chain hash (platform's {@code V2__event_hash_chain.sql}): SHA-256 over the fields, each
 * prefixed with its length as a 4-byte big-endian integer. Used to seed large stores without the trigger.
 */
final class ChainHash {

    private ChainHash() {
    }

    static byte[] of(String eventId, String type, String aggregate, long sequence, String timeStamp,
                     String payloadType, String payloadRevision, byte[] payload, byte[] metaData, byte[] previous) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String text : new String[] {eventId, type == null ? "" : type, aggregate, Long.toString(sequence),
                    timeStamp, payloadType, payloadRevision == null ? "" : payloadRevision}) {
                field(sha256, text.getBytes(StandardCharsets.UTF_8));
            }
            field(sha256, payload);
            field(sha256, metaData == null ? new byte[0] : metaData);
            field(sha256, previous == null ? new byte[0] : previous);
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void field(MessageDigest digest, byte[] value) {
        digest.update(ByteBuffer.allocate(4).putInt(value.length).array());
        digest.update(value);
    }
}
