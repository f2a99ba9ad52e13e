package org.compliance.audit.chain;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The chain hash of an event, the same function the event store's trigger computes (see the event store's
 * migration {@code V2__event_hash_chain.sql}): SHA-256 over event id, aggregate type, aggregate id,
 * sequence number, timestamp, payload type, payload revision, payload, metadata and the previous hash, each
 * prefixed with its length as a 4-byte big-endian integer.
 */
public final class EventHash {

    private EventHash() {
    }

    public static byte[] of(StoredEvent e, byte[] previous) {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        field(input, text(e.eventId()));
        field(input, text(e.type() == null ? "" : e.type()));
        field(input, text(e.aggregateId()));
        field(input, text(Long.toString(e.sequenceNumber())));
        field(input, text(e.timeStamp()));
        field(input, text(e.payloadType()));
        field(input, text(e.payloadRevision() == null ? "" : e.payloadRevision()));
        field(input, e.payload());
        field(input, e.metaData() == null ? new byte[0] : e.metaData());
        field(input, previous == null ? new byte[0] : previous);
        try {
            return MessageDigest.getInstance("SHA-256").digest(input.toByteArray());
        } catch (NoSuchAlgorithmException e2) {
            throw new IllegalStateException(e2);
        }
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static void field(ByteArrayOutputStream input, byte[] value) {
        input.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
        input.writeBytes(value);
    }
}
