package org.compliance.notifications.application;

import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The e-mail channel: sends one message of the e-mail outbox over SMTP, text and HTML as the notifier rendered
 * them, with the Message-ID {@code <delivery id@message-id-domain>}. A refused or failed send is an exception,
 * which the relay counts as a failed attempt.
 */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    private final AgroalDataSource dataSource;
    private final Mailer mailer;
    private final String domain;

    public EmailSender(AgroalDataSource dataSource, Mailer mailer,
                       @ConfigProperty(name = "compliance.notifications.message-id-domain",
                               defaultValue = "compliance.invalid") String domain) {
        this.dataSource = dataSource;
        this.mailer = mailer;
        this.domain = domain;
    }

    @Override
    public OutboxTable outbox() {
        return OutboxTable.EMAIL;
    }

    @Override
    public Outcome send(UUID deliveryId) throws SQLException {
        mailer.send(message(deliveryId).addHeader("Message-ID", "<" + deliveryId + "@" + domain + ">"));
        return new Sent(null);
    }

    private Mail message(UUID deliveryId) throws SQLException {
        try (var connection = dataSource.getConnection(); var select = connection.prepareStatement("""
                SELECT address, subject, text_body, html_body FROM notification_service.email_delivery
                WHERE id = ?""")) {
            select.setObject(1, deliveryId);
            try (var row = select.executeQuery()) {
                row.next();
                return Mail.withText(row.getString(1), row.getString(2), row.getString(3)).setHtml(row.getString(4));
            }
        }
    }
}
