package org.compliance.notifications.application;

import java.sql.SQLException;
import java.util.UUID;

/**
 * How the deliveries of one channel leave: the relay claims them from the channel's outbox table, hands each
 * one here, and records the outcome (sent, retried later, or dead-lettered).
 */
public interface ChannelSender {

    OutboxTable outbox();

    /** Sends one claimed delivery; a runtime exception counts as a failed attempt. */
    Outcome send(UUID deliveryId) throws SQLException;

    /** What became of one attempt; {@code answer} is the receiver's HTTP status where there is one. */
    sealed interface Outcome {
    }

    record Sent(Integer answer) implements Outcome {
    }

    /** Tried again later with back-off, until the attempts run out. */
    record Failed(String reason, Integer answer) implements Outcome {
    }

    /** Will never succeed as it stands: dead-lettered at once. */
    record Refused(String reason) implements Outcome {
    }
}
