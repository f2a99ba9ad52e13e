package org.compliance.notifications.application;

import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.compliance.notifications.domain.RetrySchedule;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends the e-mail outbox over SMTP. A row is claimed (SENDING, committed) before it is sent and marked
 * SENT after: if the process dies in between, nobody knows whether the message left, so the row becomes
 * UNKNOWN and is not sent again by itself (at most once); an operator sees it among the failed deliveries.
 * A refused or failed send is retried with back-off and dead-lettered after the configured attempts.
 */
@ApplicationScoped
public class EmailSender {

    private static final Logger LOG = Logger.getLogger(EmailSender.class);

    private record Claimed(UUID id, String address, String subject, String text, String html, int attempts) {
    }

    private final AgroalDataSource dataSource;
    private final Mailer mailer;
    private final Clock clock;
    private final RetrySchedule retries;
    private final Duration claimTimeout;
    private final String domain;

    public EmailSender(AgroalDataSource dataSource, Mailer mailer, Clock clock, RetrySchedule retries,
                       @ConfigProperty(name = "compliance.notifications.claim-timeout", defaultValue = "5m")
                       Duration claimTimeout,
                       @ConfigProperty(name = "compliance.notifications.message-id-domain",
                               defaultValue = "compliance.invalid") String domain) {
        this.dataSource = dataSource;
        this.mailer = mailer;
        this.clock = clock;
        this.retries = retries;
        this.claimTimeout = claimTimeout;
        this.domain = domain;
    }

    @Scheduled(every = "${compliance.notifications.delivery-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() throws SQLException {
        abandonStaleClaims();
        for (Claimed mail : claim(20)) {
            try {
                mailer.send(Mail.withText(mail.address(), mail.subject(), mail.text()).setHtml(mail.html())
                        .addHeader("Message-ID", "<" + mail.id() + "@" + domain + ">"));
                finish(mail.id(), "SENT", null, null);
                LOG.infof("E-mail %s sent to %s", mail.id(), mail.address());
            } catch (RuntimeException e) {
                int attempts = mail.attempts();
                boolean dead = retries.exhausted(attempts);
                Instant next = clock.instant().plus(retries.delayAfter(attempts, ThreadLocalRandom.current().nextDouble()));
                finish(mail.id(), dead ? "DEAD" : "FAILED", e.getMessage(), next);
                LOG.warnf("E-mail %s to %s failed (attempt %d%s): %s", mail.id(), mail.address(), attempts,
                        dead ? ", dead-lettered" : ", retry at " + next, e.getMessage());
            }
        }
    }

    private List<Claimed> claim(int limit) throws SQLException {
        try (var connection = dataSource.getConnection(); var claim = connection.prepareStatement("""
                UPDATE notification_service.email_delivery SET status = 'SENDING', attempts = attempts + 1,
                    claimed_at = ?
                WHERE id IN (SELECT id FROM notification_service.email_delivery
                             WHERE status IN ('PENDING', 'FAILED') AND next_attempt_at <= ?
                             ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING id, address, subject, text_body, html_body, attempts""")) {
            Timestamp now = Timestamp.from(clock.instant());
            claim.setTimestamp(1, now);
            claim.setTimestamp(2, now);
            claim.setInt(3, limit);
            List<Claimed> claimed = new ArrayList<>();
            try (var rows = claim.executeQuery()) {
                while (rows.next()) {
                    claimed.add(new Claimed(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getInt(6)));
                }
            }
            return claimed;
        }
    }

    private void finish(UUID id, String status, String error, Instant next) throws SQLException {
        try (var connection = dataSource.getConnection(); var update = connection.prepareStatement("""
                UPDATE notification_service.email_delivery SET status = ?, last_error = ?,
                    next_attempt_at = COALESCE(?, next_attempt_at), sent_at = ?,
                    claimed_at = NULL
                WHERE id = ?""")) {
            update.setString(1, status);
            update.setString(2, error);
            update.setTimestamp(3, next == null ? null : Timestamp.from(next));
            update.setTimestamp(4, "SENT".equals(status) ? Timestamp.from(clock.instant()) : null);
            update.setObject(5, id);
            update.executeUpdate();
        }
    }

    private void abandonStaleClaims() throws SQLException {
        try (var connection = dataSource.getConnection(); var update = connection.prepareStatement("""
                UPDATE notification_service.email_delivery SET status = 'UNKNOWN',
                    last_error = 'The sender stopped while sending; whether the message left is unknown'
                WHERE status = 'SENDING' AND claimed_at < ?""")) {
            update.setTimestamp(1, Timestamp.from(clock.instant().minus(claimTimeout)));
            int abandoned = update.executeUpdate();
            if (abandoned > 0) {
                LOG.warnf("%d e-mail(s) were being sent when a sender stopped: marked UNKNOWN, not resent", abandoned);
            }
        }
    }
}
