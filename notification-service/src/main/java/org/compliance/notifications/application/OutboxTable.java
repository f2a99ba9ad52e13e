package org.compliance.notifications.application;

/**
 * The outbox tables the relay sends from, and the little that differs between them: whether a delivery whose
 * sender stopped mid-send goes again, which rows may be claimed at all, and where the moment of success and
 * the receiver's answer are kept.
 */
public enum OutboxTable {

    /**
     * At most once: a message whose sender stopped while sending may have left, so it becomes UNKNOWN and is
     * not sent again by itself; an operator sees it among the failed deliveries.
     */
    EMAIL("E-mail", "notification_service.email_delivery", "", "sent_at", false,
            "UNKNOWN", "The sender stopped while sending; whether the message left is unknown"),

    /**
     * At least once: receivers de-duplicate by the delivery id, so a call whose sender stopped is simply made
     * again; only deliveries to endpoints still active are sent.
     */
    WEBHOOK("Webhook", "notification_service.webhook_delivery", """
            AND EXISTS (SELECT 1 FROM notification_service.webhook_subscription s
                        WHERE s.id = w.subscription_id AND s.active)""", "delivered_at", true,
            "FAILED", "The sender stopped while sending; sent again");

    final String noun;
    final String table;
    final String claimableOnlyIf;
    final String sentAtColumn;
    final boolean keepsAnswer;
    final String afterSenderStopped;
    final String senderStoppedError;

    OutboxTable(String noun, String table, String claimableOnlyIf, String sentAtColumn, boolean keepsAnswer,
                String afterSenderStopped, String senderStoppedError) {
        this.noun = noun;
        this.table = table;
        this.claimableOnlyIf = claimableOnlyIf;
        this.sentAtColumn = sentAtColumn;
        this.keepsAnswer = keepsAnswer;
        this.afterSenderStopped = afterSenderStopped;
        this.senderStoppedError = senderStoppedError;
    }
}
